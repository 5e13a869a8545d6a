package io.github.churnkit.scoring.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The runtime form of a k-means segment model: a scaler and the segment centroids in flat
 * primitive arrays, and the rule that assigns a customer to the nearest centroid.
 *
 * <p>A customer is a vector {@code x} of {@link #featureCount()} encoded features in the order of
 * {@link #featureNames()} (numeric columns in their original units, categorical columns as 0/1
 * indicators, as produced by the trainer's encoder). Each feature is standardised as
 * {@code z_j = (x_j - center_j) * inverseScale_j} and the customer goes to the segment whose
 * centroid {@code c} minimises the squared Euclidean distance {@code sum_j (z_j - c_j)^2}; ties go
 * to the centroid listed first. {@link #assign(double[])} returns that segment's stable id.
 *
 * <p>Missing values: a NaN feature is taken to be at the training mean ({@code z_j = 0}), so it
 * does not favour any segment on that dimension. An infinite feature is rejected with an
 * {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe; {@link #assign(double[])} allocates nothing.
 */
public final class SegmentAssigner {

    private final int k;
    private final int d;
    private final double[] centroids;
    private final double[] center;
    private final double[] inverseScale;
    private final int[] ids;
    private final List<String> names;
    private final List<String> featureNames;

    private SegmentAssigner(Builder b) {
        this.d = b.featureNames.size();
        this.k = b.ids.size();
        if (d == 0) {
            throw new IllegalArgumentException("a segment assigner needs at least one feature");
        }
        if (k == 0) {
            throw new IllegalArgumentException("a segment assigner needs at least one segment");
        }
        if (b.center == null || b.inverseScale == null) {
            throw new IllegalArgumentException("the scaler (center and inverse scale) is not set");
        }
        if (b.center.length != d || b.inverseScale.length != d) {
            throw new IllegalArgumentException("scaler has " + b.center.length + " centers and "
                    + b.inverseScale.length + " inverse scales for " + d + " features");
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(b.center[j]) || !Double.isFinite(b.inverseScale[j]) || b.inverseScale[j] <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "feature '%s': center %s and inverse scale %s must be finite, the scale positive",
                        b.featureNames.get(j), b.center[j], b.inverseScale[j]));
            }
        }
        Set<Integer> seen = new HashSet<>();
        this.centroids = new double[k * d];
        this.ids = new int[k];
        for (int c = 0; c < k; c++) {
            double[] row = b.centroids.get(c);
            int id = b.ids.get(c);
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate segment id " + id);
            }
            if (row.length != d) {
                throw new IllegalArgumentException("centroid of segment " + id + " has " + row.length
                        + " values for " + d + " features");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("centroid of segment " + id + " feature '"
                            + b.featureNames.get(j) + "' is " + row[j]);
                }
            }
            System.arraycopy(row, 0, centroids, c * d, d);
            ids[c] = id;
        }
        this.center = b.center.clone();
        this.inverseScale = b.inverseScale.clone();
        this.names = List.copyOf(b.names);
        this.featureNames = List.copyOf(b.featureNames);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The stable id of the segment nearest to {@code features} (see the class comment for the
     * distance and the treatment of NaN). Allocates nothing.
     *
     * @param features the encoded customer, {@link #featureCount()} values in the order of
     *                 {@link #featureNames()}; not modified
     * @throws IllegalArgumentException if the length is wrong or a value is infinite
     */
    public int assign(double[] features) {
        return ids[nearest(features)];
    }

    /**
     * The position (0 .. {@link #segmentCount()}-1) of the nearest centroid, in the order of
     * {@link #segmentIds()}. Allocates nothing.
     *
     * @throws IllegalArgumentException as {@link #assign(double[])}
     */
    public int nearest(double[] features) {
        if (features.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, found " + features.length);
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0, base = 0; c < k; c++, base += d) {
            double sum = 0.0;
            // partial sums only grow, so a centroid is abandoned once it cannot beat the best
            for (int j = 0; j < d && sum < bestDistance; j++) {
                double x = features[j];
                double z = x != x ? 0.0 : (x - center[j]) * inverseScale[j];
                double diff = z - centroids[base + j];
                sum += diff * diff;
            }
            if (sum < bestDistance) {
                bestDistance = sum;
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("features are not finite: " + Arrays.toString(features));
        }
        return best;
    }

    /** Number of segments. */
    public int segmentCount() {
        return k;
    }

    /** Number of encoded features. */
    public int featureCount() {
        return d;
    }

    /** Stable segment ids, in centroid order. */
    public List<Integer> segmentIds() {
        List<Integer> out = new ArrayList<>(k);
        for (int id : ids) {
            out.add(id);
        }
        return List.copyOf(out);
    }

    /** Segment names, in centroid order. */
    public List<String> segmentNames() {
        return names;
    }

    /** The encoded feature names, in input order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** A copy of the centroid at position {@code index}, in standardised units. */
    public double[] centroid(int index) {
        Objects.checkIndex(index, k);
        return Arrays.copyOfRange(centroids, index * d, (index + 1) * d);
    }

    /** A copy of the scaler's centers (training means), one per feature. */
    public double[] center() {
        return center.clone();
    }

    /** A copy of the scaler's inverse scales ({@code 1 / standard deviation}), one per feature. */
    public double[] inverseScale() {
        return inverseScale.clone();
    }

    @Override
    public String toString() {
        return "SegmentAssigner[" + k + " segments, " + d + " features]";
    }

    /**
     * Builds a {@link SegmentAssigner}: set the features and the scaler, then add the segments in
     * order. Arrays are copied. Not thread-safe.
     */
    public static final class Builder {
        private List<String> featureNames = List.of();
        private double[] center;
        private double[] inverseScale;
        private final List<Integer> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<double[]> centroids = new ArrayList<>();

        private Builder() { }

        /** The encoded feature names, in input order. */
        public Builder features(List<String> names) {
            this.featureNames = List.copyOf(names);
            return this;
        }

        /** The scaler: per feature the center (mean) and the inverse scale (1 / standard deviation). */
        public Builder scaler(double[] center, double[] inverseScale) {
            this.center = center.clone();
            this.inverseScale = inverseScale.clone();
            return this;
        }

        /** Appends a segment: its stable id, its name and its centroid in standardised units. */
        public Builder segment(int id, String name, double[] centroid) {
            ids.add(id);
            names.add(Objects.requireNonNull(name, "name"));
            centroids.add(centroid.clone());
            return this;
        }

        /**
         * The assigner.
         *
         * @throws IllegalArgumentException if sizes disagree, a value is not finite, an inverse
         *                                  scale is not positive or an id repeats
         */
        public SegmentAssigner build() {
            return new SegmentAssigner(this);
        }
    }
}
