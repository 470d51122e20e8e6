package net.twampagent.netconf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Assertions on rpc-reply text. */
final class Replies {
    private Replies() {
    }

    static Document parse(final String reply) {
        try {
            return XmlUtil.readXmlToDocument(reply);
        } catch (Exception e) {
            return fail("not XML: " + reply, e);
        }
    }

    static void assertOk(final String reply) {
        final var doc = parse(reply);
        assertEquals(1, doc.getElementsByTagNameNS(NetconfClient.BASE, "ok").getLength(), reply);
        assertEquals(0, doc.getElementsByTagNameNS(NetconfClient.BASE, "rpc-error").getLength(), reply);
    }

    /** The single rpc-error of a reply, as field name to text. */
    static Error error(final String reply) {
        final var errors = errors(reply);
        assertEquals(1, errors.size(), reply);
        return errors.getFirst();
    }

    static List<Error> errors(final String reply) {
        final var doc = parse(reply);
        final var list = doc.getElementsByTagNameNS(NetconfClient.BASE, "rpc-error");
        final var out = new ArrayList<Error>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(new Error((Element) list.item(i), reply));
        }
        assertTrue(!out.isEmpty(), "expected an rpc-error: " + reply);
        return out;
    }

    static String text(final Element parent, final String name) {
        final var list = parent.getElementsByTagNameNS(NetconfClient.BASE, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    /** One rpc-error. */
    record Error(Element element, String reply) {
        String tag() {
            return text(element, "error-tag");
        }

        String type() {
            return text(element, "error-type");
        }

        String path() {
            return text(element, "error-path");
        }

        String appTag() {
            return text(element, "error-app-tag");
        }

        String message() {
            return text(element, "error-message");
        }

        String info(final String name) {
            return text(element, name);
        }

        Error assertTag(final String expected) {
            assertEquals(expected, tag(), reply);
            assertEquals("error", text(element, "error-severity"), reply);
            return this;
        }
    }
}
