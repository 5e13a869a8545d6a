package io.github.churnkit.scoring.bundle;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.TextColumn;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.churn.ChurnCodec;
import io.github.churnkit.scoring.churn.IsotonicCalibrator;
import io.github.churnkit.scoring.churn.LinearPredictor;
import io.github.churnkit.scoring.churn.RiskBands;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.monitor.TrainingDistributions;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import io.github.churnkit.scoring.segment.SegmentCodec;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small but complete bundle used by several tests. */
final class BundleFixtures {

    private BundleFixtures() {
    }

    static CustomerTable table() {
        return CustomerTable.of(List.of(
                TextColumn.of("id", "c1", "c2", "c3", "c4", "c5", "c6"),
                NumericColumn.of("tenure", new double[] {1, 5, 12, 24, Double.NaN, 60}),
                CategoricalColumn.of("contract", "Month", "Month", "Year", null, "Two year", "Year"),
                NumericColumn.ofBoolean("churn", new double[] {1, 1, 0, 0, 1, 0})))
                .withSchema(Schema.builder()
                        .add("id", ColumnRole.ID, ColumnType.TEXT)
                        .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
                        .add("contract", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                        .add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
                        .build());
    }

    static ModelSchema schema() {
        return new ModelSchema(table().schema(), Map.of("contract", List.of("Month", "Year", "Two year")));
    }

    static TrainingMetrics metrics() {
        return new TrainingMetrics(Map.of("auc", 0.84, "brier", 0.141, "log.loss", 0.42));
    }

    static Provenance provenance() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("trees", "100");
        settings.put("depth", "6");
        settings.put("learning.rate", "0.05");
        return new Provenance(settings, 42L, DataFingerprint.of(table()),
                new RunInfo("0.1.0", "17.0.12", Instant.parse("2026-11-23T10:15:30.123456789Z")));
    }

    static TrainingDistributions distributions() {
        return TrainingDistributions.fit(table(), new double[] {0.9, 0.8, 0.2, 0.1, 0.7, 0.05},
                TrainingDistributions.Config.defaults().withBins(3));
    }

    static FittedPipeline pipeline() {
        return FeaturePipeline.defaults(table().schema()).fit(table());
    }

    static TreeEnsemble trees() {
        TreeEnsemble.Builder b = TreeEnsemble.builder(3, 2).outputScale(2).baseScore(0, -0.1);
        for (int t = 0; t < 2; t++) {
            b.tree(0);
            int root = b.split(t, 0.5);
            int left = b.leaf(0.2 * (t + 1), 4);
            int right = b.split(2, -1.0);
            b.children(root, left, right);
            b.children(right, b.leaf(-0.3, 2), b.leaf(0.4, 3));
        }
        return b.build();
    }

    static SegmentAssigner segments() {
        return SegmentAssigner.builder().features(List.of("tenure", "charges"))
                .scaler(new double[] {30, 70}, new double[] {0.04, 0.03})
                .segment(1, "loyal", new double[] {1, 1}).segment(2, "new", new double[] {-1, -1}).build();
    }

    /** Every section kind known to this module, for the corruption tests and the fuzz seeds. */
    static ModelBundle fullBundle() {
        return ModelBundle.builder()
                .put(ModelSchema.SECTION, schema()::writeTo)
                .put(TrainingMetrics.SECTION, metrics()::writeTo)
                .put(Provenance.SECTION, provenance()::writeTo)
                .put(TrainingDistributions.SECTION, distributions()::writeTo)
                .put(FittedPipelineCodec.SECTION, o -> FittedPipelineCodec.write(pipeline(), o))
                .put(ChurnCodec.MODEL_SECTION, o -> ChurnCodec.writePredictor(trees(), o))
                .put("churn.model-linear", o -> ChurnCodec.writePredictor(
                        LinearPredictor.binary(new double[] {0.5, -0.25, 1}, 0.1, null), o))
                .put(ChurnCodec.CALIBRATION_SECTION, o -> ChurnCodec.writeCalibrator(
                        IsotonicCalibrator.of(new double[] {0.1, 0.9}, new double[] {0.05, 0.95}), o))
                .put(ChurnCodec.BANDS_SECTION, o -> ChurnCodec.writeBands(
                        RiskBands.of(new double[] {0.2, 0.5}, List.of("low", "medium", "high")), o))
                .put(SegmentCodec.SECTION, o -> SegmentCodec.write(segments(), o))
                .put(ClvCodec.SETTINGS_SECTION, o -> ClvCodec.writeSettings(ClvSettings.defaults(), o))
                .put(ClvCodec.SBG_SECTION, o -> ClvCodec.writeSbg(new SbgParameters(0.7, 3.8), o))
                .build();
    }

    static ModelBundle bundle() {
        return ModelBundle.builder()
                .put(ModelSchema.SECTION, schema()::writeTo)
                .put(TrainingMetrics.SECTION, metrics()::writeTo)
                .put(Provenance.SECTION, provenance()::writeTo)
                .put(TrainingDistributions.SECTION, distributions()::writeTo)
                .build();
    }

    /** Reads every known section, as a scorer would; returns the number of sections decoded. */
    static int decodeAll(ModelBundle b) {
        int n = 0;
        if (b.contains(ModelSchema.SECTION)) {
            b.decode(ModelSchema.SECTION, ModelSchema::readFrom);
            n++;
        }
        if (b.contains(TrainingMetrics.SECTION)) {
            b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom);
            n++;
        }
        if (b.contains(Provenance.SECTION)) {
            b.decode(Provenance.SECTION, Provenance::readFrom);
            n++;
        }
        if (b.contains(TrainingDistributions.SECTION)) {
            b.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom);
            n++;
        }
        n += decodeIfPresent(b, FittedPipelineCodec.SECTION, FittedPipelineCodec::read);
        n += decodeIfPresent(b, ChurnCodec.MODEL_SECTION, ChurnCodec::readPredictor);
        n += decodeIfPresent(b, "churn.model-linear", ChurnCodec::readPredictor);
        n += decodeIfPresent(b, ChurnCodec.CALIBRATION_SECTION, ChurnCodec::readCalibrator);
        n += decodeIfPresent(b, ChurnCodec.BANDS_SECTION, ChurnCodec::readBands);
        n += decodeIfPresent(b, SegmentCodec.SECTION, SegmentCodec::read);
        n += decodeIfPresent(b, ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings);
        n += decodeIfPresent(b, ClvCodec.SBG_SECTION, ClvCodec::readSbg);
        n += decodeIfPresent(b, ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval);
        n += decodeIfPresent(b, ClvCodec.BG_NBD_SECTION, ClvCodec::readBgNbd);
        n += decodeIfPresent(b, ClvCodec.GAMMA_GAMMA_SECTION, ClvCodec::readGammaGamma);
        return n;
    }

    private static int decodeIfPresent(ModelBundle b, String section,
            java.util.function.Function<BundleInput, ?> reader) {
        if (!b.contains(section)) {
            return 0;
        }
        b.decode(section, reader);
        return 1;
    }

    /** Recomputes the trailing SHA-256 so that an edited body passes the checksum ("hand-edited"). */
    static byte[] reseal(byte[] file) throws Exception {
        byte[] out = file.clone();
        if (out.length < 32) {
            return out;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(out, out.length - 32));
        System.arraycopy(digest, 0, out, out.length - 32, 32);
        return out;
    }
}
