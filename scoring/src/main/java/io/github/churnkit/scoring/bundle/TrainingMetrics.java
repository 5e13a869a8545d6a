package io.github.churnkit.scoring.bundle;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Named evaluation figures measured when the model was trained (for example
 * {@code "auc.cv.mean" -> 0.84}, {@code "brier" -> 0.14}).
 *
 * <p>Stored in the bundle section {@value #SECTION}. Immutable and thread-safe; the map is copied
 * and sorted by name so equal metrics write identical bytes.
 *
 * @param values metric name to value; names are not blank, values are finite (a metric that could
 *               not be computed is left out rather than stored as NaN)
 */
public record TrainingMetrics(Map<String, Double> values) {

    /** The bundle section name. */
    public static final String SECTION = "metrics";

    static final int MAX_METRICS = 100_000;

    /** Validates and copies. */
    public TrainingMetrics {
        Objects.requireNonNull(values, "values");
        TreeMap<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "metric name");
            Double v = Objects.requireNonNull(e.getValue(), () -> "value of metric '" + name + "'");
            if (name.isBlank()) {
                throw new IllegalArgumentException("metric name must not be blank");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("metric '" + name + "' must be finite, found " + v);
            }
            copy.put(name, v);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of a metric, or NaN if absent. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    /** Writes the payload of section {@value #SECTION}: a count, then name and value per metric. */
    public void writeTo(BundleOutput out) {
        out.writeInt(values.size());
        for (Map.Entry<String, Double> e : values.entrySet()) {
            out.writeString(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    /**
     * Reads metrics written by {@link #writeTo(BundleOutput)}.
     *
     * @throws BundleFormatException if the payload is malformed or a name repeats
     */
    public static TrainingMetrics readFrom(BundleInput in) {
        int n = in.readInt("number of metrics", 0, Math.min(MAX_METRICS, in.remaining() / 12));
        Map<String, Double> values = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            long at = in.offset();
            String name = in.readString(ModelSchema.MAX_TEXT_BYTES);
            double v = in.readFiniteDouble("metric '" + name + "'");
            if (values.put(name, v) != null) {
                throw new BundleFormatException("metric '" + name + "' given twice", in.section(), at);
            }
        }
        return new TrainingMetrics(values);
    }
}
