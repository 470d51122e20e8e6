package net.twampagent.netconf.persistence;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.twampagent.netconf.datastore.DataCodec;
import org.opendaylight.netconf.api.NamespaceURN;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A configuration saved as a NETCONF {@code <config>} document, so an operator can read it: {@code running.xml}
 * in the state directory (with {@code running.xml.prev}, the copy it replaced) and the commit history's files.
 */
public final class ConfigFile {
    /** Reads a saved {@code <config>} into a configuration, with the datastore's own checks. */
    @FunctionalInterface
    public interface ConfigReader {
        ContainerNode read(Element config) throws Exception;
    }

    private final Path file;
    private final DataCodec codec;
    private final boolean keepPrevious;

    /**
     * @param file         where the configuration lives
     * @param keepPrevious whether each save keeps the file it replaces as {@code NAME.prev}
     */
    public ConfigFile(final Path file, final DataCodec codec, final boolean keepPrevious) {
        this.file = requireNonNull(file);
        this.codec = requireNonNull(codec);
        this.keepPrevious = keepPrevious;
    }

    /** {@code running.xml} of a state directory. */
    public static ConfigFile running(final Path stateDir, final DataCodec codec) {
        return new ConfigFile(stateDir.resolve("running.xml"), codec, true);
    }

    public Path path() {
        return file;
    }

    /**
     * Loads the saved configuration.
     *
     * @return empty when nothing was ever saved
     * @throws CorruptStateException when the file exists but cannot be used; it is left untouched
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public Optional<ContainerNode> load(final ConfigReader reader) throws CorruptStateException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        final Element config;
        try {
            config = XmlUtil.readXmlToElement(Files.newInputStream(file));
        } catch (IOException | SAXException e) {
            throw new CorruptStateException(file, "it is not well-formed XML (" + e.getMessage() + ")");
        }
        if (!"config".equals(config.getLocalName()) || !NamespaceURN.BASE.equals(config.getNamespaceURI())) {
            throw new CorruptStateException(file, "its root element is not a NETCONF <config>");
        }
        try {
            return Optional.of(reader.read(config));
        } catch (Exception e) {
            throw new CorruptStateException(file, "it does not fit the model (" + e.getMessage() + ")");
        }
    }

    /** Saves a configuration atomically (keeping the previous file as {@code NAME.prev} if asked). */
    public void save(final ContainerNode config) throws IOException {
        final var doc = XmlUtil.newDocument();
        final var root = doc.createElementNS(NamespaceURN.BASE, "config");
        doc.appendChild(root);
        codec.writeChildren(config, root);
        AtomicFile.write(file, XmlUtil.toString(doc, true).getBytes(StandardCharsets.UTF_8), keepPrevious);
    }
}
