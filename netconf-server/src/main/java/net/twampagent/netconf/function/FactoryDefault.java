package net.twampagent.netconf.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.twampagent.netconf.persistence.AtomicFile;
import net.twampagent.yang.TwampServerModel;
import org.opendaylight.netconf.api.NamespaceURN;

/**
 * The configuration of a fresh install: the TWAMP server with every default ({@code <twamp><server/></twamp>}:
 * port 862, mode none, limits 64), so it answers TWAMP at once. Written as {@code running.xml} only when the state
 * directory has never held one, so a later start loads what was committed, even a configuration without a server.
 */
final class FactoryDefault {
    private FactoryDefault() {
    }

    /**
     * Writes the factory default as {@code running.xml} of {@code stateDir} if it has none and never had one.
     *
     * @return whether it wrote it
     */
    static boolean writeIfFresh(final Path stateDir) throws IOException {
        final var running = stateDir.resolve("running.xml");
        if (Files.exists(running) || Files.exists(stateDir.resolve("running.xml.prev"))) {
            return false;
        }
        final var text = "<config xmlns=\"" + NamespaceURN.BASE + "\">\n  <twamp xmlns=\""
            + TwampServerModel.NAMESPACE + "\">\n    <server/>\n  </twamp>\n</config>\n";
        Files.createDirectories(stateDir);
        AtomicFile.write(running, text.getBytes(StandardCharsets.UTF_8), false);
        return true;
    }
}
