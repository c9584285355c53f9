package org.queuedesk.server.report;

import java.util.Arrays;

/**
 * Durations in milliseconds, for a mean and nearest-rank percentiles: the median is the ceil(n/2)-th smallest,
 * p90 the ceil(0.9 n)-th (so every figure is a time somebody actually waited). Ints: a wait fits in 24 days.
 */
final class Durations {

    private int[] values = new int[8];
    private int size;
    private long sum;

    void add(long millis) {
        if (millis < 0) {
            return; // a clock set back during a move: no honest sample
        }
        int value = (int) Math.min(millis, Integer.MAX_VALUE);
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        sum += value;
    }

    /** Seconds, rounded; null without a sample. */
    Long meanSeconds() {
        return size == 0 ? null : Math.round(sum / (double) size / 1000.0);
    }

    /** Sorts the samples once all are in; then {@link #percentileSeconds} reads them. */
    void sort() {
        Arrays.sort(values, 0, size);
    }

    /** The nearest-rank percentile in seconds, rounded; null without a sample. Call {@link #sort} first. */
    Long percentileSeconds(int percent) {
        if (size == 0) {
            return null;
        }
        long rank = ((long) percent * size + 99) / 100; // ceil in integers: 0.9 * 10 is not 9 in doubles
        return Math.round(values[(int) Math.max(rank, 1) - 1] / 1000.0);
    }
}
