package net.twampagent.netconf.datastore;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which session holds the lock of each datastore (RFC 6241 section 7.5). Not thread-safe: {@link ConfigStore}
 * guards it.
 */
final class LockTable {
    private final Map<Datastore, Long> holders = new EnumMap<>(Datastore.class);
    private final Map<Datastore, java.time.Instant> since = new EnumMap<>(Datastore.class);

    OptionalLong holder(final Datastore datastore) {
        final var id = holders.get(datastore);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** Whether a datastore is locked by a session other than {@code sessionId}. */
    boolean lockedByOther(final Datastore datastore, final long sessionId) {
        final var id = holders.get(datastore);
        return id != null && id != sessionId;
    }

    void lock(final Datastore datastore, final long sessionId) {
        holders.put(datastore, sessionId);
        since.put(datastore, java.time.Instant.now());
    }

    /** Every lock held now. */
    Map<Datastore, HeldLock> held() {
        final var out = new EnumMap<Datastore, HeldLock>(Datastore.class);
        holders.forEach((ds, id) -> out.put(ds, new HeldLock(id, since.get(ds))));
        return out;
    }

    void unlock(final Datastore datastore) {
        holders.remove(datastore);
        since.remove(datastore);
    }

    /** Releases every lock of a session that ended; returns whether it held the candidate's. */
    boolean releaseAll(final long sessionId) {
        final var heldCandidate = Long.valueOf(sessionId).equals(holders.get(Datastore.CANDIDATE));
        holders.values().removeIf(id -> id == sessionId);
        since.keySet().retainAll(holders.keySet());
        return heldCandidate;
    }
}
