package net.twampagent.netconf.operations;

import java.util.Optional;
import net.twampagent.netconf.datastore.WithDefaults;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.netconf.api.NamespaceURN;
import org.w3c.dom.Element;

/** Parameters shared by the retrieval operations: with-defaults and filter. */
final class Options {
    private Options() {
    }

    static WithDefaults.Mode withDefaults(final Element operation) throws RpcException {
        final Optional<Element> element = Xml.child(operation, Xml.WITH_DEFAULTS_NS, "with-defaults");
        if (element.isEmpty()) {
            return WithDefaults.Mode.EXPLICIT;
        }
        final var text = element.orElseThrow().getTextContent().strip();
        return WithDefaults.Mode.named(text).orElseThrow(() -> RpcError.protocol("invalid-value", "'" + text
            + "' is not a with-defaults mode of this server: use report-all, trim or explicit")
            .withInfo("bad-element", "with-defaults").toException());
    }

    /** Subtree filters are applied to the reply by the session layer; anything else is refused. */
    static void checkFilter(final Element operation) throws RpcException {
        final var filter = Xml.child(operation, "filter");
        if (filter.isEmpty()) {
            return;
        }
        final var element = filter.orElseThrow();
        var type = element.getAttribute("type");
        if (type.isEmpty()) {
            type = element.getAttributeNS(NamespaceURN.BASE, "type");
        }
        if (!type.isEmpty() && !"subtree".equals(type)) {
            throw RpcError.protocol("bad-attribute", "filter type '" + type
                + "' is not supported: this server offers subtree filters only (no :xpath)")
                .withInfo("bad-attribute", "type").withInfo("bad-element", "filter").toException();
        }
        if (type.isEmpty()) {
            element.setAttribute("type", "subtree");
        }
    }
}
