package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.ClvEvaluator;
import io.github.churnkit.scoring.bundle.FittedPipelineCodec;
import io.github.churnkit.models.export.BundleExporter;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.bundle.ModelSchema;
import io.github.churnkit.scoring.bundle.Provenance;
import io.github.churnkit.scoring.bundle.TrainingMetrics;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a trained churn model (with optional segments and subscription CLV) as a data-only
 * {@link ModelBundle} and reads it back into its runtime parts.
 *
 * <p>This is a small adapter in the examples module: the bundle format and every section codec
 * come from {@code churnkit-scoring}; this class only decides which sections a command-line model
 * file holds: schema, metrics, provenance, feature pipeline, churn predictor and calibrator, drift
 * distributions, risk bands, and when present segments and the sBG retention model (section
 * {@code clv.sbg}, and when the fit has a covariance the parameters' uncertainty at level
 * {@link #CLV_LEVEL}, {@code clv.sbg.interval}). With a revenue column as well it writes
 * {@code clv.inputs} (sBG method: revenue column, tenure column as renewals) and
 * {@code clv.settings}, so that {@code CustomerScorer} and {@code ./churnkit score} give every
 * customer a CLV and its interval ({@link SubscriptionClv}). Files without a risk-band section
 * load with {@link AnalysisFiles#BANDS}.
 */
public final class ModelFiles {

    /** Confidence level of the sBG CLV interval a model file stores (section {@code clv.sbg.interval}). */
    public static final double CLV_LEVEL = 0.9;

    private ModelFiles() {
    }

    /** The runtime parts of a model file; {@code clvInputs} is empty when the file gives no CLV. */
    public record Loaded(ModelSchema schema, TrainingMetrics metrics, Provenance provenance, FittedPipeline pipeline,
                         ChurnPredictor predictor, Optional<ProbabilityCalibrator> calibrator,
                         Optional<TrainingDistributions> drift, Optional<SegmentAssigner> segments,
                         Optional<SbgParameters> retention, Optional<SbgUncertainty> retentionUncertainty,
                         Optional<ClvInputs> clvInputs, Optional<ClvSettings> clv, RiskBands bands) {

        /** The calibrated churn probability of a feature vector. */
        public double probability(double[] x) {
            double p = predictor.probability(x);
            return calibrator.map(c -> c.calibrate(p)).orElse(p);
        }

        /**
         * A new evaluator of the file's CLV, as {@code CustomerScorer} computes it; empty when the file
         * has no {@code clv.inputs} (or, as the scorer requires them, no settings or, for the sBG
         * method, no sBG parameters).
         */
        public Optional<ClvEvaluator> clvEvaluator() {
            if (clvInputs.isEmpty() || clv.isEmpty()
                    || (clvInputs.get().method() == ClvInputs.Method.SBG && retention.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(ClvEvaluator.of(clvInputs.get(), clv.get(), retention.orElse(null),
                    retentionUncertainty.orElse(null)));
        }
    }

    /**
     * The parts to write.
     *
     * @param table     the training table (schema, levels, fingerprint, drift reference)
     * @param pipeline  the fitted feature pipeline
     * @param model     the churn model
     * @param cv        the chosen model's cross-validation (mean metrics are stored)
     */
    public record Parts(CustomerTable table, FittedPipeline pipeline, ChurnModel model, CrossValidationReport cv) {
        /** Checks for null. */
        public Parts {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(cv, "cv");
        }
    }

    /**
     * Writes the bundle.
     *
     * @param parts     the churn parts
     * @param segments  the segment model, or null
     * @param clv       the subscription CLV, or null: its sBG parameters and (when the fit has a
     *                  covariance) their uncertainty at {@link #CLV_LEVEL} are written, and with a
     *                  revenue column also the CLV inputs and settings
     * @param file      where to write
     * @return the bundle written
     */
    public static ModelBundle write(Parts parts, SegmentModel segments, SubscriptionClv clv, Path file) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : CrossValidationReport.METRICS) {
            metrics.put("cv." + m, parts.cv().mean(m));
        }
        metrics.put("cv.baseline.rocAuc", parts.cv().baselineMean("rocAuc"));
        metrics.put("rows", (double) parts.table().rowCount());
        // one way to build a bundle in the library: the exporter that CustomerScorer's tests use too,
        // so every file the command line writes loads in CustomerScorer
        BundleExporter.Builder b = BundleExporter.builder(parts.pipeline(), parts.model(), parts.table())
                .bands(AnalysisFiles.BANDS)
                .metrics(new TrainingMetrics(metrics));
        if (segments != null) {
            b.segments(segments);
        }
        if (clv != null) {
            b.sbg(clv.model(), CLV_LEVEL);
            clv.inputs().ifPresent(in -> b.clv(in, clv.settings()));
        }
        ModelBundle bundle = b.build();
        bundle.writeTo(file);
        return bundle;
    }

    /** Loads and decodes a model file written by {@link #write}. */
    public static Loaded load(Path file) {
        ModelBundle b = ModelBundle.load(file);
        return new Loaded(b.decode(ModelSchema.SECTION, ModelSchema::readFrom),
                b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom),
                b.decode(Provenance.SECTION, Provenance::readFrom),
                b.decode(FittedPipelineCodec.SECTION, FittedPipelineCodec::read),
                b.decode(ChurnCodec.MODEL_SECTION, ChurnCodec::readPredictor),
                optional(b, ChurnCodec.CALIBRATION_SECTION, ChurnCodec::readCalibrator),
                optional(b, TrainingDistributions.SECTION, TrainingDistributions::readFrom),
                optional(b, SegmentCodec.SECTION, SegmentCodec::read),
                optional(b, ClvCodec.SBG_SECTION, ClvCodec::readSbg),
                optional(b, ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval),
                optional(b, ClvInputs.SECTION, ClvInputs::readFrom),
                optional(b, ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings),
                optional(b, ChurnCodec.BANDS_SECTION, ChurnCodec::readBands).orElse(AnalysisFiles.BANDS));
    }

    private static <T> Optional<T> optional(ModelBundle b, String section,
            java.util.function.Function<io.github.churnkit.scoring.bundle.BundleInput, T> reader) {
        return b.contains(section) ? Optional.of(b.decode(section, reader)) : Optional.empty();
    }
}
