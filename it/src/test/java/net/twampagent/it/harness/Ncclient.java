package net.twampagent.it.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the ncclient scenario scripts of {@code src/test/python} against an agent, with Debian's python3 and
 * its python3-ncclient. Each script is a small program that prints what it checked and exits non-zero with a
 * clear message when something is wrong; it also has every {@code <get>} and {@code <get-config>} reply it
 * receives validated by yanglint against the agent's own model.
 */
public final class Ncclient {
    /** Debian's interpreter: another python3 on PATH (pyenv) does not see Debian's packages. */
    public static final String PYTHON = "/usr/bin/python3";
    /** Bound on one script; the longest (confirmed-commit timeouts) needs well under a minute. */
    public static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(180);

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static volatile boolean checked;

    private Ncclient() {
    }

    /** Runs {@code script} with {@code args} against {@code agent} and returns what it did. */
    public static ExternalCommand.Result run(final AgentProcess agent, final String script, final String... args) {
        return start(agent, script, args).finish(SCRIPT_TIMEOUT);
    }

    /** Starts {@code script} in the background (for subscribers); finish it with {@link ExternalCommand#finish}. */
    public static ExternalCommand start(final AgentProcess agent, final String script, final String... args) {
        requireNcclient();
        final var run = RUNS.incrementAndGet();
        final var name = script.replace(".py", "") + "-" + run;
        final List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.add(ItEnvironment.pythonDir().resolve(script).toString());
        command.addAll(List.of(args));
        return ExternalCommand.start(command, environment(agent, agent.dir().resolve("replies").resolve(name)),
            agent.dir().resolve("scripts").resolve(name + ".out"));
    }

    /** Runs {@code script} and fails the test with its output unless it exits 0. */
    public static ExternalCommand.Result assertPasses(final AgentProcess agent, final String script,
            final String... args) {
        final var result = run(agent, script, args);
        if (!result.succeeded()) {
            throw new AssertionError("the ncclient scenario " + script + " failed: " + result.describe());
        }
        return result;
    }

    /** What the scripts read to reach the agent (see twampit.py). */
    static Map<String, String> environment(final AgentProcess agent, final Path replyDir) {
        final var env = new HashMap<String, String>();
        env.put("TWAMP_IT_HOST", AgentProcess.HOST);
        env.put("TWAMP_IT_PORT", Integer.toString(agent.netconfPort()));
        env.put("TWAMP_IT_USER", AgentProcess.ADMIN);
        env.put("TWAMP_IT_PASSWORD_FILE", agent.passwordFile().toString());
        env.put("TWAMP_IT_TWAMP_PORT", Integer.toString(agent.twampPort()));
        env.put("TWAMP_IT_YANG_DIR", ItEnvironment.yangDir().toString());
        env.put("TWAMP_IT_REPLY_DIR", replyDir.toString());
        // Keep src/test/python free of __pycache__ directories.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        return env;
    }

    private static void requireNcclient() {
        if (checked) {
            return;
        }
        final var probe = ExternalCommand.run(List.of(PYTHON, "-c", "import ncclient, lxml"), Map.of(),
            ItEnvironment.workDir().resolve("python-probe.out"), Duration.ofSeconds(60));
        if (!probe.succeeded()) {
            throw new AssertionError(PYTHON + " cannot import ncclient: install Debian's python3-ncclient "
                + "(bin/test does); " + probe.describe());
        }
        if (!ExternalCommand.onPath("yanglint")) {
            throw new AssertionError("yanglint is not on PATH: install libyang2-tools (bin/test does)");
        }
        checked = true;
    }
}
