package net.twampagent.netconf.operations;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The sessions alive now, by session-id. */
public final class SessionRegistry {
    private final ConcurrentMap<Long, SessionContext> sessions = new ConcurrentHashMap<>();

    public void add(final SessionContext session) {
        sessions.put(session.id(), session);
    }

    public void remove(final long id) {
        sessions.remove(id);
    }

    public Optional<SessionContext> find(final long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The live sessions, in no particular order. */
    public java.util.Collection<SessionContext> all() {
        return java.util.List.copyOf(sessions.values());
    }
}
