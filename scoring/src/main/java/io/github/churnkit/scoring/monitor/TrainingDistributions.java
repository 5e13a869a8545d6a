package io.github.churnkit.scoring.monitor;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compact training distributions of every model input and of the model's score, kept in the model
 * bundle (section {@value #SECTION}) so that a {@link DriftMonitor} can later tell whether new data
 * still looks like the training data.
 *
 * <p>Numeric, boolean and date inputs (dates as epoch days) are summarised by
 * {@link NumericDistribution quantile bins}; categorical inputs by {@link CategoricalDistribution
 * level counts}; text and id columns are skipped. The score is summarised by quantile bins too.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrainingDistributions {

    /** The bundle section name. */
    public static final String SECTION = "drift";
    /** The name reported for the score's drift. */
    public static final String SCORE = "score";

    static final int MAX_BINS = 10_000;
    static final int MAX_LEVELS = 1_000_000;
    static final int MAX_FEATURES = 100_000;
    static final int MAX_TEXT_BYTES = 1 << 16;
    private static final byte NUMERIC = 0;
    private static final byte CATEGORICAL = 1;

    /**
     * Settings for {@link #fit(CustomerTable, double[], Config)}.
     *
     * @param bins quantile bins per numeric input and for the score, 2 to 10,000; the default 10
     *             (deciles) is the usual choice for the PSI
     */
    public record Config(int bins) {
        /** Validates the fields. */
        public Config {
            if (bins < 2 || bins > MAX_BINS) {
                throw new IllegalArgumentException("bins must be in [2, " + MAX_BINS + "], found " + bins);
            }
        }

        /** Ten bins. */
        public static Config defaults() {
            return new Config(10);
        }

        /** A copy with another number of bins. */
        public Config withBins(int newBins) {
            return new Config(newBins);
        }
    }

    private final List<Object> features; // NumericDistribution or CategoricalDistribution, in order
    private final NumericDistribution score;

    private TrainingDistributions(List<Object> features, NumericDistribution score) {
        this.features = List.copyOf(features);
        this.score = Objects.requireNonNull(score, "score");
        Set<String> names = new HashSet<>();
        for (Object f : this.features) {
            if (!names.add(nameOf(f))) {
                throw new IllegalArgumentException("feature '" + nameOf(f) + "' has two distributions");
            }
        }
    }

    /**
     * Summarises the training inputs (columns with role {@link ColumnRole#FEATURE}) and the scores
     * the model gave the same rows.
     *
     * @param training the training table
     * @param scores   the model's score per training row (NaN = missing)
     * @throws IllegalArgumentException if the table is empty or the lengths differ
     */
    public static TrainingDistributions fit(CustomerTable training, double[] scores, Config config) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(config, "config");
        if (scores.length != training.rowCount()) {
            throw new IllegalArgumentException("need one score per training row: " + training.rowCount()
                    + " rows, " + scores.length + " scores");
        }
        List<Object> features = new ArrayList<>();
        for (ColumnSpec spec : training.schema().features()) {
            Column c = training.column(spec.name());
            if (c instanceof CategoricalColumn k) {
                features.add(CategoricalDistribution.fit(k));
            } else if (c instanceof NumericColumn || c instanceof DateColumn) {
                features.add(NumericDistribution.fit(spec.name(), numericValues(c), config.bins()));
            }
        }
        return new TrainingDistributions(features, NumericDistribution.fit(SCORE, scores, config.bins()));
    }

    /**
     * Distributions assembled from parts (for example from another store).
     *
     * @param numeric     numeric input distributions
     * @param categorical categorical input distributions
     * @param score       the score distribution
     * @throws IllegalArgumentException if two inputs share a name
     */
    public static TrainingDistributions of(List<NumericDistribution> numeric,
            List<CategoricalDistribution> categorical, NumericDistribution score) {
        List<Object> all = new ArrayList<>(numeric);
        all.addAll(categorical);
        return new TrainingDistributions(all, score);
    }

    /** The numeric input distributions, in training column order. */
    public List<NumericDistribution> numeric() {
        return select(NumericDistribution.class);
    }

    /** The categorical input distributions, in training column order. */
    public List<CategoricalDistribution> categorical() {
        return select(CategoricalDistribution.class);
    }

    /** The names of all summarised inputs, in order. */
    public List<String> featureNames() {
        return features.stream().map(TrainingDistributions::nameOf).toList();
    }

    /** The score distribution. */
    public NumericDistribution score() {
        return score;
    }

    List<Object> features() {
        return features;
    }

    /** Writes the payload of section {@value #SECTION} (see docs/model-format.md). */
    public void writeTo(BundleOutput out) {
        score.writeTo(out);
        out.writeList(features, (o, f) -> {
            if (f instanceof NumericDistribution n) {
                o.writeByte(NUMERIC);
                n.writeTo(o);
            } else {
                o.writeByte(CATEGORICAL);
                ((CategoricalDistribution) f).writeTo(o);
            }
        });
    }

    /**
     * Reads distributions written by {@link #writeTo(BundleOutput)}.
     *
     * @throws BundleFormatException if the payload is malformed
     */
    public static TrainingDistributions readFrom(BundleInput in) {
        NumericDistribution score = NumericDistribution.readFrom(in);
        long at = in.offset();
        List<Object> features = in.readList(MAX_FEATURES, i -> {
            long kindAt = i.offset();
            byte kind = i.readByte();
            if (kind == NUMERIC) {
                return NumericDistribution.readFrom(i);
            } else if (kind == CATEGORICAL) {
                return CategoricalDistribution.readFrom(i);
            }
            throw new BundleFormatException("unknown distribution kind " + kind, i.section(), kindAt);
        });
        try {
            return new TrainingDistributions(features, score);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
    }

    static double[] numericValues(Column c) {
        if (c instanceof NumericColumn n) {
            return n.toArray();
        }
        if (c instanceof DateColumn d) {
            double[] out = new double[d.size()];
            for (int r = 0; r < out.length; r++) {
                out[r] = d.isMissing(r) ? Double.NaN : d.epochDay(r);
            }
            return out;
        }
        throw new IllegalArgumentException("column '" + c.name() + "' of type " + c.type() + " is not numeric");
    }

    static String nameOf(Object f) {
        return f instanceof NumericDistribution n ? n.name() : ((CategoricalDistribution) f).name();
    }

    private <T> List<T> select(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object f : features) {
            if (type.isInstance(f)) {
                out.add(type.cast(f));
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingDistributions t && t.features.equals(features) && t.score.equals(score);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, score);
    }

    @Override
    public String toString() {
        return "TrainingDistributions" + featureNames() + " + " + SCORE;
    }
}
