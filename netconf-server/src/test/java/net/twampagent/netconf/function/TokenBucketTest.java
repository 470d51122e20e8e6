package net.twampagent.netconf.function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limit on dataplane notifications, on a clock the test moves. */
class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void aBurstPassesThenOnlyTheRateRefills() {
        final var bucket = new TokenBucket(10, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryTake(), "permit " + i + " of the burst");
        }
        assertFalse(bucket.tryTake(), "a fourth permit at once");
        now.addAndGet(99_000_000L);
        assertFalse(bucket.tryTake(), "a permit before a tenth of a second at 10 a second");
        now.addAndGet(1_000_000L);
        assertTrue(bucket.tryTake(), "a permit after a tenth of a second");
        assertFalse(bucket.tryTake());
        now.addAndGet(60_000_000_000L);
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertTrue(taken == 3, "a long pause refills the burst only, took " + taken);
    }

    @Test
    void aBucketWithoutPermitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, now::get));
    }
}
