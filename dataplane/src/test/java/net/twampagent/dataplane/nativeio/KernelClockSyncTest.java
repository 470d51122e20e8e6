package net.twampagent.dataplane.nativeio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import net.twampagent.dataplane.wire.ErrorEstimate;
import org.junit.jupiter.api.Test;

/** The kernel's clock-sync state and the Error Estimate made from it. */
final class KernelClockSyncTest {
    @Test
    void theKernelsClockStateGivesAValidErrorEstimate() {
        try (Arena arena = Arena.ofConfined()) {
            final short estimate = new KernelClockSync(arena).errorEstimate();
            assertNotEquals(0, ErrorEstimate.multiplier(estimate));
            assertTrue(ErrorEstimate.seconds(estimate) <= 64, "kernel errors are bounded: " + estimate);
        }
    }

    @Test
    void theEstimateCoversTheErrorWithTheFinestScale() {
        for (long micros : new long[] {0, 1, 3, 59, 1_000, 123_456, 16_000_000}) {
            final short estimate = KernelClockSync.encode(true, micros);
            final double seconds = ErrorEstimate.seconds(estimate);
            final double wanted = micros / 1e6;
            assertTrue(seconds >= wanted, micros + " us encoded as " + seconds + " s");
            assertTrue(seconds <= Math.max(wanted * 1.01, 1e-9), micros + " us encoded as " + seconds + " s");
            assertTrue(ErrorEstimate.isSynchronized(estimate));
            assertNotEquals(0, ErrorEstimate.multiplier(estimate));
        }
        assertFalse(ErrorEstimate.isSynchronized(KernelClockSync.encode(false, 500)));
    }
}
