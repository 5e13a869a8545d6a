package io.github.churnkit.scoring.monitor;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * The training distribution of one numeric input (or of the score), kept as quantile bins: bin
 * edges {@code e_0 < e_1 < ... < e_{b-2}} split the line into {@code b} bins
 * {@code (-inf, e_0], (e_0, e_1], ..., (e_{b-2}, +inf)}, and the training row count of each bin is
 * stored, plus the count of missing (NaN) values.
 *
 * <p>{@link #fit(String, double[], int)} places edge {@code k} (for {@code k = 1..bins-1}) at the
 * lower empirical {@code k/bins} quantile of the non-missing training values, i.e. the
 * {@code ceil(k n / bins)}-th smallest value, and drops repeated edges: a column with many ties (say
 * tenure 0) gets fewer, unequal bins, which is what the PSI needs (no empty training bins from
 * ties).
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 */
public final class NumericDistribution {

    private final String name;
    private final double[] edges;
    private final long[] counts;
    private final long missing;

    private NumericDistribution(String name, double[] edges, long[] counts, long missing) {
        this.name = Objects.requireNonNull(name, "name");
        this.edges = edges;
        this.counts = counts;
        this.missing = missing;
        if (counts.length != edges.length + 1) {
            throw new IllegalArgumentException("'" + name + "': " + edges.length + " edges need "
                    + (edges.length + 1) + " bin counts, found " + counts.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("'" + name + "': edges must be finite and strictly increasing,"
                        + " found " + Arrays.toString(edges));
            }
        }
        long total = missing;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("'" + name + "': counts must not be negative, found "
                        + Arrays.toString(counts));
            }
            total = DriftMath.add(total, c, name);
        }
        if (missing < 0 || total <= 0) {
            throw new IllegalArgumentException("'" + name + "': needs at least one training row and a "
                    + "non-negative missing count, found missing " + missing + ", total " + total);
        }
    }

    /**
     * A distribution from stored edges and counts (copied).
     *
     * @param edges   finite, strictly increasing bin edges
     * @param counts  {@code edges.length + 1} non-negative bin counts
     * @param missing count of missing values; counts plus missing must be positive
     */
    public static NumericDistribution of(String name, double[] edges, long[] counts, long missing) {
        return new NumericDistribution(name, edges.clone(), counts.clone(), missing);
    }

    /**
     * Fits quantile bins to training values (NaN = missing; infinities fall into the end bins).
     *
     * @param bins the number of quantile bins to aim for, at least 1
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static NumericDistribution fit(String name, double[] values, int bins) {
        Objects.requireNonNull(values, "values");
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, found " + bins);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("'" + name + "': cannot fit a distribution to no values");
        }
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = sorted.length;
        double[] edges = new double[Math.max(0, bins - 1)];
        int e = 0;
        for (int k = 1; k < bins && n > 0; k++) {
            double q = sorted[(int) Math.max(0, Math.ceil((double) k * n / bins) - 1)];
            if (Double.isFinite(q) && (e == 0 || q > edges[e - 1]) && q < sorted[n - 1]) {
                edges[e++] = q;
            }
        }
        NumericDistribution empty = new NumericDistribution(name, Arrays.copyOf(edges, e), new long[e + 1], 1);
        long[] counts = empty.count(values);
        long miss = counts[counts.length - 1];
        return new NumericDistribution(name, empty.edges, Arrays.copyOf(counts, e + 1), miss);
    }

    /** The input's name. */
    public String name() {
        return name;
    }

    /** The bin edges (a copy). */
    public double[] edges() {
        return edges.clone();
    }

    /** Training count per bin (a copy), {@code edges().length + 1} of them. */
    public long[] counts() {
        return counts.clone();
    }

    /** Training count of missing values. */
    public long missingCount() {
        return missing;
    }

    /** The bin of a non-missing value: the first {@code j} with {@code x <= e_j}, else the last bin. */
    int binOf(double x) {
        int i = Arrays.binarySearch(edges, x);
        return i >= 0 ? i : -i - 1;
    }

    /** Counts of {@code values} per bin, with the missing count appended as the last element. */
    long[] count(double[] values) {
        long[] out = new long[edges.length + 2];
        for (double v : values) {
            out[Double.isNaN(v) ? edges.length + 1 : binOf(v)]++;
        }
        return out;
    }

    /**
     * Drift of a batch against this distribution: PSI over the bins plus a missing bin, and the
     * binned KS statistic over the non-missing values (see {@link DriftMonitor}).
     *
     * @param batch new values, NaN = missing
     * @throws IllegalArgumentException if the batch is empty
     */
    public DriftResult compare(double[] batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.length == 0) {
            throw new IllegalArgumentException("'" + name + "': cannot compare an empty batch");
        }
        long[] actual = count(batch);
        long[] expected = Arrays.copyOf(counts, counts.length + 1);
        expected[counts.length] = missing;
        double psi = DriftMath.psi(expected, actual);
        double ks = DriftMath.ks(expected, actual, counts.length);
        return new DriftResult(name, psi, ks, DriftLevel.of(psi), batch.length);
    }

    void writeTo(BundleOutput out) {
        out.writeString(name).writeDoubleArray(edges).writeLongArray(counts).writeLong(missing);
    }

    static NumericDistribution readFrom(BundleInput in) {
        String name = in.readString(TrainingDistributions.MAX_TEXT_BYTES);
        double[] edges = in.readFiniteDoubleArray("edges of '" + name + "'", TrainingDistributions.MAX_BINS);
        long at = in.offset();
        long[] counts = in.readLongArray(TrainingDistributions.MAX_BINS + 1);
        long missing = in.readLong();
        try {
            return new NumericDistribution(name, edges, counts, missing);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericDistribution d && d.name.equals(name) && Arrays.equals(d.edges, edges)
                && Arrays.equals(d.counts, counts) && d.missing == missing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(edges), Arrays.hashCode(counts), missing);
    }

    @Override
    public String toString() {
        return "NumericDistribution[" + name + ", edges " + Arrays.toString(edges) + ", counts "
                + Arrays.toString(counts) + ", missing " + missing + "]";
    }
}
