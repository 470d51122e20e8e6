package net.twampagent.dataplane.reflector;

import java.time.Instant;
import net.twampagent.dataplane.wire.NtpTimestamp;

/**
 * Wall-clock time in NTP format with nanosecond resolution and no allocation per reading: the monotonic clock
 * offset from a wall-clock anchor. A following clock takes its anchor again every second, so its readings track the
 * system clock's adjustments with at most a second's delay (what a reflector wants); a clock anchored once measures
 * intervals exactly on the monotonic clock (what a sender that computes round trips wants). Owned by one thread;
 * not thread-safe: another thread takes a {@link #sameAnchor()} copy.
 */
public final class WallClock {
    private static final long REANCHOR_NANOS = 1_000_000_000L;
    /** An anchor read in less than this is as good as it gets: the two clocks were read back to back. */
    private static final long TIGHT_ANCHOR_NANOS = 2_000;
    private static final int ANCHOR_TRIES = 5;

    private final boolean following;
    private long anchorNanoTime;
    private long anchorEpochNanos;
    private long lastNanoTime;

    private WallClock(final boolean following) {
        this.following = following;
        anchor();
    }

    /** A clock that follows the system clock (re-anchored every second). */
    public WallClock() {
        this(true);
    }

    /** A clock anchored once: its readings differ exactly by the monotonic time between them. */
    public static WallClock anchoredOnce() {
        return new WallClock(false);
    }

    /** A clock anchored once on this clock's anchor, for another thread: both read the same time scale. */
    public WallClock sameAnchor() {
        final WallClock copy = new WallClock(false);
        copy.anchorNanoTime = anchorNanoTime;
        copy.anchorEpochNanos = anchorEpochNanos;
        return copy;
    }

    /** The time now, NTP format. */
    public long nowNtp() {
        final long now = System.nanoTime();
        if (following && now - anchorNanoTime >= REANCHOR_NANOS) {
            anchor();
        }
        lastNanoTime = now;
        return NtpTimestamp.ofEpochNanos(anchorEpochNanos + (now - anchorNanoTime));
    }

    /** The {@link System#nanoTime()} of the last {@link #nowNtp()} reading. */
    public long lastNanoTime() {
        return lastNanoTime;
    }

    private void anchor() {
        // A thread preempted between the two reads would skew every later reading by the pause: keep the tightest
        // of a few tries.
        long bestGap = Long.MAX_VALUE;
        for (int i = 0; i < ANCHOR_TRIES && bestGap > TIGHT_ANCHOR_NANOS; i++) {
            final long before = System.nanoTime();
            final Instant wall = Instant.now();
            final long gap = System.nanoTime() - before;
            if (gap < bestGap) {
                bestGap = gap;
                anchorNanoTime = before + gap / 2;
                anchorEpochNanos = wall.getEpochSecond() * 1_000_000_000L + wall.getNano();
            }
        }
    }
}
