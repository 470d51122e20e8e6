package net.twampagent.yang;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs libyang's yanglint on the model as packaged: the search path is the resource folder on the test class
 * path, so what is checked is exactly what the jar ships.
 */
final class Yanglint {
    private static final Path BINARY = Path.of("/usr/bin/yanglint");
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Yanglint() {
    }

    /** The folder holding every module of the model. */
    static Path moduleFolder() {
        try {
            return Path.of(TwampServerModel.class.getClassLoader()
                .getResource(TwampServerModel.RESOURCE_FOLDER).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The twamp-server module file. */
    static Path mainModule() {
        return moduleFolder().resolve(
            TwampServerModel.mainResourceName().substring(TwampServerModel.RESOURCE_FOLDER.length()));
    }

    /** yanglint with {@code args} after the search path and the feature selection. */
    static Result run(final boolean withLight, final String... args) {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: run bin/test, which installs libyang2-tools (apt-get install libyang2-tools)");
        }
        final List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-p", moduleFolder().toString(),
            "-F", TwampServerModel.MODULE_NAME + ":" + (withLight ? TwampServerModel.FEATURE_LIGHT : "")));
        command.addAll(List.of(args));
        try {
            final Path out = Files.createTempFile("yanglint", ".out");
            final Path err = Files.createTempFile("yanglint", ".err");
            try {
                final Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("yanglint did not finish in " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Validates a configuration instance document against the model. */
    static Result validateConfig(final Path document, final boolean withLight) {
        return run(withLight, "-t", "config", mainModule().toString(), document.toString());
    }
}
