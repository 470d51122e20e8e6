package net.twampagent.dataplane.reflector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.Map;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.SessionStats;

/**
 * The live counters of one session. One thread writes them (the reflector thread that owns the session) and any
 * thread may read them: opaque accesses make every value visible without a lock or a fence per packet, and
 * nothing here allocates on the writing side.
 */
public final class SessionCounters {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final DropReason[] REASONS = DropReason.values();
    private static final int RECEIVED = 0;
    private static final int REFLECTED = 1;
    private static final int LAST_SENDER_SEQ = 2;
    private static final int LAST_OWN_SEQ = 3;
    private static final int RES_MIN = 4;
    private static final int RES_MAX = 5;
    private static final int RES_SUM = 6;
    private static final int LAST_PACKET = 7;
    private static final int DROPPED = 8;

    private final long[] slots = new long[DROPPED + REASONS.length];

    /** Counters of a new session; {@code createdNanoTime} counts as its last activity. */
    public SessionCounters(final long createdNanoTime) {
        slots[LAST_SENDER_SEQ] = -1;
        slots[LAST_OWN_SEQ] = -1;
        slots[RES_MIN] = -1;
        slots[RES_MAX] = -1;
        slots[LAST_PACKET] = createdNanoTime;
        VarHandle.releaseFence();
    }

    /** A datagram reached the session's port. */
    public void onReceived() {
        add(RECEIVED, 1);
    }

    /** A datagram from the negotiated sender arrived at {@code nanoTime} (the REFWAIT clock). */
    public void onSenderPacket(final long nanoTime) {
        SLOTS.setOpaque(slots, LAST_PACKET, nanoTime);
    }

    /** A datagram was not reflected. */
    public void onDropped(final DropReason reason) {
        add(DROPPED + reason.ordinal(), 1);
    }

    /** A reply was sent. */
    public void onReflected(final int senderSequence, final int ownSequence, final long residenceNanos) {
        add(REFLECTED, 1);
        SLOTS.setOpaque(slots, LAST_SENDER_SEQ, Integer.toUnsignedLong(senderSequence));
        SLOTS.setOpaque(slots, LAST_OWN_SEQ, Integer.toUnsignedLong(ownSequence));
        final long min = (long) SLOTS.getOpaque(slots, RES_MIN);
        if (min < 0 || residenceNanos < min) {
            SLOTS.setOpaque(slots, RES_MIN, residenceNanos);
        }
        if (residenceNanos > (long) SLOTS.getOpaque(slots, RES_MAX)) {
            SLOTS.setOpaque(slots, RES_MAX, residenceNanos);
        }
        add(RES_SUM, residenceNanos);
    }

    /** The {@link System#nanoTime()} of the last packet from the sender, or of the session's creation. */
    public long lastSenderPacketNanoTime() {
        return (long) SLOTS.getOpaque(slots, LAST_PACKET);
    }

    /** The counters now, as an immutable value. */
    public SessionStats snapshot() {
        final Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            final long n = get(DROPPED + reason.ordinal());
            if (n > 0) {
                dropped.put(reason, n);
            }
        }
        final long reflected = get(REFLECTED);
        final long sum = get(RES_SUM);
        return new SessionStats(get(RECEIVED), reflected, dropped, get(LAST_SENDER_SEQ), get(LAST_OWN_SEQ),
            get(RES_MIN), reflected == 0 ? -1 : sum / reflected, get(RES_MAX));
    }

    private long get(final int slot) {
        return (long) SLOTS.getOpaque(slots, slot);
    }

    private void add(final int slot, final long delta) {
        SLOTS.setOpaque(slots, slot, (long) SLOTS.getOpaque(slots, slot) + delta);
    }
}
