package io.github.churnkit.scoring.monitor;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The training distribution of one categorical input: the count of each level seen in training
 * and of missing values. In a new batch, levels not seen in training fall into an extra
 * "other" bin whose training count is zero.
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoricalDistribution {

    private final String name;
    private final List<String> levels;
    private final Map<String, Integer> index;
    private final long[] counts;
    private final long missing;

    private CategoricalDistribution(String name, List<String> levels, long[] counts, long missing) {
        this.name = Objects.requireNonNull(name, "name");
        this.levels = List.copyOf(levels);
        this.counts = counts;
        this.missing = missing;
        if (counts.length != this.levels.size()) {
            throw new IllegalArgumentException("'" + name + "': " + this.levels.size() + " levels need as many"
                    + " counts, found " + counts.length);
        }
        if (new HashSet<>(this.levels).size() != this.levels.size()) {
            throw new IllegalArgumentException("'" + name + "': levels repeat: " + this.levels);
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
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.levels.size(); i++) {
            idx.put(this.levels.get(i), i);
        }
        this.index = idx;
    }

    /**
     * A distribution from stored levels and counts (copied).
     *
     * @param levels  distinct level names
     * @param counts  a non-negative count per level
     * @param missing count of missing values; counts plus missing must be positive
     */
    public static CategoricalDistribution of(String name, List<String> levels, long[] counts, long missing) {
        return new CategoricalDistribution(name, levels, counts.clone(), missing);
    }

    /**
     * The level counts of a training column, levels in the column's code order.
     *
     * @throws IllegalArgumentException if the column has no rows
     */
    public static CategoricalDistribution fit(CategoricalColumn column) {
        Objects.requireNonNull(column, "column");
        int[] c = column.counts();
        long[] counts = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            counts[i] = c[i];
        }
        if (column.size() == 0) {
            throw new IllegalArgumentException("'" + column.name() + "': cannot fit a distribution to no values");
        }
        return new CategoricalDistribution(column.name(), column.levels(), counts, column.missingCount());
    }

    /** The input's name. */
    public String name() {
        return name;
    }

    /** The training levels, in stored order. */
    public List<String> levels() {
        return levels;
    }

    /** Training count per level (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** Training count of missing values. */
    public long missingCount() {
        return missing;
    }

    /**
     * Drift of a batch column against this distribution: PSI over the training levels, an "other"
     * bin for unseen levels and a missing bin. KS is NaN: levels have no order.
     *
     * @throws IllegalArgumentException if the batch is empty
     */
    public DriftResult compare(CategoricalColumn batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.size() == 0) {
            throw new IllegalArgumentException("'" + name + "': cannot compare an empty batch");
        }
        int other = levels.size();
        int[] toBin = new int[batch.levelCount()];
        for (int code = 0; code < toBin.length; code++) {
            toBin[code] = index.getOrDefault(batch.level(code), other);
        }
        long[] actual = new long[levels.size() + 2];
        for (int r = 0; r < batch.size(); r++) {
            int code = batch.code(r);
            actual[code == CategoricalColumn.MISSING ? other + 1 : toBin[code]]++;
        }
        long[] expected = Arrays.copyOf(counts, levels.size() + 2);
        expected[other + 1] = missing;
        double psi = DriftMath.psi(expected, actual);
        return new DriftResult(name, psi, Double.NaN, DriftLevel.of(psi), batch.size());
    }

    void writeTo(BundleOutput out) {
        out.writeString(name).writeStringList(levels).writeLongArray(counts).writeLong(missing);
    }

    static CategoricalDistribution readFrom(BundleInput in) {
        String name = in.readString(TrainingDistributions.MAX_TEXT_BYTES);
        List<String> levels = in.readStringList(TrainingDistributions.MAX_LEVELS, TrainingDistributions.MAX_TEXT_BYTES);
        long at = in.offset();
        long[] counts = in.readLongArray(TrainingDistributions.MAX_LEVELS);
        long missing = in.readLong();
        try {
            return new CategoricalDistribution(name, levels, counts, missing);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalDistribution d && d.name.equals(name) && d.levels.equals(levels)
                && Arrays.equals(d.counts, counts) && d.missing == missing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, levels, Arrays.hashCode(counts), missing);
    }

    @Override
    public String toString() {
        return "CategoricalDistribution[" + name + ", levels " + levels + ", counts " + Arrays.toString(counts)
                + ", missing " + missing + "]";
    }
}
