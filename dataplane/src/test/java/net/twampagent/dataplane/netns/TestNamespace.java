package net.twampagent.dataplane.netns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A named network namespace of a test, made with iproute2 and with its loopback up, so 127.0.0.1 inside works.
 * The random name keeps parallel runs apart; closing deletes it whatever state the test left it in.
 */
public final class TestNamespace implements AutoCloseable {
    private static final long IP_TIMEOUT_SECONDS = 30;
    private static final int CAP_SYS_ADMIN = 21;

    /**
     * Namespaces not closed yet. A JVM ending in the middle of a test (a timeout, a build that removed the
     * classes under a running test) would otherwise leave them in /run/netns for good.
     */
    private static final Set<TestNamespace> LEFT_BEHIND = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(TestNamespace::deleteLeftBehind));
    }

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    /**
     * Skips the calling test, with the reason, where namespaces cannot be made: without CAP_SYS_ADMIN (not root,
     * or root in a container that dropped it), or without {@code ip}.
     */
    public static void assumeNamespacesCanBeMade() throws IOException {
        long effective = effectiveCapabilities();
        assumeTrue((effective & (1L << CAP_SYS_ADMIN)) != 0,
                "making and entering network namespaces needs CAP_SYS_ADMIN (root); effective capabilities are 0x"
                        + Long.toHexString(effective));
        assumeTrue(ipCommand() != null, "iproute2's ip command is not installed (apt-get install iproute2)");
    }

    public static TestNamespace create() throws IOException {
        TestNamespace namespace = new TestNamespace(
                "twt-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        namespace.add();
        LEFT_BEHIND.add(namespace);
        return namespace;
    }

    public String name() {
        return name;
    }

    /** {@code ip netns del}: the name goes, the namespace lives on while anything still uses it. */
    public void delete() throws IOException {
        ip("netns", "del", name);
    }

    /** {@code ip netns add} again under the same name: a new namespace. */
    public void add() throws IOException {
        ip("netns", "add", name);
        try {
            ip("-n", name, "link", "set", "lo", "up");
        } catch (IOException e) {
            delete();
            throw e;
        }
    }

    /**
     * Links this namespace to {@code other} by a veth pair: {@code address} (CIDR) here, {@code otherAddress}
     * there, both ends up. Deleting either namespace deletes the pair.
     */
    public void linkTo(TestNamespace other, String address, String otherAddress) throws IOException {
        String end = "twv" + name.substring(name.length() - 8);
        String otherEnd = end + "p";
        ip("link", "add", end, "netns", name, "type", "veth", "peer", "name", otherEnd, "netns", other.name);
        ip("-n", name, "addr", "add", address, "dev", end);
        ip("-n", name, "link", "set", end, "up");
        ip("-n", other.name, "addr", "add", otherAddress, "dev", otherEnd);
        ip("-n", other.name, "link", "set", otherEnd, "up");
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(NetworkNamespaces.NAMESPACE_DIRECTORY.resolve(name))) {
            delete();
        }
        LEFT_BEHIND.remove(this);
    }

    private static void ip(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ipCommand());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(IP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish in " + IP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command + " interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed with exit " + process.exitValue() + ": " + output);
        }
    }

    private static void deleteLeftBehind() {
        for (TestNamespace namespace : List.copyOf(LEFT_BEHIND)) {
            try {
                namespace.close();
            } catch (IOException e) {
                System.err.println("cannot delete test namespace " + namespace.name + ": " + e.getMessage());
            }
        }
    }

    private static long effectiveCapabilities() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                return Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
            }
        }
        return 0;
    }

    private static String ipCommand() {
        for (String directory : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(directory, "ip");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
