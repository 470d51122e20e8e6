package net.twampagent.dataplane.client;

import java.util.Arrays;

/**
 * Order statistics of a set of durations in nanoseconds (nearest-rank percentiles).
 *
 * @param count how many values
 * @param min the smallest
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param max the largest
 * @param mean the mean
 */
public record Summary(int count, long min, long p50, long p90, long p99, long max, long mean) {
    /** The summary of no value: every figure 0. */
    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0);

    /** The summary of {@code values} (not modified). */
    public static Summary of(final long[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        long sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Summary(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
            sorted[sorted.length - 1], sum / sorted.length);
    }

    private static long rank(final long[] sorted, final int percent) {
        final int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
