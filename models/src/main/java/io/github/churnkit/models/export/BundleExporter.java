package io.github.churnkit.models.export;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.clv.SbgModel;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.bundle.DataFingerprint;
import io.github.churnkit.scoring.bundle.FittedPipelineCodec;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.bundle.ModelSchema;
import io.github.churnkit.scoring.bundle.Provenance;
import io.github.churnkit.scoring.bundle.RunInfo;
import io.github.churnkit.scoring.bundle.TrainingMetrics;
import io.github.churnkit.scoring.churn.ChurnCodec;
import io.github.churnkit.scoring.churn.RiskBands;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import io.github.churnkit.scoring.monitor.TrainingDistributions;
import io.github.churnkit.scoring.segment.SegmentCodec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a scoring bundle ({@link ModelBundle}, read by {@code io.github.churnkit.scoring.CustomerScorer})
 * from trained models:
 *
 * <pre>{@code
 * ModelBundle bundle = BundleExporter.builder(fittedPipeline, churnModel, trainingTable)
 *         .segments(segmentModel)                                  // optional
 *         .clv(ClvInputs.fromChurnProbability("MonthlyCharges"), ClvSettings.defaults())  // optional
 *         // or .clv(ClvInputs.fromSbg("MonthlyCharges", "tenure"), settings).sbg(sbgModel, 0.9)
 *         .metrics(TrainingMetrics.of(...))                        // optional
 *         .clock(Clock.fixed(trainedAt, ZoneOffset.UTC))           // for byte-identical files
 *         .build();
 * bundle.writeTo(Path.of("churn.ckb"));
 * }</pre>
 *
 * <p>What goes in: the training table's schema with the levels of its categorical columns; the
 * fitted pipeline; the churn model's runtime predictor and calibrator; the risk bands (default
 * {@link #DEFAULT_BANDS}); optionally the segment model's encoder and assigner, the CLV inputs,
 * settings and sBG parameters (with their uncertainty, section {@code clv.sbg.interval}, when given
 * a fitted {@link SbgModel}); training metrics; provenance (the churn trainer's settings, plus
 * {@code trainer} = its name, its seed, {@link DataFingerprint#of(CustomerTable)} of the training
 * table, churnkit and Java versions and the clock's time); and a drift baseline: the
 * {@link TrainingDistributions} of the training table's inputs and of the calibrated churn
 * probabilities the model gives those rows.
 *
 * <p>Deterministic: the same models, table, settings and clock give byte-identical bundles. Builders
 * are not thread-safe.
 */
public final class BundleExporter {

    /** Bands used when none are given: low below 0.2, medium below 0.5, high from 0.5. */
    public static final RiskBands DEFAULT_BANDS = RiskBands.of(new double[] {0.2, 0.5}, List.of("low", "medium", "high"));
    private static final Logger LOG = LoggerFactory.getLogger(BundleExporter.class);

    private BundleExporter() {
    }

    /**
     * Starts a bundle from the churn model, the pipeline that made its features and the table it
     * was trained on.
     *
     * @throws IllegalArgumentException if the pipeline's width differs from the model's, or the
     *                                  model is not binary
     */
    public static Builder builder(FittedPipeline pipeline, ChurnModel churn, CustomerTable training) {
        return new Builder(pipeline, churn, training);
    }

    /** Collects the parts of a bundle. Not thread-safe. */
    public static final class Builder {
        private final FittedPipeline pipeline;
        private final ChurnModel churn;
        private final CustomerTable training;
        private RiskBands bands = DEFAULT_BANDS;
        private SegmentModel segments;
        private ClvInputs clvInputs;
        private ClvSettings clvSettings;
        private SbgParameters sbg;
        private SbgUncertainty sbgUncertainty;
        private TrainingMetrics metrics;
        private Clock clock = Clock.systemUTC();
        private TrainingDistributions.Config driftConfig = TrainingDistributions.Config.defaults();

        private Builder(FittedPipeline pipeline, ChurnModel churn, CustomerTable training) {
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
            this.churn = Objects.requireNonNull(churn, "churn");
            this.training = Objects.requireNonNull(training, "training");
            if (pipeline.width() != churn.predictor().featureCount()) {
                throw new IllegalArgumentException("the pipeline writes " + pipeline.width()
                        + " features but the churn model reads " + churn.predictor().featureCount());
            }
            if (churn.classCount() != 2) {
                throw new IllegalArgumentException("a scoring bundle needs a binary churn model, found "
                        + churn.classCount() + " classes");
            }
        }

        /** The risk bands (default {@link #DEFAULT_BANDS}). */
        public Builder bands(RiskBands value) {
            this.bands = Objects.requireNonNull(value, "bands");
            return this;
        }

        /** Adds a segment model: its runtime encoder and assigner. */
        public Builder segments(SegmentModel value) {
            this.segments = Objects.requireNonNull(value, "segments");
            return this;
        }

        /** Adds CLV: which columns and formula, and the margin, discount rate and horizon. */
        public Builder clv(ClvInputs inputs, ClvSettings settings) {
            this.clvInputs = Objects.requireNonNull(inputs, "inputs");
            this.clvSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The sBG parameters alone, needed by {@link ClvInputs.Method#SBG}: scores get a CLV but NaN
         * interval bounds. Replaces an earlier {@link #sbg(SbgModel, double)}.
         */
        public Builder sbg(SbgParameters value) {
            this.sbg = Objects.requireNonNull(value, "sbg");
            this.sbgUncertainty = null;
            return this;
        }

        /**
         * A fitted sBG model: its parameters (section {@code clv.sbg}) and their uncertainty at the
         * given confidence level (section {@code clv.sbg.interval}, {@link SbgModel#uncertainty}), so
         * that sBG CLV scores carry a delta-method interval. When the fit has no covariance (its
         * Hessian was not positive definite) only the parameters are written and a warning is logged.
         * Replaces an earlier {@link #sbg(SbgParameters)}.
         *
         * @param model the fitted model
         * @param level confidence level of the scores' intervals, in (0, 1), e.g. 0.9
         * @throws IllegalArgumentException if the level is not in (0, 1)
         */
        public Builder sbg(SbgModel model, double level) {
            Objects.requireNonNull(model, "sbg model");
            Optional<SbgUncertainty> u = model.uncertainty(level);
            if (u.isEmpty()) {
                LOG.warn("the sBG fit {} has no parameter covariance; the bundle holds no CLV interval", model);
            }
            this.sbg = model.parameters();
            this.sbgUncertainty = u.orElse(null);
            return this;
        }

        /** Training or validation metrics to record (none by default). */
        public Builder metrics(TrainingMetrics value) {
            this.metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /** The clock that stamps the bundle (default the system clock in UTC; fix it for identical files). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Settings of the drift baseline (default {@link TrainingDistributions.Config#defaults()}). */
        public Builder drift(TrainingDistributions.Config value) {
            this.driftConfig = Objects.requireNonNull(value, "drift config");
            return this;
        }

        /**
         * The sealed bundle.
         *
         * @throws IllegalStateException if the sBG method is chosen without sBG parameters
         */
        public ModelBundle build() {
            if (clvInputs != null && clvInputs.method() == ClvInputs.Method.SBG && sbg == null) {
                throw new IllegalStateException("the sBG CLV method needs sbg(parameters)");
            }
            ModelSchema schema = schemaOf(training);
            double[][] x = pipeline.transform(training);
            double[] scores = churn.probability(x);
            TrainingDistributions drift = TrainingDistributions.fit(training, scores, driftConfig);
            Provenance provenance = provenance();
            ModelBundle.Builder b = ModelBundle.builder()
                    .put(ModelSchema.SECTION, schema::writeTo)
                    .put(FittedPipelineCodec.SECTION, o -> FittedPipelineCodec.write(pipeline, o))
                    .put(ChurnCodec.MODEL_SECTION, o -> ChurnCodec.writePredictor(churn.predictor(), o))
                    .put(ChurnCodec.BANDS_SECTION, o -> ChurnCodec.writeBands(bands, o))
                    .put(Provenance.SECTION, provenance::writeTo)
                    .put(TrainingDistributions.SECTION, drift::writeTo);
            churn.calibrator().ifPresent(c -> b.put(ChurnCodec.CALIBRATION_SECTION, o -> ChurnCodec.writeCalibrator(c, o)));
            if (segments != null) {
                b.put(SegmentCodec.SECTION, o -> SegmentCodec.write(segments.toRuntime(), o));
                b.put(io.github.churnkit.scoring.segment.SegmentEncoder.SECTION, o -> segments.toRuntimeEncoder().writeTo(o));
            }
            if (clvInputs != null) {
                b.put(ClvInputs.SECTION, clvInputs::writeTo);
                b.put(ClvCodec.SETTINGS_SECTION, o -> ClvCodec.writeSettings(clvSettings, o));
            }
            if (sbg != null) {
                b.put(ClvCodec.SBG_SECTION, o -> ClvCodec.writeSbg(sbg, o));
            }
            if (sbgUncertainty != null) {
                SbgUncertainty u = sbgUncertainty;
                b.put(ClvCodec.SBG_INTERVAL_SECTION, o -> ClvCodec.writeSbgInterval(u, o));
            }
            if (metrics != null) {
                b.put(TrainingMetrics.SECTION, metrics::writeTo);
            }
            return b.build();
        }

        private Provenance provenance() {
            Map<String, String> settings = new TreeMap<>(churn.provenance().settings());
            settings.put("trainer", churn.provenance().trainer());
            return new Provenance(settings, churn.provenance().seed(), DataFingerprint.of(training), RunInfo.current(clock));
        }
    }

    /** The table's schema with the levels of every categorical column, in code order. */
    static ModelSchema schemaOf(CustomerTable table) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (ColumnSpec spec : table.schema().columns()) {
            if (spec.type() == ColumnType.CATEGORICAL) {
                Column c = table.column(spec.name());
                if (c instanceof CategoricalColumn cat) {
                    levels.put(spec.name(), cat.levels());
                }
            }
        }
        return new ModelSchema(table.schema(), levels);
    }
}
