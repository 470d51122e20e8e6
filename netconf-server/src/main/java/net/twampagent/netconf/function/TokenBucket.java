package net.twampagent.netconf.function;

import java.util.function.LongSupplier;

/**
 * At most {@code rate} permits a second on average, with bursts of up to {@code burst}: what keeps a flood of
 * short TWAMP connections from becoming a flood of notifications. Used by one thread.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    /**
     * @param rate  permits per second, at least 1
     * @param burst permits available at once, at least 1
     * @param clock nanoseconds, as {@link System#nanoTime}
     */
    TokenBucket(final int rate, final int burst, final LongSupplier clock) {
        if (rate < 1 || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a rate and a burst of at least 1");
        }
        this.perNano = (double) rate / NANOS_PER_SECOND;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.getAsLong();
    }

    /** Takes one permit if there is one. */
    boolean tryTake() {
        final long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
