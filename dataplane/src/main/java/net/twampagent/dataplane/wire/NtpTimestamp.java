package net.twampagent.dataplane.wire;

import java.time.Duration;
import java.time.Instant;

/**
 * The 64-bit NTP timestamp of RFC 4656 §4.1.2 (32-bit seconds since 1900-01-01 UTC, 32-bit binary fraction),
 * handled as a plain {@code long} so the packet path never allocates.
 */
public final class NtpTimestamp {
    /** Seconds from the NTP era origin (1900) to the Unix epoch (1970). */
    public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTimestamp() {
    }

    /** The NTP timestamp of a time given in nanoseconds since the Unix epoch. */
    public static long ofEpochNanos(final long epochNanos) {
        final long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        final long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        return (seconds + UNIX_EPOCH_OFFSET_SECONDS) << 32 | (nanos << 32) / NANOS_PER_SECOND;
    }

    /** The NTP timestamp of an instant. */
    public static long ofInstant(final Instant instant) {
        return (instant.getEpochSecond() + UNIX_EPOCH_OFFSET_SECONDS) << 32
            | ((long) instant.getNano() << 32) / NANOS_PER_SECOND;
    }

    /** Nanoseconds since the Unix epoch of an NTP timestamp (rounded to the nearest nanosecond). */
    public static long toEpochNanos(final long ntp) {
        final long seconds = (ntp >>> 32) - UNIX_EPOCH_OFFSET_SECONDS;
        return seconds * NANOS_PER_SECOND + fractionToNanos(ntp & 0xFFFF_FFFFL);
    }

    /** The instant of an NTP timestamp. */
    public static Instant toInstant(final long ntp) {
        return Instant.ofEpochSecond((ntp >>> 32) - UNIX_EPOCH_OFFSET_SECONDS, fractionToNanos(ntp & 0xFFFF_FFFFL));
    }

    /** A duration in the NTP format used by interval fields such as the Timeout of Request-TW-Session. */
    public static long ofDuration(final Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("an NTP interval cannot be negative: " + duration);
        }
        return duration.getSeconds() << 32 | ((long) duration.getNano() << 32) / NANOS_PER_SECOND;
    }

    /** The duration of an NTP-format interval (the high word is unsigned seconds). */
    public static Duration toDuration(final long ntpInterval) {
        return Duration.ofSeconds(ntpInterval >>> 32, fractionToNanos(ntpInterval & 0xFFFF_FFFFL));
    }

    /** Nanoseconds of the difference {@code later - earlier} of two NTP timestamps (may be negative). */
    public static long differenceNanos(final long later, final long earlier) {
        final long diff = later - earlier;
        final long seconds = diff >> 32;
        return seconds * NANOS_PER_SECOND + fractionToNanos(diff & 0xFFFF_FFFFL);
    }

    private static long fractionToNanos(final long fraction) {
        return (fraction * NANOS_PER_SECOND + (1L << 31)) >>> 32;
    }
}
