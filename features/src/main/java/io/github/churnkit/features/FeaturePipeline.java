package io.github.churnkit.features;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import io.github.churnkit.features.ColumnTransform.DaysSince;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.OneHot;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import io.github.churnkit.features.ColumnTransform.QuantileBins;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A declarative feature pipeline: which {@link ColumnTransform} applies to each input column, which
 * ratios and differences are derived, the reference (snapshot) date for date features, and the
 * transform-time options. It is a plain specification; {@link #fit(CustomerTable)} learns every
 * statistic from the training rows and returns a {@link FittedPipeline}.
 *
 * <pre>{@code
 * FeaturePipeline spec = FeaturePipeline.defaults(table.schema())
 *         .with("MonthlyCharges", Numeric.defaults().withLog1p(true))
 *         .with("Contract", Ordinal.of("Month-to-month", "One year", "Two year"))
 *         .withRatio("charges_per_month", "TotalCharges", "tenure");
 * FittedPipeline fitted = spec.fit(train);
 * double[][] x = fitted.transform(test);
 * }</pre>
 *
 * <p>Only columns with the role {@link ColumnRole#FEATURE} and a type other than
 * {@link ColumnType#TEXT} are ever inputs: ID, TARGET, IGNORED and TEXT columns are left out.
 * {@link #defaults(Schema)} gives each input: {@link Numeric#defaults()} (median imputation with
 * a missing indicator, standardisation) for NUMERIC, {@link Numeric#flag()} for BOOLEAN,
 * {@link OneHot#defaults()} for CATEGORICAL and {@link DaysSince#defaults()} for DATE.
 *
 * <p>Immutable and thread-safe; every {@code with*} method returns a new pipeline.
 */
public final class FeaturePipeline {

    /**
     * Transform-time behaviour and the seed of the out-of-fold target encoding.
     *
     * @param strict whether bad input at transform time throws instead of being repaired: a level
     *               never seen in training, an infinite number, a boolean other than 0/1, or a
     *               table column that is absent or of another type all raise an
     *               {@link IllegalArgumentException} naming the column and value. Missing values are
     *               imputed in both modes.
     * @param seed   the seed of the stratified fold assignment of out-of-fold target encoding
     */
    public record Options(boolean strict, long seed) {

        /** Lenient, seed 42. */
        public static Options defaults() {
            return new Options(false, 42L);
        }

        /** A copy with strict mode on or off. */
        public Options withStrict(boolean value) {
            return new Options(value, seed);
        }

        /** A copy with another seed. */
        public Options withSeed(long value) {
            return new Options(strict, value);
        }
    }

    /** How a derived feature combines its two operands. */
    public enum Operation {
        /**
         * {@code left / right}; a zero denominator (and an overflow to infinity) gives a missing
         * value, which the derived feature's transform then imputes and flags.
         */
        RATIO,
        /** {@code left - right}; dates count as epoch days, so two dates give the days between them. */
        DIFFERENCE
    }

    /**
     * A feature computed from two input columns (NUMERIC, BOOLEAN or DATE features).
     *
     * @param name  the feature name; distinct from every column name
     * @param op    the operation
     * @param left  the numerator or minuend column
     * @param right the denominator or subtrahend column
     */
    public record Derived(String name, Operation op, String left, String right) {

        /** Validates the fields. */
        public Derived {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (name.isBlank()) {
                throw new IllegalArgumentException("derived feature name must not be blank");
            }
        }
    }

    private final Schema schema;
    private final Map<String, ColumnTransform> transforms;
    private final List<Derived> derived;
    private final Map<String, ColumnTransform> derivedTransforms;
    private final LocalDate referenceDate;
    private final Options options;

    private FeaturePipeline(Schema schema, Map<String, ColumnTransform> transforms, List<Derived> derived,
                            Map<String, ColumnTransform> derivedTransforms, LocalDate referenceDate, Options options) {
        this.schema = schema;
        this.transforms = Collections.unmodifiableMap(new LinkedHashMap<>(transforms));
        this.derived = List.copyOf(derived);
        this.derivedTransforms = Collections.unmodifiableMap(new LinkedHashMap<>(derivedTransforms));
        this.referenceDate = referenceDate;
        this.options = options;
    }

    private FeaturePipeline copy(Map<String, ColumnTransform> t, List<Derived> d, Map<String, ColumnTransform> dt) {
        return new FeaturePipeline(schema, t, d, dt, referenceDate, options);
    }

    /**
     * The default pipeline for {@code schema}: every FEATURE column that is not TEXT gets the
     * default transform of its type (see the class comment); no derived features; the reference
     * date is the latest date in the training table's date inputs; lenient options.
     */
    public static FeaturePipeline defaults(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        Map<String, ColumnTransform> t = new LinkedHashMap<>();
        for (ColumnSpec c : schema.columns()) {
            if (isInput(c)) {
                t.put(c.name(), defaultFor(c.type()));
            }
        }
        return new FeaturePipeline(schema, t, List.of(), Map.of(), null, Options.defaults());
    }

    private static boolean isInput(ColumnSpec c) {
        return c.role() == ColumnRole.FEATURE && c.type() != ColumnType.TEXT;
    }

    private static ColumnTransform defaultFor(ColumnType type) {
        switch (type) {
            case NUMERIC:
                return Numeric.defaults();
            case BOOLEAN:
                return Numeric.flag();
            case CATEGORICAL:
                return OneHot.defaults();
            case DATE:
                return DaysSince.defaults();
            default:
                throw new IllegalArgumentException("no transform for type " + type);
        }
    }

    /**
     * A pipeline where {@code column} (an input column, or a derived feature declared earlier) gets
     * {@code transform}. Also re-includes a column removed with {@link #without(String)}.
     *
     * @throws IllegalArgumentException if the column is unknown, is not a FEATURE, is TEXT, or the
     *                                  transform does not fit its type
     */
    public FeaturePipeline with(String column, ColumnTransform transform) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(transform, "transform");
        if (derivedTransforms.containsKey(column)) {
            if (!(transform instanceof Numeric) && !(transform instanceof QuantileBins)) {
                throw new IllegalArgumentException("derived feature '" + column + "' takes Numeric or QuantileBins, not "
                        + transform.getClass().getSimpleName());
            }
            Map<String, ColumnTransform> dt = new LinkedHashMap<>(derivedTransforms);
            dt.put(column, transform);
            return copy(transforms, derived, dt);
        }
        ColumnSpec spec = inputSpec(column);
        checkFits(spec, transform);
        Map<String, ColumnTransform> t = new LinkedHashMap<>();
        for (ColumnSpec c : schema.columns()) {
            if (c.name().equals(column)) {
                t.put(column, transform);
            } else if (transforms.containsKey(c.name())) {
                t.put(c.name(), transforms.get(c.name()));
            }
        }
        return copy(t, derived, derivedTransforms);
    }

    /**
     * A pipeline where every transformed input column of {@code type} gets {@code transform}, for
     * example {@code withAll(ColumnType.CATEGORICAL, OneHot.defaults().withMinCount(20))}. Columns
     * removed with {@link #without(String)} stay removed; later {@link #with(String, ColumnTransform)}
     * calls override single columns.
     *
     * @throws IllegalArgumentException if the transform does not fit {@code type}
     */
    public FeaturePipeline withAll(ColumnType type, ColumnTransform transform) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transform, "transform");
        Map<String, ColumnTransform> t = new LinkedHashMap<>(transforms);
        for (String column : transforms.keySet()) {
            ColumnSpec spec = schema.column(column);
            if (spec.type() == type) {
                checkFits(spec, transform);
                t.put(column, transform);
            }
        }
        return copy(t, derived, derivedTransforms);
    }

    /** A pipeline without direct outputs for {@code column} (it may still feed a derived feature). */
    public FeaturePipeline without(String column) {
        if (!transforms.containsKey(column)) {
            throw new IllegalArgumentException("column '" + column + "' has no transform; transformed columns are "
                    + transforms.keySet());
        }
        Map<String, ColumnTransform> t = new LinkedHashMap<>(transforms);
        t.remove(column);
        return copy(t, derived, derivedTransforms);
    }

    /**
     * A pipeline with the derived feature {@code name = numerator / denominator} (division by zero
     * gives a missing value, imputed and flagged), transformed with {@link Numeric#defaults()}
     * unless overridden with {@link #with(String, ColumnTransform)}.
     */
    public FeaturePipeline withRatio(String name, String numerator, String denominator) {
        return withDerived(new Derived(name, Operation.RATIO, numerator, denominator));
    }

    /** A pipeline with the derived feature {@code name = minuend - subtrahend} (see {@link #withRatio}). */
    public FeaturePipeline withDifference(String name, String minuend, String subtrahend) {
        return withDerived(new Derived(name, Operation.DIFFERENCE, minuend, subtrahend));
    }

    private FeaturePipeline withDerived(Derived d) {
        if (schema.contains(d.name()) || derivedTransforms.containsKey(d.name())) {
            throw new IllegalArgumentException("derived feature name '" + d.name() + "' is already taken");
        }
        for (String operand : List.of(d.left(), d.right())) {
            ColumnSpec spec = inputSpec(operand);
            if (spec.type() == ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException("derived feature '" + d.name() + "': operand '" + operand
                        + "' is CATEGORICAL; operands must be NUMERIC, BOOLEAN or DATE");
            }
        }
        List<Derived> ds = new ArrayList<>(derived);
        ds.add(d);
        Map<String, ColumnTransform> dt = new LinkedHashMap<>(derivedTransforms);
        dt.put(d.name(), Numeric.defaults());
        return copy(transforms, ds, dt);
    }

    /** A pipeline whose date features count days up to {@code date} (the snapshot date). */
    public FeaturePipeline withReferenceDate(LocalDate date) {
        return new FeaturePipeline(schema, transforms, derived, derivedTransforms,
                Objects.requireNonNull(date, "date"), options);
    }

    /** A pipeline with other options. */
    public FeaturePipeline withOptions(Options value) {
        return new FeaturePipeline(schema, transforms, derived, derivedTransforms, referenceDate,
                Objects.requireNonNull(value, "options"));
    }

    /** A pipeline with strict mode on or off (see {@link Options#strict()}). */
    public FeaturePipeline withStrict(boolean strict) {
        return withOptions(options.withStrict(strict));
    }

    private ColumnSpec inputSpec(String column) {
        ColumnSpec spec = schema.column(column);
        if (!isInput(spec)) {
            throw new IllegalArgumentException("column '" + column + "' is " + spec.role() + " " + spec.type()
                    + "; only FEATURE columns that are not TEXT can be inputs");
        }
        return spec;
    }

    private static void checkFits(ColumnSpec spec, ColumnTransform t) {
        boolean ok;
        switch (spec.type()) {
            case NUMERIC:
                ok = t instanceof Numeric || t instanceof QuantileBins;
                break;
            case BOOLEAN:
                ok = t instanceof Numeric;
                break;
            case CATEGORICAL:
                ok = t instanceof OneHot || t instanceof Ordinal || t instanceof TargetEncoding;
                break;
            case DATE:
                ok = t instanceof DaysSince;
                break;
            default:
                ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type() + "; "
                    + t.getClass().getSimpleName() + " does not apply to it");
        }
    }

    /** The schema the pipeline was built for. */
    public Schema schema() {
        return schema;
    }

    /** The transform of each input column with direct outputs, in schema order. */
    public Map<String, ColumnTransform> transforms() {
        return transforms;
    }

    /** The derived features, in declaration order. */
    public List<Derived> derived() {
        return derived;
    }

    /** The transform of each derived feature, by name. */
    public Map<String, ColumnTransform> derivedTransforms() {
        return derivedTransforms;
    }

    /** The reference (snapshot) date, if one was set; otherwise the latest training date is used. */
    public Optional<LocalDate> referenceDate() {
        return Optional.ofNullable(referenceDate);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /**
     * Learns every statistic (fill values, quantiles, means and deviations, kept levels, target
     * encodings, the reference date when none was set) from {@code training} and returns the fitted
     * pipeline. The table must hold every input column with the type the schema gives it (roles
     * may differ); a target is needed only for {@link TargetEncoding}.
     *
     * @throws IllegalArgumentException if an input column is absent or of another type, an
     *                                  ordinal column holds a level outside its order, or target
     *                                  encoding finds no usable target
     */
    public FittedPipeline fit(CustomerTable training) {
        Objects.requireNonNull(training, "training");
        return PipelineFitter.fit(this, training);
    }

    @Override
    public String toString() {
        return "FeaturePipeline[" + transforms + ", derived=" + derived + ", referenceDate=" + referenceDate
                + ", " + options + "]";
    }
}
