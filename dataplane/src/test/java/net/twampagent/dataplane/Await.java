package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, for what another thread does after the test saw its effect: a reflector bumps its counters
 * after the reply left, so a test that has the reply in hand polls the counter instead of reading it once.
 */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} until it holds; fails after {@code limit}, naming {@code what} it waited for. */
    public static void until(final BooleanSupplier condition, final Duration limit, final String what)
            throws InterruptedException {
        for (long deadline = System.nanoTime() + limit.toNanos(); !condition.getAsBoolean(); Thread.sleep(5)) {
            if (deadline - System.nanoTime() < 0) {
                fail("timed out after " + limit + " waiting: " + what);
            }
        }
    }
}
