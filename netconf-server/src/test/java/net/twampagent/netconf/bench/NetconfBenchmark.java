package net.twampagent.netconf.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.twampagent.netconf.server.NetconfClient;

/**
 * Prints the agent's figures: cold start of a fresh agent process until an SSH session gets its hello, then
 * get-config and edit-config+commit round trips per second over one SSH session with the Java client.
 *
 * <p>Run after {@code mvn -o -q package -pl netconf-server}:
 * {@code java -cp netconf-server/target/test-classes:netconf-server/target/classes:$(cat
 * netconf-server/target/classpath.txt) net.twampagent.netconf.bench.NetconfBenchmark [seconds-per-measure]}
 */
public final class NetconfBenchmark {
    private static final String PASSWORD = "benchmark-password";
    private static final String NS = "urn:net:twampagent:yang:twamp-server";

    private NetconfBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        final var state = Files.createTempDirectory("netconf-bench");
        final var passwordFile = state.resolve("admin-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        final int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
            "-cp", System.getProperty("java.class.path"), "net.twampagent.netconf.Main",
            "--state-dir", state.toString(), "--netconf-address", "127.0.0.1", "--netconf-port",
            Integer.toString(port), "--admin-password-file", passwordFile.toString(), "--log-level", "WARN"));
        final long t0 = System.nanoTime();
        final var process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(state.resolve("agent.log").toFile()).start();
        try {
            final var client = connect(port, t0 + TimeUnit.SECONDS.toNanos(120));
            final double coldStart = (System.nanoTime() - t0) / 1e9;
            System.out.printf("cold start to SSH hello: %.2f s (fresh JVM, new state dir, host key generated)%n",
                coldStart);
            try (client) {
                measure("get-config (running, small config)", seconds, () ->
                    client.rpc("<get-config><source><running/></source></get-config>"));
                final int[] port2 = {1000};
                measure("edit-config + commit", seconds, () -> {
                    port2[0] = port2[0] % 60000 + 1;
                    check(client.rpc("<edit-config><target><candidate/></target><config><twamp xmlns=\"" + NS
                        + "\"><server><port>" + port2[0] + "</port></server></twamp></config></edit-config>"));
                    check(client.rpc("<commit/>"));
                    return null;
                });
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private interface Call {
        Object run() throws IOException;
    }

    private static void check(final String reply) {
        if (!reply.contains("<ok/>")) {
            throw new IllegalStateException("unexpected reply: " + reply);
        }
    }

    private static void measure(final String what, final long seconds, final Call call) throws IOException {
        for (int i = 0; i < 200; i++) {
            call.run();
        }
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        final long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end && n < 10_000_000) {
            call.run();
            n++;
        }
        final double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d round trips in %.2f s = %.0f per second (%.2f ms each)%n", what, n, elapsed,
            n / elapsed, elapsed * 1000 / n);
    }

    private static NetconfClient connect(final int port, final long deadline) throws Exception {
        while (true) {
            try {
                return NetconfClient.ssh(port, "admin", PASSWORD);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}
