package net.twampagent.netconf.datastore;

import java.util.Locale;
import java.util.Optional;

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

    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operation may bring a node into existence, so its parents must exist first. */
    boolean creates() {
        return this == MERGE || this == REPLACE || this == CREATE;
    }
}
