package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Pins the calling platform thread to one CPU, so a reflector and its load generator do not share a core. */
public final class CpuAffinity {
    private static final int MASK_BYTES = 128;

    private CpuAffinity() {
    }

    /** Restricts the calling thread to {@code cpu}; fails if the CPU does not exist or is not allowed. */
    public static void pinCurrentThread(final int cpu) throws NativeIoException {
        if (cpu < 0 || cpu >= MASK_BYTES * 8) {
            throw new IllegalArgumentException("CPU " + cpu + " is outside 0.." + (MASK_BYTES * 8 - 1));
        }
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(arena);
            final MemorySegment mask = arena.allocate(MASK_BYTES, 8);
            final long word = mask.get(JAVA_LONG, (cpu / 64) * 8L) | (1L << (cpu % 64));
            mask.set(JAVA_LONG, (cpu / 64) * 8L, word);
            if (Libc.schedSetaffinity(state, MASK_BYTES, mask) != 0) {
                throw new NativeIoException("sched_setaffinity(cpu " + cpu + ")", Libc.errno(state));
            }
        }
    }
}
