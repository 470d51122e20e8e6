package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The wall clock read with {@code clock_gettime(CLOCK_REALTIME)}: the clock the kernel stamps received packets
 * with, so a transmit time taken here and a kernel receive timestamp can be subtracted. One instance per thread
 * (its timespec is reused by every reading, so a reading allocates nothing).
 */
public final class NativeClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MemorySegment timespec;

    /** A clock whose buffer lives as long as {@code arena}. */
    public NativeClock(final Arena arena) {
        this.timespec = arena.allocate(NativeStructs.TIMESPEC);
    }

    /** Nanoseconds since the Unix epoch, as the kernel's receive timestamps count them. */
    public long realtimeNanos() {
        Libc.clockGettime(LinuxAbi.CLOCK_REALTIME, timespec);
        return timespec.get(JAVA_LONG, 0) * NANOS_PER_SECOND + timespec.get(JAVA_LONG, 8);
    }
}
