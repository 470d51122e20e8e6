package net.twampagent.netconf.datastore;

import java.util.Locale;
import java.util.Optional;

/** The configuration datastores this agent has (RFC 6241 section 5.1). */
public enum Datastore {
    RUNNING, CANDIDATE;

    /** The datastore named by an element such as {@code <running/>}. */
    public static Optional<Datastore> named(final String localName) {
        for (var ds : values()) {
            if (ds.xmlName().equals(localName)) {
                return Optional.of(ds);
            }
        }
        return Optional.empty();
    }

    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
