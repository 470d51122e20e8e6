package net.twampagent.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An outside program (ncclient script, yangcli, twping) run with a bound on its time. Its output goes to a file,
 * not a pipe, so a chatty program can never block on a full pipe while the test waits for it.
 */
public final class ExternalCommand {
    private static final long POLL_MILLIS = 50;

    private final List<String> command;
    private final Process process;
    private final Path output;
    private final long startNanos = System.nanoTime();

    private ExternalCommand(final List<String> command, final Process process, final Path output) {
        this.command = List.copyOf(command);
        this.process = process;
        this.output = output;
    }

    /**
     * What a finished program did.
     *
     * @param command  what was run
     * @param exitCode its exit status; -1 when it was killed for running too long
     * @param output   stdout and stderr, interleaved as written
     * @param took     how long it ran
     */
    public record Result(List<String> command, int exitCode, String output, Duration took) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The command, how it ended and everything it printed: the message of a failed assertion. */
        public String describe() {
            final var end = exitCode < 0 ? "was killed after " + took.toMillis() + " ms (too long)"
                : "exited with " + exitCode + " after " + took.toMillis() + " ms";
            return String.join(" ", command) + " " + end + "; its output:\n" + output;
        }
    }

    /** Starts a program in the background; its stdout and stderr go to {@code outputFile}. */
    public static ExternalCommand start(final List<String> command, final Map<String, String> environment,
            final Path outputFile) {
        final var builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(outputFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(outputFile.getParent());
            return new ExternalCommand(command, builder.start(), outputFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a program to its end, or kills it when it runs longer than {@code timeout}. */
    public static Result run(final List<String> command, final Map<String, String> environment,
            final Path outputFile, final Duration timeout) {
        return start(command, environment, outputFile).finish(timeout);
    }

    /** Whether an executable of that name is on PATH. */
    public static boolean onPath(final String program) {
        final var path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (var dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until the program has printed {@code marker}.
     *
     * @throws AssertionError when it ends or the time is up first, with its output
     */
    public void awaitOutput(final String marker, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(marker)) {
            if (!process.isAlive()) {
                throw new AssertionError("expected '" + marker + "' from it, but "
                    + finish(Duration.ZERO).describe());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("expected '" + marker + "' within " + timeout.toSeconds() + " s, but "
                    + finish(Duration.ZERO).describe());
            }
            pause();
        }
    }

    /** Waits for the program to end, killing it (and what it started) when {@code timeout} passes first. */
    public Result finish(final Duration timeout) {
        boolean ended;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Result(command, ended ? process.exitValue() : -1, output(),
            Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private String output() {
        try {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
