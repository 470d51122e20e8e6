package net.twampagent.dataplane.control;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;
import net.twampagent.dataplane.state.SessionSnapshot;

/** The control side of one accepted test session: what was agreed, its reflector endpoint, its life and timer. */
final class TestSession {
    final String sid;
    final long connectionId;
    final SessionSpec spec;
    final ReflectorSession reflector;
    final long paddingLength;
    final Duration timeout;
    final Instant accepted = Instant.now();
    SessionSnapshot.State state = SessionSnapshot.State.ACCEPTED;
    long startedNanoTime;
    ScheduledFuture<?> timer;

    TestSession(final byte[] sid, final long connectionId, final SessionSpec spec, final ReflectorSession reflector,
            final long paddingLength, final Duration timeout) {
        this.sid = HexFormat.of().formatHex(sid);
        this.connectionId = connectionId;
        this.spec = spec;
        this.reflector = reflector;
        this.paddingLength = paddingLength;
        this.timeout = timeout;
    }

    /** Nanoseconds since the sender was last heard from, counting the start as hearing from it. */
    long idleNanos(final long now) {
        final long last = reflector.counters().lastSenderPacketNanoTime();
        return now - (last - startedNanoTime > 0 ? last : startedNanoTime);
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    SessionSnapshot snapshot(final String instance) {
        return new SessionSnapshot(sid, connectionId, spec.peer(), reflector.localAddress(), spec.dscp(),
            paddingLength, timeout, state, accepted, reflector.counters().snapshot(), instance);
    }
}
