package net.twampagent.dataplane.nativeio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

/** The wall clock, CPU pinning and the availability probe. */
final class ClockTest {
    @Test
    void theNativeWallClockAgreesWithJava() {
        try (Arena arena = Arena.ofConfined()) {
            final NativeClock clock = new NativeClock(arena);
            final long before = System.currentTimeMillis();
            final long now = clock.realtimeNanos();
            final long after = System.currentTimeMillis();
            assertTrue(now / 1_000_000 >= before - 1 && now / 1_000_000 <= after + 1,
                    now + " ns is not between " + before + " and " + after + " ms");
            assertTrue(clock.realtimeNanos() >= now);
        }
    }

    @Test
    void pinningToAnExistingCpuWorksAndANonsenseCpuIsRefused() throws Exception {
        final Thread pinned = new Thread(() -> {
            try {
                CpuAffinity.pinCurrentThread(0);
            } catch (NativeIoException e) {
                throw new AssertionError(e);
            }
        });
        pinned.start();
        pinned.join(10_000);
        assertThrows(IllegalArgumentException.class, () -> CpuAffinity.pinCurrentThread(-1));
        assertThrows(NativeIoException.class, () -> CpuAffinity.pinCurrentThread(1000));
    }

    @Test
    void theNativeLayerIsAvailableHere() {
        assertTrue(NativeIo.available(), NativeIo.unavailableReason().orElse(""));
    }
}
