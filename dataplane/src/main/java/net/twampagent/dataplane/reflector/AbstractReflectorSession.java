package net.twampagent.dataplane.reflector;

import java.net.InetSocketAddress;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.state.DropReason;

/**
 * What every engine's session has in common: its bound address, its counters, its test packet protection and the
 * start / stop-deadline state the control layer sets. Engines differ only in how they hold the socket and the
 * peer, so both decide "started yet? past the deadline?" here and cannot drift apart.
 */
public abstract class AbstractReflectorSession implements ReflectorSession {
    private final InetSocketAddress local;
    private final SessionCounters counters;
    private final TestPacketProtection protection;
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile long stopDeadline;

    /** A session bound to {@code local} for {@code spec}; its counters start now. */
    protected AbstractReflectorSession(final InetSocketAddress local, final SessionSpec spec) {
        this.local = local;
        this.counters = new SessionCounters(System.nanoTime());
        this.protection = spec.protection();
    }

    @Override
    public final InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public final void start() {
        started = true;
    }

    @Override
    public final void stopAt(final long deadlineNanoTime) {
        stopDeadline = deadlineNanoTime;
        stopping = true;
    }

    @Override
    public final SessionCounters counters() {
        return counters;
    }

    /** The session's test packet protection (modes 2 and 4), for its reflector thread only; or null. */
    public final TestPacketProtection protection() {
        return protection;
    }

    /**
     * Why a packet of the negotiated sender received at {@code nowNanos} must not be reflected: before
     * {@link #start()} ({@code NOT_STARTED}) or past the {@link #stopAt(long)} deadline ({@code AFTER_STOP});
     * null when it may be. Allocates nothing, so it can run per packet or once per batch.
     */
    public final DropReason lifecycleDrop(final long nowNanos) {
        if (!started) {
            return DropReason.NOT_STARTED;
        }
        if (stopping && nowNanos - stopDeadline > 0) {
            return DropReason.AFTER_STOP;
        }
        return null;
    }
}
