package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.bundle.DataFingerprint;
import io.github.churnkit.scoring.bundle.FittedPipelineCodec;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.bundle.ModelSchema;
import io.github.churnkit.scoring.bundle.Provenance;
import io.github.churnkit.scoring.bundle.RunInfo;
import io.github.churnkit.scoring.bundle.TrainingMetrics;
import io.github.churnkit.scoring.churn.ChurnCodec;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import io.github.churnkit.scoring.churn.ProbabilityCalibrator;
import io.github.churnkit.scoring.churn.RiskBands;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.monitor.TrainingDistributions;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import io.github.churnkit.scoring.segment.SegmentCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a trained churn model (with optional segments and retention model) as a data-only
 * {@link ModelBundle} and reads it back into its runtime parts.
 *
 * <p>This is a small adapter in the examples module: the bundle format and every section codec
 * come from {@code churnkit-scoring}; this class only decides which sections a command-line model
 * file holds (schema, metrics, provenance, feature pipeline, churn predictor and calibrator, drift
 * distributions, risk bands, and when present segments and sBG retention with its CLV settings).
 * Files without a risk-band section load with {@link AnalysisFiles#BANDS}.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** The runtime parts of a model file. */
    public record Loaded(ModelSchema schema, TrainingMetrics metrics, Provenance provenance, FittedPipeline pipeline,
                         ChurnPredictor predictor, Optional<ProbabilityCalibrator> calibrator,
                         Optional<TrainingDistributions> drift, Optional<SegmentAssigner> segments,
                         Optional<SbgParameters> retention, Optional<ClvSettings> clv, RiskBands bands) {

        /** The calibrated churn probability of a feature vector. */
        public double probability(double[] x) {
            double p = predictor.probability(x);
            return calibrator.map(c -> c.calibrate(p)).orElse(p);
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
     * @param retention the sBG retention parameters, or null
     * @param file      where to write
     * @return the bundle written
     */
    public static ModelBundle write(Parts parts, SegmentModel segments, SbgParameters retention, Path file) {
        CustomerTable t = parts.table();
        double[] scores = parts.model().probability(parts.pipeline().transform(t));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : CrossValidationReport.METRICS) {
            metrics.put("cv." + m, parts.cv().mean(m));
        }
        metrics.put("cv.baseline.rocAuc", parts.cv().baselineMean("rocAuc"));
        metrics.put("rows", (double) t.rowCount());
        Map<String, String> settings = new LinkedHashMap<>(parts.model().provenance().settings());
        settings.put("trainer", parts.model().provenance().trainer());
        Provenance provenance = new Provenance(settings, parts.model().provenance().seed(), DataFingerprint.of(t),
                RunInfo.current(Clock.systemUTC()));
        TrainingDistributions drift = TrainingDistributions.fit(t, scores, TrainingDistributions.Config.defaults());
        ModelBundle.Builder b = ModelBundle.builder()
                .put(ModelSchema.SECTION, modelSchema(t)::writeTo)
                .put(TrainingMetrics.SECTION, new TrainingMetrics(metrics)::writeTo)
                .put(Provenance.SECTION, provenance::writeTo)
                .put(FittedPipelineCodec.SECTION, out -> FittedPipelineCodec.write(parts.pipeline(), out))
                .put(ChurnCodec.MODEL_SECTION, out -> ChurnCodec.writePredictor(parts.model().predictor(), out))
                .put(TrainingDistributions.SECTION, drift::writeTo)
                .put(ChurnCodec.BANDS_SECTION, out -> ChurnCodec.writeBands(AnalysisFiles.BANDS, out));
        parts.model().calibrator().ifPresent(c ->
                b.put(ChurnCodec.CALIBRATION_SECTION, out -> ChurnCodec.writeCalibrator(c, out)));
        if (segments != null) {
            SegmentAssigner a = segments.toRuntime();
            b.put(SegmentCodec.SECTION, out -> SegmentCodec.write(a, out));
        }
        if (retention != null) {
            b.put(ClvCodec.SBG_SECTION, out -> ClvCodec.writeSbg(retention, out));
            b.put(ClvCodec.SETTINGS_SECTION, out -> ClvCodec.writeSettings(ClvSettings.defaults().withMargin(0.3), out));
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
                optional(b, ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings),
                optional(b, ChurnCodec.BANDS_SECTION, ChurnCodec::readBands).orElse(AnalysisFiles.BANDS));
    }

    private static <T> Optional<T> optional(ModelBundle b, String section,
            java.util.function.Function<io.github.churnkit.scoring.bundle.BundleInput, T> reader) {
        return b.contains(section) ? Optional.of(b.decode(section, reader)) : Optional.empty();
    }

    static ModelSchema modelSchema(CustomerTable t) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            if (c instanceof CategoricalColumn k
                    && t.schema().column(c.name()).type() == io.github.churnkit.core.ColumnType.CATEGORICAL) {
                levels.put(c.name(), k.levels());
            }
        }
        return new ModelSchema(t.schema(), levels);
    }
}
