package net.twampagent.it.harness;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One agent as a user runs it: {@code bin/twamp-agent} on its own state directory, an admin password file and
 * free ports, with stdout and stderr kept in {@code agent.log} beside the state directory. The same state
 * directory can be started again after a stop or a kill, which is what the restart tests need.
 */
public final class AgentProcess implements AutoCloseable {
    /** The user the agent creates and the tests log in as. */
    public static final String ADMIN = "admin";
    /** Where the NETCONF listener binds: loopback only, tests never listen outside the machine. */
    public static final String HOST = "127.0.0.1";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final long READY_POLL_MILLIS = 200;
    private static final String CONFIG_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final String TWAMP_NS = "urn:net:twampagent:yang:twamp-server";

    /** Agents still running when the test JVM ends (a hung test killed by surefire's timeout) are killed too. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }), "it-agents-shutdown"));
    }

    private final Path dir;
    private final Path stateDir;
    private final Path passwordFile;
    private final Path log;
    private final String password;
    private final int netconfPort;
    private final int twampPort;
    private Process process;
    private int starts;

    private AgentProcess(final Path dir, final int twampPort) {
        this.dir = dir;
        this.stateDir = dir.resolve("state");
        this.passwordFile = dir.resolve("admin-password");
        this.log = dir.resolve("agent.log");
        final var secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
        this.netconfPort = FreePorts.tcp();
        this.twampPort = twampPort;
    }

    /**
     * Prepares an agent in {@code dir} (created, must not hold an earlier agent): an admin password file, and a
     * state directory whose saved configuration is the TWAMP server on {@code twampPort}, so no test ever
     * depends on the well-known port 862 being free.
     */
    public static AgentProcess prepare(final Path dir, final int twampPort) {
        final var agent = new AgentProcess(dir, twampPort);
        try {
            Files.createDirectories(agent.stateDir);
            Files.writeString(agent.passwordFile, agent.password + "\n", StandardCharsets.UTF_8);
            Files.writeString(agent.stateDir.resolve("running.xml"), """
                <config xmlns="%s">
                  <twamp xmlns="%s">
                    <server>
                      <port>%d</port>
                    </server>
                  </twamp>
                </config>
                """.formatted(CONFIG_NS, TWAMP_NS, twampPort), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the agent's directory " + dir, e);
        }
        return agent;
    }

    /**
     * Starts the agent and waits until its SSH listener answers with an SSH banner.
     *
     * @throws AssertionError when it exits or does not answer within the start timeout, with its log
     */
    public AgentProcess start() {
        launch();
        awaitReady(ItEnvironment.startTimeout());
        return this;
    }

    /**
     * Starts the agent where it is expected to refuse to run, and waits for it to exit.
     *
     * @return its exit status
     * @throws AssertionError when it is still running after the start timeout, or opens its SSH port
     */
    public int startExpectingExit() {
        launch();
        final long deadline = System.nanoTime() + ItEnvironment.startTimeout().toNanos();
        while (process.isAlive()) {
            if (sshBannerArrives()) {
                close();
                throw new AssertionError("the agent started when it should have refused to; its log:\n" + logText());
            }
            if (System.nanoTime() - deadline > 0) {
                close();
                throw new AssertionError("the agent neither started nor exited within "
                    + ItEnvironment.startTimeout().toSeconds() + " s; its log:\n" + logText());
            }
            try {
                Thread.sleep(READY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the agent", e);
            }
        }
        return process.exitValue();
    }

    private void launch() {
        if (isRunning()) {
            throw new IllegalStateException("the agent in " + dir + " is already running");
        }
        starts++;
        final List<String> command = List.of(ItEnvironment.agentCommand().toString(),
            "--state-dir", stateDir.toString(),
            "--netconf-address", HOST,
            "--netconf-port", Integer.toString(netconfPort),
            "--admin-password-file", passwordFile.toString(),
            "--log-level", "INFO");
        try {
            Files.writeString(log, "=== start " + starts + " at " + Instant.now() + ": " + String.join(" ", command)
                + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            final var started = process;
            LIVE.add(started);
            started.onExit().thenRun(() -> LIVE.remove(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        }
    }

    private void awaitReady(final Duration timeout) {
        final long begin = System.nanoTime();
        final long deadline = begin + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the agent exited with " + process.exitValue()
                    + " before its SSH port " + netconfPort + " answered; its log:\n" + logText());
            }
            if (sshBannerArrives()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                close();
                throw new AssertionError("the agent's SSH port " + netconfPort + " did not answer within "
                    + timeout.toSeconds() + " s; its log:\n" + logText());
            }
            try {
                Thread.sleep(READY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the agent", e);
            }
        }
    }

    private boolean sshBannerArrives() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, netconfPort), 1000);
            socket.setSoTimeout(5000);
            final var line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)).readLine();
            return line != null && line.startsWith("SSH-2.0");
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, as an init system stops a service; returns the exit status. */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                close();
                throw new AssertionError("the agent did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s of SIGTERM; its log:\n" + logText());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the agent", e);
        }
        return process.exitValue();
    }

    /** SIGKILL: the agent gets no chance to save or say anything, as in a power cut of the process. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the agent survived SIGKILL for " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing the agent", e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the agent whatever state it is in: SIGTERM, then SIGKILL for it and anything it started. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        final var children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    public Path dir() {
        return dir;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path passwordFile() {
        return passwordFile;
    }

    public String password() {
        return password;
    }

    public int netconfPort() {
        return netconfPort;
    }

    /** The TWAMP-Control port of the configuration the state directory was seeded with. */
    public int twampPort() {
        return twampPort;
    }

    public Path log() {
        return log;
    }

    /** Everything the agent printed over all its starts. */
    public String logText() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "agent in " + dir + " (NETCONF port " + netconfPort + ", TWAMP port " + twampPort + ")";
    }
}
