package net.twampagent.dataplane.bench;

import java.util.Arrays;

/** A bounded array of nanosecond samples and their percentiles; samples beyond the capacity are ignored. */
final class Samples {
    private final long[] values;
    private int count;

    Samples(final int capacity) {
        values = new long[capacity];
    }

    void add(final long nanos) {
        if (count < values.length) {
            values[count++] = nanos;
        }
    }

    void clear() {
        count = 0;
    }

    int count() {
        return count;
    }

    /** The {@code p}-th percentile in microseconds (nearest rank), NaN when empty; sorts the samples. */
    double percentileMicros(final double p) {
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, count);
        final int rank = (int) Math.ceil(p / 100.0 * count);
        return values[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
    }

    /** min / p50 / p99 / p99.9 in microseconds, for a table cell. */
    String summary() {
        return String.format("%.1f / %.1f / %.1f / %.1f", percentileMicros(0), percentileMicros(50),
                percentileMicros(99), percentileMicros(99.9));
    }
}
