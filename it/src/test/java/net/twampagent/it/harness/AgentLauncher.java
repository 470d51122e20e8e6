package net.twampagent.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts agents for a test class and always stops them; prints their logs when a test fails, since an
 * end-to-end failure is usually explained there. Register it as a static field with {@code @RegisterExtension}.
 *
 * <p>{@link #shared()} starts one agent for the class's tests and stops it after the last, for
 * scenarios that each leave the agent as they found it (cold start is several seconds). {@link #perTest()} starts
 * nothing itself: each test prepares its own agents, stopped after the test, for tests that kill or restart one.
 */
public final class AgentLauncher implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, TestWatcher {
    private static final int LOG_LINES_SHOWN = 300;

    private final boolean shared;
    private final List<AgentProcess> agents = new CopyOnWriteArrayList<>();
    private Path classDir;
    private AgentProcess sharedAgent;
    private AssertionError sharedFailure;

    private AgentLauncher(final boolean shared) {
        this.shared = shared;
    }

    public static AgentLauncher shared() {
        return new AgentLauncher(true);
    }

    public static AgentLauncher perTest() {
        return new AgentLauncher(false);
    }

    @Override
    public void beforeAll(final ExtensionContext context) {
        classDir = ItEnvironment.workDir().resolve(context.getRequiredTestClass().getSimpleName());
        deleteTree(classDir);
    }

    /**
     * The agent every test of the class shares, started by the first test that asks for it: a class whose
     * tests are all skipped or disabled starts none.
     */
    public synchronized AgentProcess agent() {
        if (!shared) {
            throw new IllegalStateException("this launcher starts no shared agent; use prepare()");
        }
        if (sharedFailure != null) {
            throw new AssertionError("the shared agent of this class did not start (see the first failure)",
                sharedFailure);
        }
        if (sharedAgent == null) {
            try {
                sharedAgent = prepare(FreePorts.tcp()).start();
            } catch (AssertionError e) {
                // One failed start is enough: every later test would wait the whole start timeout again.
                sharedFailure = e;
                throw e;
            }
        }
        return sharedAgent;
    }

    /** A new agent (not started) in its own directory, its configuration seeded with TWAMP on {@code twampPort}. */
    public AgentProcess prepare(final int twampPort) {
        final var agent = AgentProcess.prepare(classDir.resolve("agent-" + (agents.size() + 1)), twampPort);
        agents.add(agent);
        return agent;
    }

    @Override
    public void testFailed(final ExtensionContext context, final Throwable cause) {
        for (var agent : agents) {
            final var lines = agent.logText().lines().toList();
            final var shown = lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size());
            System.out.println("---- " + context.getDisplayName() + " failed; the last " + shown.size()
                + " lines of the " + agent + " log (" + agent.log() + "):");
            shown.forEach(System.out::println);
            System.out.println("---- end of the agent log");
        }
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        if (!shared) {
            agents.forEach(AgentProcess::close);
        }
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        agents.forEach(AgentProcess::close);
    }

    /** The directory of the class's agents and outputs. */
    public Path classDir() {
        return Optional.ofNullable(classDir).orElseThrow(() -> new IllegalStateException("not started"));
    }

    private static void deleteTree(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
