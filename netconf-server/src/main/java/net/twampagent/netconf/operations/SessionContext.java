package net.twampagent.netconf.operations;

import org.opendaylight.netconf.api.NetconfSession;

/**
 * What the operations of one session know about it: its id (RFC 6241 session-id) and, once the first message
 * arrives, the session itself (needed to end it from kill-session).
 */
public final class SessionContext {
    private final long id;
    private final java.time.Instant loginTime = java.time.Instant.now();
    private volatile NetconfSession session;

    public SessionContext(final long id) {
        this.id = id;
    }

    public java.time.Instant loginTime() {
        return loginTime;
    }

    public long id() {
        return id;
    }

    void attach(final NetconfSession netconfSession) {
        session = netconfSession;
    }

    /** Closes the session's transport; the session machinery then releases what it held. */
    void terminate() {
        final var current = session;
        if (current != null) {
            current.close();
        }
    }

    NetconfSession netconfSession() {
        return session;
    }
}
