package io.github.churnkit.features;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link FeaturePipeline} does with one input column (or one derived ratio or difference).
 * Each transform is a small validated record; {@link FeaturePipeline#defaults} picks one per column
 * from its type and {@link FeaturePipeline#with(String, ColumnTransform)} overrides it.
 *
 * <table>
 *   <caption>transforms and the column types they accept</caption>
 *   <tr><th>transform</th><th>input types</th><th>outputs</th></tr>
 *   <tr><td>{@link Numeric}</td><td>NUMERIC, BOOLEAN, derived</td>
 *       <td>{@code col}, plus {@code col_missing} when training saw missing values</td></tr>
 *   <tr><td>{@link QuantileBins}</td><td>NUMERIC, derived</td>
 *       <td>{@code col_bin0..}, plus {@code col_missing}</td></tr>
 *   <tr><td>{@link OneHot}</td><td>CATEGORICAL</td>
 *       <td>{@code col=level} per kept level, {@code col=other}, {@code col_missing}</td></tr>
 *   <tr><td>{@link Ordinal}</td><td>CATEGORICAL</td><td>{@code col} (the rank), {@code col_missing}</td></tr>
 *   <tr><td>{@link TargetEncoding}</td><td>CATEGORICAL</td><td>{@code col_target}</td></tr>
 *   <tr><td>{@link DaysSince}</td><td>DATE</td><td>{@code col_days}, {@code col_days_missing}</td></tr>
 * </table>
 *
 * <p>All records are immutable and thread-safe.
 */
public sealed interface ColumnTransform {

    /** How a missing numeric value is filled. */
    enum Imputation {
        /** The median of the training values (robust to the long tails of money columns). */
        MEDIAN,
        /** The arithmetic mean of the training values. */
        MEAN
    }

    /** What a categorical level never seen in training turns into at transform time. */
    enum UnknownLevel {
        /**
         * Pooled into the {@code col=other} bucket when training pooled rare levels into one, all
         * zeros otherwise.
         */
        OTHER,
        /** All zeros (the row looks like none of the known levels). */
        ZEROS
    }

    /**
     * A number, fitted in the order of a scikit-learn pipeline, each step learned on the output of
     * the one before over the training rows:
     * <ol>
     *   <li>missing (NaN, infinite) values are replaced by the training median or mean, and a
     *       {@code col_missing} 0/1 indicator is emitted when training saw any missing value;</li>
     *   <li>if {@code log1p}, {@code x -> sign(x) * log(1 + |x|)} (the usual {@code log1p} for
     *       non-negative money and usage amounts, extended oddly-symmetrically so negatives stay
     *       defined);</li>
     *   <li>if {@code clipQuantile > 0}, winsorising: values are clipped to the training quantiles
     *       {@code [q, 1 - q]} (R type 7, linear interpolation);</li>
     *   <li>if {@code standardize}, {@code (x - mean) / sd} with the population standard deviation;
     *       a constant column (sd = 0) is only centred.</li>
     * </ol>
     *
     * @param imputation  how missing values are filled
     * @param log1p       whether to apply the signed {@code log1p}
     * @param clipQuantile the lower clipping quantile {@code q} in {@code [0, 0.5)}; 0 disables clipping
     * @param standardize whether to centre and scale to unit variance
     */
    record Numeric(Imputation imputation, boolean log1p, double clipQuantile, boolean standardize)
            implements ColumnTransform {

        /** Validates the settings. */
        public Numeric {
            Objects.requireNonNull(imputation, "imputation");
            if (!(clipQuantile >= 0.0 && clipQuantile < 0.5)) {
                throw new IllegalArgumentException("clipQuantile must be in [0, 0.5), found "
                        + String.format(Locale.ROOT, "%s", clipQuantile));
            }
        }

        /** Median imputation and standardisation, no log, no clipping: the default for NUMERIC and DATE. */
        public static Numeric defaults() {
            return new Numeric(Imputation.MEDIAN, false, 0.0, true);
        }

        /** Median imputation only, the value passed through: the default for BOOLEAN 0/1 columns. */
        public static Numeric flag() {
            return new Numeric(Imputation.MEDIAN, false, 0.0, false);
        }

        /** A copy with another imputation. */
        public Numeric withImputation(Imputation value) {
            return new Numeric(value, log1p, clipQuantile, standardize);
        }

        /** A copy with {@code log1p} switched on or off (use it for money and usage columns). */
        public Numeric withLog1p(boolean value) {
            return new Numeric(imputation, value, clipQuantile, standardize);
        }

        /** A copy that winsorises at the training quantiles {@code [q, 1 - q]}. */
        public Numeric withClipQuantile(double q) {
            return new Numeric(imputation, log1p, q, standardize);
        }

        /** A copy with standardisation switched on or off. */
        public Numeric withStandardize(boolean value) {
            return new Numeric(imputation, log1p, clipQuantile, value);
        }
    }

    /**
     * Quantile binning: the (imputed) value is one-hot encoded into one of up to {@code bins} bins
     * whose edges are the training quantiles {@code j / bins} (R type 7); tied edges are merged, so
     * a column with few distinct values gets fewer bins. A {@code col_missing} indicator is emitted
     * when training saw missing values.
     *
     * @param bins       the number of bins wanted, 2 to 100
     * @param imputation how missing values are filled before binning
     */
    record QuantileBins(int bins, Imputation imputation) implements ColumnTransform {

        /** Validates the settings. */
        public QuantileBins {
            Objects.requireNonNull(imputation, "imputation");
            if (bins < 2 || bins > 100) {
                throw new IllegalArgumentException("bins must be in 2..100, found " + bins);
            }
        }

        /** {@code bins} quantile bins with median imputation. */
        public static QuantileBins of(int bins) {
            return new QuantileBins(bins, Imputation.MEDIAN);
        }
    }

    /**
     * One-hot encoding: one 0/1 output per kept level, in alphabetical order of the level text.
     * Levels seen fewer than {@code minCount} times in training are pooled into a single
     * {@code col=other} output (named {@code col=(other)} if a kept level is itself "other"); so are all but the {@code maxLevels} most frequent levels (ties
     * broken alphabetically). Missing values set a {@code col_missing} output when training saw
     * any, and give all zeros otherwise. Levels never seen in training follow {@code unknown}
     * (or throw in strict mode).
     *
     * @param minCount  the minimum training count of a level to get its own output, at least 1
     * @param maxLevels the maximum number of levels with their own output, at least 1
     * @param unknown   what an unseen level turns into
     */
    record OneHot(int minCount, int maxLevels, UnknownLevel unknown) implements ColumnTransform {

        /** Validates the settings. */
        public OneHot {
            Objects.requireNonNull(unknown, "unknown");
            if (minCount < 1) {
                throw new IllegalArgumentException("minCount must be at least 1, found " + minCount);
            }
            if (maxLevels < 1) {
                throw new IllegalArgumentException("maxLevels must be at least 1, found " + maxLevels);
            }
        }

        /** Minimum count 5, at most 50 levels, unseen levels pooled into "other" when it exists. */
        public static OneHot defaults() {
            return new OneHot(5, 50, UnknownLevel.OTHER);
        }

        /** A copy with another minimum count. */
        public OneHot withMinCount(int value) {
            return new OneHot(value, maxLevels, unknown);
        }

        /** A copy with another cap on the number of levels. */
        public OneHot withMaxLevels(int value) {
            return new OneHot(minCount, value, unknown);
        }

        /** A copy with another unknown-level behaviour. */
        public OneHot withUnknown(UnknownLevel value) {
            return new OneHot(minCount, maxLevels, value);
        }
    }

    /**
     * A declared order of levels (for example Basic &lt; Standard &lt; Premium) encoded as the rank
     * 0, 1, 2, ... A missing value, or in lenient mode a level not in the order, is replaced by the
     * median training rank; a {@code col_missing} indicator is emitted when training saw missing
     * values. A training level not in the order is an error at fit time.
     *
     * @param order the levels from lowest to highest; at least two, no duplicates
     */
    record Ordinal(List<String> order) implements ColumnTransform {

        /** Validates and copies the order. */
        public Ordinal {
            order = List.copyOf(order);
            if (order.size() < 2) {
                throw new IllegalArgumentException("an ordinal encoding needs at least 2 levels, found " + order);
            }
            Set<String> seen = new HashSet<>();
            for (String level : order) {
                if (!seen.add(level)) {
                    throw new IllegalArgumentException("duplicate level '" + level + "' in ordinal order " + order);
                }
            }
        }

        /** The order given as arguments. */
        public static Ordinal of(String... order) {
            return new Ordinal(List.of(order));
        }
    }

    /**
     * Target (mean) encoding for high-cardinality columns: each level becomes the smoothed churn
     * rate of its training rows, the m-estimate
     * {@code (sum of labels + m * prior) / (count + m)} where {@code prior} is the overall training
     * churn rate and {@code m = smoothing} (Micci-Barreca 2001, "A preprocessing scheme for
     * high-cardinality categorical attributes", with an additive smoothing weight). Missing and
     * unseen levels get the prior. Needs a binary TARGET column in the training table.
     *
     * <p>To avoid leaking a row's own label into its feature, the training matrix is encoded out of
     * fold ({@link FittedPipeline#transformOutOfFold}): rows are dealt into {@code folds} stratified
     * folds with the pipeline's seed and each fold is encoded with statistics from the other folds
     * only. Every other table is encoded with the statistics of the full training table.
     *
     * @param folds     number of folds for the out-of-fold training encoding, 2 to 50
     * @param smoothing the prior weight {@code m}, finite and non-negative
     */
    record TargetEncoding(int folds, double smoothing) implements ColumnTransform {

        /** Validates the settings. */
        public TargetEncoding {
            if (folds < 2 || folds > 50) {
                throw new IllegalArgumentException("folds must be in 2..50, found " + folds);
            }
            if (!(smoothing >= 0.0) || Double.isInfinite(smoothing)) {
                throw new IllegalArgumentException("smoothing must be finite and >= 0, found "
                        + String.format(Locale.ROOT, "%s", smoothing));
            }
        }

        /** Five folds, smoothing weight 10. */
        public static TargetEncoding defaults() {
            return new TargetEncoding(5, 10.0);
        }
    }

    /**
     * Days between a date column and the pipeline's reference (snapshot) date,
     * {@code referenceDay - epochDay} (positive for dates before the reference: tenure from a join
     * date, recency from a last payment date), then the numeric steps of {@code then}.
     *
     * @param then how the day count is imputed, clipped and scaled
     */
    record DaysSince(Numeric then) implements ColumnTransform {

        /** Validates the settings. */
        public DaysSince {
            Objects.requireNonNull(then, "then");
        }

        /** Days since, median-imputed and standardised. */
        public static DaysSince defaults() {
            return new DaysSince(Numeric.defaults());
        }
    }
}
