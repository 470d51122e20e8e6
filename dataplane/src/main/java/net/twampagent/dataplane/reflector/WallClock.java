package net.twampagent.dataplane.reflector;

import java.time.Instant;
import net.twampagent.dataplane.wire.NtpTimestamp;

/**
 * Wall-clock time in NTP format with nanosecond resolution and no allocation per reading: the monotonic clock
 * offset from a wall-clock anchor that is taken again every second, so the readings follow the system clock's
 * adjustments with at most a second's delay. Owned by one thread; not thread-safe.
 */
public final class WallClock {
    private static final long REANCHOR_NANOS = 1_000_000_000L;

    private long anchorNanoTime;
    private long anchorEpochNanos;
    private long lastNanoTime;

    /** A clock anchored now. */
    public WallClock() {
        anchor(System.nanoTime());
    }

    /** The time now, NTP format. */
    public long nowNtp() {
        final long now = System.nanoTime();
        if (now - anchorNanoTime >= REANCHOR_NANOS) {
            anchor(now);
        }
        lastNanoTime = now;
        return NtpTimestamp.ofEpochNanos(anchorEpochNanos + (now - anchorNanoTime));
    }

    /** The {@link System#nanoTime()} of the last {@link #nowNtp()} reading. */
    public long lastNanoTime() {
        return lastNanoTime;
    }

    private void anchor(final long nanoTime) {
        final Instant wall = Instant.now();
        anchorNanoTime = nanoTime;
        anchorEpochNanos = wall.getEpochSecond() * 1_000_000_000L + wall.getNano();
    }
}
