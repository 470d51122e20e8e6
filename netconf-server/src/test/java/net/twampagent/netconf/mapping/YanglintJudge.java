package net.twampagent.netconf.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.twampagent.yang.TwampServerModel;

/**
 * libyang's yanglint judging what the mappers publish against the module as the yang jar ships it: the modules
 * are written out of the jar into a folder given as yanglint's search path.
 */
final class YanglintJudge {
    private static final Path BINARY = Path.of("/usr/bin/yanglint");
    private static final long TIMEOUT_SECONDS = 120;

    private YanglintJudge() {
    }

    /**
     * Fails unless yanglint accepts {@code xml} as data of {@code type} ({@code data} for a datastore with state,
     * {@code notif} for a notification), printing what it said.
     */
    static void assertValid(final Path folder, final String type, final String xml) {
        assertTrue(Files.isExecutable(BINARY), BINARY + " is missing: bin/test installs it (apt-get install "
            + "libyang2-tools); without it the published state cannot be checked against the model");
        try {
            final var modules = Files.createDirectories(folder.resolve("modules"));
            for (var resource : TwampServerModel.resourceNames()) {
                Files.writeString(modules.resolve(resource.substring(resource.lastIndexOf('/') + 1)),
                    TwampServerModel.read(resource));
            }
            final var document = Files.writeString(Files.createTempFile(folder, type, ".xml"), xml);
            final var main = modules.resolve(TwampServerModel.mainResourceName()
                .substring(TwampServerModel.RESOURCE_FOLDER.length()));
            final var process = new ProcessBuilder(BINARY.toString(), "-p", modules.toString(), "-t", type,
                main.toString(), document.toString()).redirectErrorStream(true).start();
            final var said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("yanglint did not finish in " + TIMEOUT_SECONDS + " s");
            }
            assertEquals(0, process.exitValue(), "yanglint refused the " + type + " document:\n" + said + "\n" + xml);
            assertEquals("", said.strip(), "yanglint warned about the " + type + " document:\n" + xml);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run yanglint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while yanglint ran", e);
        }
    }
}
