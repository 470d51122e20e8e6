package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import net.twampagent.dataplane.wire.ErrorEstimate;

/**
 * The kernel's view of the wall clock's discipline, read with {@code adjtimex} (a read-only query, allowed to any
 * user), turned into the TWAMP Error Estimate: S set when NTP/PTP has synchronised the clock, and the kernel's
 * estimated error (or its maximum error when unsynchronised) as Scale and Multiplier.
 */
public final class KernelClockSync {
    private static final double UNITS_PER_MICROSECOND = 4294.967296;

    private final MemorySegment timex;
    private final MemorySegment callState;

    /** A reader whose buffers live as long as {@code arena}. */
    public KernelClockSync(final Arena arena) {
        this.timex = arena.allocate(NativeStructs.TIMEX_SIZE, 8);
        this.callState = Libc.newCallState(arena);
    }

    /** The Error Estimate the clock deserves now; {@link ErrorEstimate#UNSYNCHRONIZED} if the query fails. */
    public short errorEstimate() {
        timex.fill((byte) 0);
        final int result = Libc.adjtimex(callState, timex);
        if (result < 0) {
            return ErrorEstimate.UNSYNCHRONIZED;
        }
        final boolean synced = result != LinuxAbi.TIME_ERROR
                && (timex.get(JAVA_INT, NativeStructs.TIMEX_STATUS) & LinuxAbi.STA_UNSYNC) == 0;
        final long micros = timex.get(JAVA_LONG, synced ? NativeStructs.TIMEX_ESTERROR : NativeStructs.TIMEX_MAXERROR);
        return encode(synced, micros);
    }

    /** The smallest-scale Error Estimate that covers {@code micros} microseconds (at least one unit). */
    static short encode(final boolean synced, final long micros) {
        final long units = Math.max(1L, (long) Math.ceil(Math.max(0L, micros) * UNITS_PER_MICROSECOND));
        int scale = Math.max(0, 64 - Long.numberOfLeadingZeros(units) - 8);
        long multiplier = ceilShift(units, scale);
        if (multiplier > 255) {
            scale++;
            multiplier = ceilShift(units, scale);
        }
        return ErrorEstimate.of(synced, Math.min(scale, 63), (int) Math.max(1L, Math.min(multiplier, 255L)));
    }

    private static long ceilShift(final long value, final int shift) {
        return (value + (1L << shift) - 1) >>> shift;
    }
}
