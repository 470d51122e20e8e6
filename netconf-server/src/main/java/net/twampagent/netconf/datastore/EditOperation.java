package net.twampagent.netconf.datastore;

import java.util.Locale;
import java.util.Optional;
import org.opendaylight.netconf.api.NamespaceURN;
import org.w3c.dom.Element;

/** The operations of RFC 6241 section 7.2, plus {@code none} for default-operation. */
public enum EditOperation {
    MERGE, REPLACE, CREATE, DELETE, REMOVE, NONE;

    /** The operation named by an {@code operation} attribute or a {@code default-operation}. */
    public static Optional<EditOperation> named(final String text) {
        for (var op : values()) {
            if (op.xmlName().equals(text)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /**
     * The text of an element's {@code operation} attribute, if it has one. RFC 6241 qualifies the attribute with
     * the base namespace; many clients omit the prefix, so both count.
     */
    public static Optional<String> attributeOf(final Element element) {
        if (element.hasAttributeNS(NamespaceURN.BASE, "operation")) {
            return Optional.of(element.getAttributeNS(NamespaceURN.BASE, "operation"));
        }
        return element.hasAttributeNS(null, "operation") ? Optional.of(element.getAttributeNS(null, "operation"))
            : Optional.empty();
    }

    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operation may bring a node into existence, so its parents must exist first. */
    boolean creates() {
        return this == MERGE || this == REPLACE || this == CREATE;
    }
}
