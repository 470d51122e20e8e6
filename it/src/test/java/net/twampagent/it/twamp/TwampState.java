package net.twampagent.it.twamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import net.twampagent.it.harness.AgentProcess;
import net.twampagent.it.harness.Ncclient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The agent's published state as an ncclient {@code <get>} received it (and yanglint accepted it), queried
 * with XPath where {@code t:} is the twamp-server namespace, e.g. {@code t:twamp/t:server-state/t:status}.
 */
public final class TwampState {
    private static final String TWAMP_NS = "urn:net:twampagent:yang:twamp-server";
    private static int reads;

    private final Document data;
    private final String text;

    private TwampState(final Document data, final String text) {
        this.data = data;
        this.text = text;
    }

    /** Reads the state now, through get_state.py. */
    public static TwampState read(final AgentProcess agent) {
        final Path file;
        synchronized (TwampState.class) {
            file = agent.dir().resolve("state-" + ++reads + ".xml");
        }
        Ncclient.assertPasses(agent, "get_state.py", file.toString());
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new TwampState(factory.newDocumentBuilder().parse(file.toFile()),
                Files.readString(file));
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new AssertionError("cannot read the state ncclient wrote to " + file, e);
        }
    }

    /** The texts of the nodes at {@code path}, relative to the reply's {@code <data>}. */
    public List<String> values(final String path) {
        try {
            final var xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new TwampNamespace());
            final var nodes = (NodeList) xpath.evaluate("/*/" + path, data, XPathConstants.NODESET);
            final var result = new ArrayList<String>();
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add(nodes.item(i).getTextContent().strip());
            }
            return result;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + path, e);
        }
    }

    /** The one value at {@code path}; fails when there is none or more than one. */
    public String value(final String path) {
        final var found = values(path);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + path + " in the state, found " + found + ":\n" + text);
        }
        return found.getFirst();
    }

    /** The number at {@code path}. */
    public long number(final String path) {
        return Long.parseLong(value(path));
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class TwampNamespace implements NamespaceContext {
        @Override
        public String getNamespaceURI(final String prefix) {
            return "t".equals(prefix) ? TWAMP_NS : XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(final String namespaceUri) {
            return TWAMP_NS.equals(namespaceUri) ? "t" : null;
        }

        @Override
        public Iterator<String> getPrefixes(final String namespaceUri) {
            return TWAMP_NS.equals(namespaceUri) ? List.of("t").iterator() : List.<String>of().iterator();
        }
    }
}
