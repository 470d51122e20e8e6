package net.twampagent.netconf.operations;

import java.util.Optional;
import net.twampagent.netconf.datastore.Datastore;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.netconf.api.NamespaceURN;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading the parameters of an operation element, with the errors RFC 6241 asks for. */
final class Xml {
    static final String WITH_DEFAULTS_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";

    private Xml() {
    }

    /** The operation element of an {@code <rpc>}, or {@code null} if there is none. */
    static Element operationOf(final Document message) {
        final var root = message.getDocumentElement();
        if (root == null || !"rpc".equals(root.getLocalName()) || !NamespaceURN.BASE.equals(root.getNamespaceURI())) {
            return null;
        }
        return firstElement(root);
    }

    static Element firstElement(final Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static Optional<Element> child(final Element parent, final String namespace, final String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static Optional<Element> child(final Element parent, final String name) {
        return child(parent, NamespaceURN.BASE, name);
    }

    static Element required(final Element parent, final String name) throws RpcException {
        return required(parent, NamespaceURN.BASE, name);
    }

    /** A parameter the operation cannot do without; its absence is missing-element naming it (RFC 6241 A). */
    static Element required(final Element parent, final String namespace, final String name) throws RpcException {
        return child(parent, namespace, name).orElseThrow(() -> RpcError.protocol("missing-element",
            "<" + parent.getLocalName() + "> needs the <" + name + "> parameter").withInfo("bad-element", name)
            .toException());
    }

    static Optional<String> text(final Element parent, final String name) {
        return text(parent, NamespaceURN.BASE, name);
    }

    /** A parameter's text without the whitespace around it, which XML clients add freely. */
    static Optional<String> text(final Element parent, final String namespace, final String name) {
        return child(parent, namespace, name).map(e -> e.getTextContent().strip());
    }

    /** The datastore named inside a {@code <source>} or {@code <target>}; {@code <url>} is refused. */
    static Datastore datastore(final Element holder) throws RpcException {
        final var named = firstElement(holder);
        if (named == null) {
            throw RpcError.protocol("missing-element", "<" + holder.getLocalName() + "> must name a datastore")
                .withInfo("bad-element", holder.getLocalName()).toException();
        }
        if ("url".equals(named.getLocalName())) {
            throw RpcError.protocol("operation-not-supported",
                "<url> is not supported: this server does not announce the :url capability")
                .withInfo("bad-element", "url").toException();
        }
        return Datastore.named(named.getLocalName())
            .filter(ds -> NamespaceURN.BASE.equals(named.getNamespaceURI()))
            .orElseThrow(() -> RpcError.protocol("invalid-value", "'" + named.getLocalName()
                + "' is not a datastore of this server: use running or candidate")
                .withInfo("bad-element", named.getLocalName()).toException());
    }

    /** A {@code <config>} element, whatever its namespace prefix. */
    static boolean isConfig(final Element element) {
        return element != null && "config".equals(element.getLocalName())
            && NamespaceURN.BASE.equals(element.getNamespaceURI());
    }
}
