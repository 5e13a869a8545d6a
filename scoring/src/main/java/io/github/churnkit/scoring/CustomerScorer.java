package io.github.churnkit.scoring;

import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.FittedPipelineCodec;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.bundle.ModelSchema;
import io.github.churnkit.scoring.churn.ChurnCodec;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import io.github.churnkit.scoring.churn.ProbabilityCalibrator;
import io.github.churnkit.scoring.churn.RiskBands;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import io.github.churnkit.scoring.monitor.TrainingDistributions;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import io.github.churnkit.scoring.segment.SegmentCodec;
import io.github.churnkit.scoring.segment.SegmentEncoder;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores customers with a model bundle: calibrated churn probability, risk band, segment, expected
 * CLV and the top reasons, in one call.
 *
 * <pre>{@code
 * CustomerScorer scorer = CustomerScorer.load(Path.of("churn.ckb"));     // validated here, once
 * CustomerScore s = scorer.score(Map.of("tenure", 3, "Contract", "Month-to-month"), 3);
 *
 * // hot path: bind the caller's own record type once, then no allocation but the result
 * BoundScorer<Request> bound = scorer.<Request>binder()
 *         .number("tenure", Request::tenure)
 *         .category("Contract", Request::contract)
 *         .bind();
 * double p = bound.probability(request);                                 // allocates nothing
 * }</pre>
 *
 * <p><b>Validation.</b> {@link #of(ModelBundle)} decodes every section and checks them against each
 * other before the scorer exists: the pipeline's inputs are schema columns of the same type, the
 * pipeline's width equals the predictor's, the predictor is binary, the segment encoder's width and
 * feature names equal the segment assigner's, the CLV columns are numeric schema columns and the
 * CLV parameters the chosen formula needs are present. A bundle that fails any check gives a
 * {@link BundleFormatException} naming the sections.
 *
 * <p><b>CLV interval.</b> For the {@linkplain ClvInputs.Method#SBG sBG method}, a bundle with section
 * {@value ClvCodec#SBG_INTERVAL_SECTION} gives {@link CustomerScore#clvLow()} and
 * {@link CustomerScore#clvHigh()}: the delta-method confidence interval of the <i>expected</i> CLV
 * from the sBG parameters' estimation uncertainty ({@link SbgUncertainty}), not the range of what
 * one customer will pay. Its log standard error depends only on the renewals count, so it is
 * computed once per count (kept for counts below 1,024) and costs two {@code exp} per score after.
 * The {@linkplain ClvInputs.Method#CHURN_PROBABILITY churn-probability method} has no parameter
 * uncertainty in the bundle (the churn model's own error is not propagated), and bundles without
 * the interval section (format 1.0, or exported from bare parameters) have none either: their
 * bounds are NaN.
 *
 * <p><b>Input.</b> {@link #inputColumns()} lists every raw column the bundle reads. A missing
 * column, a null, or a NaN is missing and imputed as in training; an unseen category goes to the
 * pipeline's "other" bucket (and favours no segment); extra fields are ignored. In
 * {@linkplain #withStrict(boolean) strict mode} an unseen category, an infinite number or a value
 * of the wrong kind throws an {@link IllegalArgumentException} naming the column and the value.
 *
 * <p><b>Threads.</b> Immutable and thread-safe. Each thread keeps its own scratch buffers (a
 * {@link ThreadLocal} per scorer), so scoring allocates nothing but the returned result; with
 * reasons, also the explanation's few small working arrays per call (see
 * {@link BoundScorer#score(Object, int)}).
 */
public final class CustomerScorer {

    private final Parts parts;
    private final FittedPipeline pipeline;
    private final boolean strict;
    private final ThreadLocal<Scratch> scratch;

    private CustomerScorer(Parts parts, boolean strict) {
        this.parts = parts;
        this.strict = strict;
        this.pipeline = parts.pipeline.withStrict(strict);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(parts.layout, parts.pipeline.width(),
                parts.encoder == null ? 0 : parts.encoder.width(), parts.reasons.groupCount()));
    }

    /**
     * Loads and validates a bundle file.
     *
     * @throws BundleFormatException if the file is not a valid, consistent scoring bundle
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static CustomerScorer load(Path path) {
        return of(ModelBundle.load(path));
    }

    /**
     * Loads and validates a bundle from a stream (read to its end, at most
     * {@link ModelBundle#DEFAULT_MAX_BYTES}; not closed).
     *
     * @throws BundleFormatException if the bytes are not a valid, consistent scoring bundle
     * @throws java.io.UncheckedIOException if the stream cannot be read
     */
    public static CustomerScorer load(InputStream in) {
        return of(ModelBundle.load(in, ModelBundle.DEFAULT_MAX_BYTES));
    }

    /**
     * A scorer over an already loaded bundle, in lenient mode.
     *
     * @throws BundleFormatException if a section is missing, malformed, or inconsistent with another
     */
    public static CustomerScorer of(ModelBundle bundle) {
        return new CustomerScorer(Parts.decode(Objects.requireNonNull(bundle, "bundle")), false);
    }

    /** This scorer in strict mode (bad input throws) or lenient mode (bad input is repaired); shares the model. */
    public CustomerScorer withStrict(boolean strictMode) {
        return strictMode == strict ? this : new CustomerScorer(parts, strictMode);
    }

    /** Whether bad input throws instead of being treated as missing or "other". */
    public boolean strict() {
        return strict;
    }

    /** Every raw column the bundle reads, once each: pipeline inputs, then segment and CLV columns. */
    public List<String> inputColumns() {
        return parts.layout.names();
    }

    /** The type a raw column is read as. */
    public ColumnType inputType(String column) {
        return parts.layout.type(slotOf(column));
    }

    /** The bundle's schema. */
    public ModelSchema schema() {
        return parts.schema;
    }

    /** The bundle's risk bands. */
    public RiskBands riskBands() {
        return parts.bands;
    }

    /** Whether the bundle has a segment model. */
    public boolean hasSegments() {
        return parts.assigner != null;
    }

    /**
     * The ids of the bundle's segments, in the segment model's order: the values
     * {@link CustomerScore#segmentId()} and {@link ScoreBatch#segmentIds()} take. Empty when the
     * bundle has no segment model (those then hold -1). Immutable.
     */
    public List<Integer> segmentIds() {
        return parts.assigner == null ? List.of() : parts.assigner.segmentIds();
    }

    /**
     * The name of the segment with id {@code segmentId}, as in {@link CustomerScore#segmentName()}:
     * turns the ids of {@link BoundScorer#scoreBatch} into names. A linear search over the few
     * segments; allocates nothing for a known id.
     *
     * @throws IllegalArgumentException if the bundle has no segment with that id, which includes
     *                                  -1 (what a batch holds without a segment model) and every id
     *                                  when the bundle has no segment model; the message names the
     *                                  id and the known ids
     */
    public String segmentName(int segmentId) {
        int[] ids = parts.segmentIds;
        if (ids != null) {
            for (int c = 0; c < ids.length; c++) {
                if (ids[c] == segmentId) {
                    return parts.segmentNames[c];
                }
            }
        }
        throw new IllegalArgumentException("no segment with id " + segmentId + "; the bundle's segment ids are "
                + segmentIds() + (ids == null ? " (it has no segment model)" : ""));
    }

    /** Whether the bundle has a CLV model. */
    public boolean hasClv() {
        return parts.clvInputs != null;
    }

    /**
     * Whether CLV scores carry an interval ({@link CustomerScore#clvLow()}, {@link CustomerScore#clvHigh()}):
     * the sBG method with section {@value ClvCodec#SBG_INTERVAL_SECTION}.
     */
    public boolean hasClvInterval() {
        return parts.clvEvaluator != null && parts.clvEvaluator.hasInterval();
    }

    /** The training distributions for drift monitoring, if the bundle has them. */
    public Optional<TrainingDistributions> trainingDistributions() {
        return Optional.ofNullable(parts.drift);
    }

    /** The SHA-256 checksum of the bundle this scorer was built from. */
    public String checksum() {
        return parts.checksum;
    }

    /**
     * Scores one customer given as a map from column name to value, without reasons.
     *
     * @see #score(Map, int)
     */
    public CustomerScore score(Map<String, ?> customer) {
        return score(customer, 0);
    }

    /**
     * Scores one customer given as a map from column name to value. Values: numbers as any
     * {@link Number} (or a numeric string; booleans as {@link Boolean}, 0/1 or yes/no/true/false),
     * categories as strings (any other object through {@code toString()}), dates as
     * {@link java.time.LocalDate}, an ISO date string, or an epoch-day number.
     *
     * @param customer  the customer's values; absent keys and nulls are missing, extra keys ignored
     * @param topReasons how many reasons to return ({@code >= 0}); 0 skips the explanation
     * @throws IllegalArgumentException in strict mode for a bad value, or if {@code topReasons < 0}
     */
    public CustomerScore score(Map<String, ?> customer, int topReasons) {
        Objects.requireNonNull(customer, "customer");
        Scratch s = scratch.get();
        MapValues.fill(parts.layout, customer, s, strict);
        return full(s, topReasons);
    }

    /** The calibrated churn probability of a customer given as a map; see {@link #score(Map, int)}. */
    public double probability(Map<String, ?> customer) {
        Objects.requireNonNull(customer, "customer");
        Scratch s = scratch.get();
        MapValues.fill(parts.layout, customer, s, strict);
        return probability(s);
    }

    /** Starts binding a record type: per-column accessors, looked up once. */
    public <T> RecordBinder<T> binder() {
        return new RecordBinder<>(this);
    }

    // ---- engine, used by the map path and by BoundScorer ----

    Scratch scratch() {
        return scratch.get();
    }

    int slotOf(String column) {
        int i = parts.layout.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("the bundle reads no column '" + column + "'; its inputs are "
                    + parts.layout.names());
        }
        return i;
    }

    Layout layout() {
        return parts.layout;
    }

    double probability(Scratch s) {
        pipeline.transform(s.pipelineView, s.x);
        double p = parts.predictor.probability(s.x);
        return parts.calibrator == null ? p : parts.calibrator.calibrate(p);
    }

    CustomerScore full(Scratch s, int topReasons) {
        if (topReasons < 0) {
            throw new IllegalArgumentException("topReasons must be >= 0, found " + topReasons);
        }
        double p = probability(s);
        String band = parts.bands.name(p);
        int seg = segmentPosition(s);
        double clv = clv(s, p);
        double se = clvLogStandardError(s, clv);
        double low = clvLow(clv, se);
        double high = clvHigh(clv, se);
        List<ScoreReason> reasons = topReasons == 0 ? List.of() : parts.reasons.top(s, parts.predictor, topReasons);
        return seg < 0
                ? new CustomerScore(p, band, -1, "", clv, low, high, reasons)
                : new CustomerScore(p, band, parts.segmentIds[seg], parts.segmentNames[seg], clv, low, high, reasons);
    }

    /** Position of the customer's segment among the assigner's segments, -1 without a segment model. */
    int segmentPosition(Scratch s) {
        SegmentEncoder enc = parts.encoder;
        if (enc == null) {
            return -1;
        }
        if (strict) {
            checkSegmentInputs(s);
        }
        enc.encode(s.segmentView, s.segment);
        return parts.assigner.nearest(s.segment);
    }

    int segmentId(int position) {
        return position < 0 ? -1 : parts.segmentIds[position];
    }

    int bandIndex(double p) {
        return parts.bands.index(p);
    }

    private void checkSegmentInputs(Scratch s) {
        SegmentEncoder enc = parts.encoder;
        int[] slots = parts.layout.segmentSlots();
        for (int c = 0; c < slots.length; c++) {
            if (enc.isCategorical(c)) {
                String v = s.categories[slots[c]];
                if (v != null && enc.levelIndex(c, v) < 0) {
                    throw new IllegalArgumentException("column '" + enc.columns().get(c) + "': level '" + v
                            + "' was not seen in training (levels " + enc.levels(c) + ")");
                }
            } else if (Double.isInfinite(s.numbers[slots[c]])) {
                throw new IllegalArgumentException("column '" + enc.columns().get(c) + "': value "
                        + s.numbers[slots[c]] + " is not finite");
            }
        }
    }

    double clv(Scratch s, double p) {
        ClvEvaluator clv = parts.clvEvaluator;
        if (clv == null) {
            return Double.NaN;
        }
        double revenue = s.numbers[parts.layout.revenueSlot()];
        if (strict && (revenue < 0 || revenue == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("column '" + parts.clvInputs.revenueColumn() + "': revenue " + revenue
                    + " must be finite and >= 0");
        }
        return clv.clv(revenue, renewals(s), p);
    }

    /** The customer's renewals value, NaN when the CLV method reads none. */
    private double renewals(Scratch s) {
        int slot = parts.layout.renewalsSlot();
        return slot < 0 ? Double.NaN : s.numbers[slot];
    }

    /**
     * The delta-method standard error of {@code ln CLV} for the customer in {@code s} whose CLV is
     * {@code clv}: NaN when the bundle has no sBG interval or the CLV is NaN.
     */
    double clvLogStandardError(Scratch s, double clv) {
        return parts.clvEvaluator == null ? Double.NaN : parts.clvEvaluator.logStandardError(clv, renewals(s));
    }

    /** Lower CLV bound from {@link #clvLogStandardError}; NaN when either is NaN. */
    double clvLow(double clv, double logStandardError) {
        return parts.clvEvaluator == null ? Double.NaN : parts.clvEvaluator.lowerFrom(clv, logStandardError);
    }

    /** Upper CLV bound from {@link #clvLogStandardError}; NaN when either is NaN. */
    double clvHigh(double clv, double logStandardError) {
        return parts.clvEvaluator == null ? Double.NaN : parts.clvEvaluator.upperFrom(clv, logStandardError);
    }

    ChurnPredictor predictor() {
        return parts.predictor;
    }

    ProbabilityCalibrator calibrator() {
        return parts.calibrator;
    }

    FittedPipeline pipeline() {
        return pipeline;
    }

    boolean isStrict() {
        return strict;
    }

    @Override
    public String toString() {
        return "CustomerScorer[" + parts.layout.slotCount() + " inputs, " + parts.predictor
                + (parts.assigner == null ? "" : ", " + parts.assigner.segmentCount() + " segments")
                + (parts.clvInputs == null ? "" : ", CLV " + parts.clvInputs.method()
                        + (hasClvInterval() ? " with interval" : ""))
                + (strict ? ", strict" : "") + "]";
    }

    /** The decoded, cross-checked content of a bundle. */
    private static final class Parts {
        String checksum;
        ModelSchema schema;
        FittedPipeline pipeline;
        ChurnPredictor predictor;
        ProbabilityCalibrator calibrator;
        RiskBands bands;
        SegmentEncoder encoder;
        SegmentAssigner assigner;
        int[] segmentIds;
        String[] segmentNames;
        ClvInputs clvInputs;
        ClvSettings clvSettings;
        SbgParameters sbg;
        SbgUncertainty sbgUncertainty;
        ClvEvaluator clvEvaluator;
        TrainingDistributions drift;
        Layout layout;
        Reasons reasons;

        static Parts decode(ModelBundle b) {
            Parts p = new Parts();
            p.checksum = b.checksum();
            p.schema = b.decode(ModelSchema.SECTION, ModelSchema::readFrom);
            p.pipeline = b.decode(FittedPipelineCodec.SECTION, FittedPipelineCodec::read);
            p.predictor = b.decode(ChurnCodec.MODEL_SECTION, ChurnCodec::readPredictor);
            p.calibrator = b.contains(ChurnCodec.CALIBRATION_SECTION)
                    ? b.decode(ChurnCodec.CALIBRATION_SECTION, ChurnCodec::readCalibrator) : null;
            p.bands = b.decode(ChurnCodec.BANDS_SECTION, ChurnCodec::readBands);
            if (b.contains(SegmentCodec.SECTION) != b.contains(SegmentEncoder.SECTION)) {
                throw inconsistent("a segment model needs both sections '" + SegmentCodec.SECTION + "' and '"
                        + SegmentEncoder.SECTION + "'; found only one", SegmentCodec.SECTION);
            }
            if (b.contains(SegmentCodec.SECTION)) {
                p.assigner = b.decode(SegmentCodec.SECTION, SegmentCodec::read);
                p.encoder = b.decode(SegmentEncoder.SECTION, SegmentEncoder::readFrom);
            }
            if (b.contains(ClvInputs.SECTION)) {
                p.clvInputs = b.decode(ClvInputs.SECTION, ClvInputs::readFrom);
                if (!b.contains(ClvCodec.SETTINGS_SECTION)) {
                    throw inconsistent("CLV inputs need section '" + ClvCodec.SETTINGS_SECTION + "'", ClvInputs.SECTION);
                }
                p.clvSettings = b.decode(ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings);
                if (p.clvInputs.method() == ClvInputs.Method.SBG) {
                    if (!b.contains(ClvCodec.SBG_SECTION)) {
                        throw inconsistent("the sBG CLV method needs section '" + ClvCodec.SBG_SECTION + "'",
                                ClvInputs.SECTION);
                    }
                    p.sbg = b.decode(ClvCodec.SBG_SECTION, ClvCodec::readSbg);
                    if (b.contains(ClvCodec.SBG_INTERVAL_SECTION)) {
                        p.sbgUncertainty = b.decode(ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval);
                    }
                }
                p.clvEvaluator = ClvEvaluator.of(p.clvInputs, p.clvSettings, p.sbg, p.sbgUncertainty);
            }
            p.drift = b.contains(TrainingDistributions.SECTION)
                    ? b.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom) : null;
            p.check();
            return p;
        }

        private void check() {
            if (predictor.classCount() != 2) {
                throw inconsistent("the churn model must be binary, found " + predictor.classCount() + " classes",
                        ChurnCodec.MODEL_SECTION);
            }
            if (pipeline.width() != predictor.featureCount()) {
                throw inconsistent("the feature pipeline writes " + pipeline.width() + " features but the churn model reads "
                        + predictor.featureCount(), ChurnCodec.MODEL_SECTION);
            }
            for (int i = 0; i < pipeline.inputColumns().size(); i++) {
                String name = pipeline.inputColumns().get(i);
                requireColumn(name, pipeline.inputType(i), FittedPipelineCodec.SECTION);
            }
            if (assigner != null) {
                if (encoder.width() != assigner.featureCount() || !encoder.featureNames().equals(assigner.featureNames())) {
                    throw inconsistent("the segment encoder writes " + encoder.width() + " features " + encoder.featureNames()
                            + " but the segment centroids have " + assigner.featureCount() + " " + assigner.featureNames(),
                            SegmentEncoder.SECTION);
                }
                for (int c = 0; c < encoder.columns().size(); c++) {
                    requireColumn(encoder.columns().get(c),
                            encoder.isCategorical(c) ? ColumnType.CATEGORICAL : ColumnType.NUMERIC, SegmentEncoder.SECTION);
                }
                segmentIds = new int[assigner.segmentCount()];
                segmentNames = new String[segmentIds.length];
                for (int c = 0; c < segmentIds.length; c++) {
                    segmentIds[c] = assigner.segmentIds().get(c);
                    segmentNames[c] = assigner.segmentNames().get(c);
                }
            }
            if (clvInputs != null) {
                requireColumn(clvInputs.revenueColumn(), ColumnType.NUMERIC, ClvInputs.SECTION);
                if (clvInputs.method() == ClvInputs.Method.SBG) {
                    requireColumn(clvInputs.renewalsColumn(), ColumnType.NUMERIC, ClvInputs.SECTION);
                }
            }
            try {
                layout = new Layout(pipeline, encoder, clvInputs);
            } catch (IllegalArgumentException e) {
                throw inconsistent(e.getMessage(), ModelSchema.SECTION);
            }
            reasons = new Reasons(pipeline, layout);
        }

        private void requireColumn(String name, ColumnType type, String section) {
            if (!schema.schema().contains(name)) {
                throw inconsistent("column '" + name + "' is not in the schema " + schema.schema().names(), section);
            }
            ColumnSpec spec = schema.schema().column(name);
            boolean ok = spec.type() == type
                    || (type == ColumnType.NUMERIC && spec.type() == ColumnType.BOOLEAN)
                    || (type == ColumnType.BOOLEAN && spec.type() == ColumnType.NUMERIC);
            if (!ok) {
                throw inconsistent("column '" + name + "' is " + spec.type() + " in the schema but read as " + type, section);
            }
        }

        private static BundleFormatException inconsistent(String message, String section) {
            return new BundleFormatException("inconsistent bundle: " + message, section, BundleFormatException.NO_OFFSET);
        }
    }
}
