package net.twampagent.netconf.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The oracle: libyang's yanglint judging an instance document in {@code -t config} mode. */
final class Yanglint {
    static final Path BINARY = Path.of("/usr/bin/yanglint");
    private static final Pattern DATA_LOCATION = Pattern.compile("[Dd]ata location \"([^\"]+)\"");
    private static final Pattern SCHEMA_LOCATION = Pattern.compile("[Ss]chema location \"([^\"]+)\"");

    /** yanglint's judgement: valid, or the message and location of the first error it found. */
    record Verdict(boolean valid, String message, String location) {
    }

    private Yanglint() {
    }

    static void requireInstalled() {
        assertTrue(Files.isExecutable(BINARY),
            "yanglint (the oracle of this test) is missing: bin/test installs libyang2-tools, or apt-get install "
                + "libyang2-tools");
    }

    /**
     * Judges a document.
     *
     * @param modules  the module files; their folders are the search path
     * @param features yanglint's {@code -F} arguments ({@code module:feature,...}), empty for its defaults
     */
    static Verdict judge(final List<Path> modules, final List<String> features, final Path document)
            throws IOException, InterruptedException {
        final var command = new ArrayList<String>();
        command.add(BINARY.toString());
        for (var feature : features) {
            command.add("-F");
            command.add(feature);
        }
        for (var module : modules) {
            command.add("-p");
            command.add(module.getParent().toString());
        }
        command.add("-t");
        command.add("config");
        modules.forEach(module -> command.add(module.toString()));
        command.add(document.toString());
        final var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("yanglint did not finish on " + document);
        }
        if (process.exitValue() == 0 && !output.contains("err")) {
            return new Verdict(true, "", "");
        }
        final var data = DATA_LOCATION.matcher(output);
        if (data.find()) {
            return new Verdict(false, output.strip(), data.group(1));
        }
        final var schema = SCHEMA_LOCATION.matcher(output);
        return new Verdict(false, output.strip(), schema.find() ? schema.group(1) : "");
    }
}
