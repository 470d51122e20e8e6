package net.twampagent.netconf.rpc;

import java.util.List;
import org.opendaylight.netconf.api.NamespaceURN;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds {@code <rpc-reply>} documents that carry the request's attributes (message-id and any other), as
 * RFC 6241 section 4.2 asks.
 */
public final class RpcReplies {
    private static final String BASE = NamespaceURN.BASE;

    private RpcReplies() {
    }

    /** A new reply document for a request, with an empty {@code <rpc-reply>} element. */
    public static Document newReply(final Element rpc) {
        final var doc = XmlUtil.newDocument();
        final var reply = doc.createElementNS(BASE, "rpc-reply");
        if (rpc != null) {
            final var attributes = rpc.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                final var attr = (Attr) attributes.item(i);
                if (!"http://www.w3.org/2000/xmlns/".equals(attr.getNamespaceURI())) {
                    reply.setAttributeNodeNS((Attr) doc.importNode(attr, true));
                }
            }
        }
        doc.appendChild(reply);
        return doc;
    }

    /** A reply holding the given errors. */
    public static Document errors(final Element rpc, final List<RpcError> errors) {
        final var doc = newReply(rpc);
        final var reply = doc.getDocumentElement();
        for (var error : errors) {
            reply.appendChild(toElement(doc, error));
        }
        return doc;
    }

    /** One {@code <rpc-error>} element, fields in the order of RFC 6241's XSD. */
    public static Element toElement(final Document doc, final RpcError error) {
        final var element = doc.createElementNS(BASE, "rpc-error");
        append(doc, element, "error-type", error.type());
        append(doc, element, "error-tag", error.tag());
        append(doc, element, "error-severity", "error");
        if (error.appTag() != null) {
            append(doc, element, "error-app-tag", error.appTag());
        }
        if (error.path() != null) {
            new ErrorPath(error.path(), error.prefixes()).writeTo(append(doc, element, "error-path", ""));
        }
        final var message = append(doc, element, "error-message", error.message());
        message.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        if (!error.info().isEmpty()) {
            final var info = doc.createElementNS(BASE, "error-info");
            error.info().forEach((name, value) -> append(doc, info, name, value));
            element.appendChild(info);
        }
        return element;
    }

    private static Element append(final Document doc, final Element parent, final String name, final String text) {
        final var child = doc.createElementNS(BASE, name);
        child.setTextContent(text);
        parent.appendChild(child);
        return child;
    }
}
