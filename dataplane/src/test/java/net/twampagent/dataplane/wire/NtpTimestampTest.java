package net.twampagent.dataplane.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtpTimestampTest {
    @Test
    void unixEpochIsSecond2208988800OfTheNtpEra() {
        assertEquals(2_208_988_800L << 32, NtpTimestamp.ofEpochNanos(0));
        assertEquals(2_208_988_800L << 32, NtpTimestamp.ofInstant(Instant.EPOCH));
    }

    @Test
    void halfASecondIsFractionTwoToThe31() {
        assertEquals((2_208_988_800L << 32) | 0x8000_0000L, NtpTimestamp.ofEpochNanos(500_000_000L));
        assertEquals(Instant.ofEpochSecond(0, 500_000_000), NtpTimestamp.toInstant(NtpTimestamp.ofEpochNanos(
            500_000_000L)));
    }

    @Test
    void roundTripsWithinANanosecond() {
        final long nanos = 1_764_180_000_123_456_789L;
        assertEquals(nanos, NtpTimestamp.toEpochNanos(NtpTimestamp.ofEpochNanos(nanos)), 1);
        final Instant now = Instant.parse("2026-11-26T19:30:00.987654321Z");
        assertEquals(now, NtpTimestamp.toInstant(NtpTimestamp.ofInstant(now)));
    }

    @Test
    void intervalsAndDifferences() {
        assertEquals(2L << 32 | 0x4000_0000L, NtpTimestamp.ofDuration(Duration.ofMillis(2250)));
        assertEquals(Duration.ofMillis(2250), NtpTimestamp.toDuration(2L << 32 | 0x4000_0000L));
        final long a = NtpTimestamp.ofEpochNanos(1_000_000_000_000L);
        final long b = NtpTimestamp.ofEpochNanos(1_000_000_001_500L);
        assertEquals(1500, NtpTimestamp.differenceNanos(b, a), 1);
        assertEquals(-1500, NtpTimestamp.differenceNanos(a, b), 1);
        assertThrows(IllegalArgumentException.class, () -> NtpTimestamp.ofDuration(Duration.ofSeconds(-1)));
    }

    @Test
    void errorEstimateFields() {
        assertEquals(0x2001, ErrorEstimate.UNSYNCHRONIZED);
        assertEquals(1.0, ErrorEstimate.seconds(ErrorEstimate.UNSYNCHRONIZED));
        final short synced = ErrorEstimate.of(true, 0, 1);
        assertEquals((short) 0x8001, synced);
        assertTrue(ErrorEstimate.isSynchronized(synced));
        assertEquals(1, ErrorEstimate.multiplier(synced));
        assertThrows(IllegalArgumentException.class, () -> ErrorEstimate.of(false, 0, 0), "multiplier 0");
        assertThrows(IllegalArgumentException.class, () -> ErrorEstimate.of(false, 64, 1));
    }
}
