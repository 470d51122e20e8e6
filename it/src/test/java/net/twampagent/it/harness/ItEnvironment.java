package net.twampagent.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the tests find the agent's command, the scripts, the model and their scratch space (set by the pom). */
public final class ItEnvironment {
    private ItEnvironment() {
    }

    /** The command that starts the agent: {@code bin/twamp-agent}. */
    public static Path agentCommand() {
        return existing("twamp.agent.command");
    }

    /** The ncclient scenario scripts. */
    public static Path pythonDir() {
        return existing("twamp.it.pythonDir");
    }

    /** The YANG modules the agent serves, for yanglint. */
    public static Path yangDir() {
        return existing("twamp.it.yangDir");
    }

    /**
     * Scratch space under target/ for this test run: state directories, logs, replies. One directory per run
     * (named after the test JVM's pid), so two runs in one checkout never clean each other's agents away.
     */
    public static Path workDir() {
        return Path.of(property("twamp.it.workDir")).resolve("run-" + ProcessHandle.current().pid());
    }

    /** How long one agent may take to start accepting SSH. */
    public static Duration startTimeout() {
        return Duration.ofSeconds(Long.parseLong(System.getProperty("twamp.it.startTimeoutSeconds", "120")));
    }

    private static Path existing(final String name) {
        final var path = Path.of(property(name));
        if (!Files.exists(path)) {
            throw new IllegalStateException("system property " + name + " names " + path + ", which does not exist");
        }
        return path;
    }

    private static String property(final String name) {
        final var value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name
                + " is not set: run these tests with Maven (mvn -B verify -pl it), whose pom sets it");
        }
        return value;
    }
}
