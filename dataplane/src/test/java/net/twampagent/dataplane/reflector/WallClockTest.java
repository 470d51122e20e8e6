package net.twampagent.dataplane.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.twampagent.dataplane.wire.NtpTimestamp;
import org.junit.jupiter.api.Test;

class WallClockTest {
    @Test
    void readsTheWallClock() {
        final WallClock clock = new WallClock();
        final long before = NtpTimestamp.ofInstant(Instant.now());
        final long reading = clock.nowNtp();
        final long after = NtpTimestamp.ofInstant(Instant.now());
        // Generous: a loaded machine may deschedule the thread between any two reads.
        assertTrue(Math.abs(NtpTimestamp.differenceNanos(reading, before)) < 50_000_000L);
        assertTrue(Math.abs(NtpTimestamp.differenceNanos(after, reading)) < 50_000_000L);
    }

    @Test
    void clocksOnOneAnchorMeasureIntervalsOnTheMonotonicClock() {
        final WallClock sender = WallClock.anchoredOnce();
        final WallClock receiver = sender.sameAnchor();
        final long t1 = sender.nowNtp();
        final long n1 = sender.lastNanoTime();
        final long t4 = receiver.nowNtp();
        final long n4 = receiver.lastNanoTime();
        assertEquals(n4 - n1, NtpTimestamp.differenceNanos(t4, t1), 1.0, "exact to the conversion's rounding");
    }
}
