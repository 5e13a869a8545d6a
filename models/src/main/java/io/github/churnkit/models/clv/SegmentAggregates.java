package io.github.churnkit.models.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-segment aggregates of a per-customer value (CLV, expected purchases, P(alive)): a plain
 * group-by.
 *
 * <pre>{@code
 * List<SegmentAggregates.Row> rows = SegmentAggregates.of(segmentLabels, clv);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SegmentAggregates {

    private SegmentAggregates() {
    }

    /**
     * One segment's aggregate.
     *
     * @param segment the label
     * @param customers customers in the segment with a value
     * @param missing customers in the segment whose value is NaN (left out of the statistics)
     * @param total sum of the values
     * @param mean mean value, NaN if no customer has a value
     * @param min smallest value, NaN if none
     * @param max largest value, NaN if none
     * @param shareOfTotal the segment's total over the total of all segments
     */
    public record Row(String segment, int customers, int missing, double total, double mean, double min, double max,
            double shareOfTotal) {
    }

    /**
     * Groups {@code values} by {@code segment}.
     *
     * @param segment label per customer, not null
     * @param values value per customer; NaN counts as missing
     * @return one row per segment, largest total first
     * @throws IllegalArgumentException on mismatched lengths, a null label or an infinite value
     */
    public static List<Row> of(String[] segment, double[] values) {
        if (segment.length != values.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "segment and values must have the same length, found %d and %d", segment.length, values.length));
        }
        Map<String, double[]> acc = new LinkedHashMap<>();
        double grand = 0;
        for (int i = 0; i < segment.length; i++) {
            if (segment[i] == null) {
                throw new IllegalArgumentException("segment label " + i + " is null");
            }
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is infinite");
            }
            // customers, missing, total, min, max
            double[] a = acc.computeIfAbsent(segment[i],
                    k -> new double[] {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            if (Double.isNaN(values[i])) {
                a[1]++;
                continue;
            }
            a[0]++;
            a[2] += values[i];
            a[3] = Math.min(a[3], values[i]);
            a[4] = Math.max(a[4], values[i]);
            grand += values[i];
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            boolean any = a[0] > 0;
            rows.add(new Row(e.getKey(), (int) a[0], (int) a[1], a[2], any ? a[2] / a[0] : Double.NaN,
                    any ? a[3] : Double.NaN, any ? a[4] : Double.NaN, grand == 0 ? Double.NaN : a[2] / grand));
        }
        rows.sort(Comparator.comparingDouble(Row::total).reversed());
        return rows;
    }
}
