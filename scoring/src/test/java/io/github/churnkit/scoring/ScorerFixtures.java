package io.github.churnkit.scoring;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.bundle.FittedPipelineCodec;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.bundle.ModelSchema;
import io.github.churnkit.scoring.churn.ChurnCodec;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import io.github.churnkit.scoring.churn.LinearPredictor;
import io.github.churnkit.scoring.churn.PlattCalibrator;
import io.github.churnkit.scoring.churn.RiskBands;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import io.github.churnkit.scoring.segment.SegmentCodec;
import io.github.churnkit.scoring.segment.SegmentEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic customer base and a complete scoring bundle over it, built without any trainer:
 * a fitted default pipeline, a random tree ensemble (or a linear model) of the pipeline's width, a
 * Platt calibrator, three risk bands, three segments on (tenure, charges, contract) and CLV from
 * the churn probability and the charges.
 */
public final class ScorerFixtures {

    static final List<String> CONTRACTS = List.of("Month", "One year", "Two year");
    static final List<String> PAYMENTS = List.of("Card", "Bank", "Check", "Mail");

    private ScorerFixtures() {
    }

    /** {@code n} customers from a fixed seed; about 3% of values missing. */
    public static CustomerTable table(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] tenure = new double[n];
        double[] charges = new double[n];
        double[] paperless = new double[n];
        double[] churn = new double[n];
        String[] contract = new String[n];
        String[] payment = new String[n];
        for (int i = 0; i < n; i++) {
            tenure[i] = r.nextDouble() < 0.03 ? Double.NaN : r.nextInt(1, 73);
            charges[i] = r.nextDouble() < 0.03 ? Double.NaN : 18 + 100 * r.nextDouble();
            paperless[i] = r.nextInt(2);
            contract[i] = r.nextDouble() < 0.03 ? null : CONTRACTS.get(r.nextInt(3));
            payment[i] = PAYMENTS.get(r.nextInt(4));
            churn[i] = r.nextInt(2);
        }
        return CustomerTable.of(List.of(NumericColumn.of("tenure", tenure), NumericColumn.of("charges", charges),
                NumericColumn.ofBoolean("paperless", paperless), CategoricalColumn.of("contract", contract),
                CategoricalColumn.of("payment", payment), NumericColumn.ofBoolean("churn", churn)))
                .withSchema(Schema.builder()
                        .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
                        .add("charges", ColumnRole.FEATURE, ColumnType.NUMERIC)
                        .add("paperless", ColumnRole.FEATURE, ColumnType.BOOLEAN)
                        .add("contract", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                        .add("payment", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                        .add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
                        .build());
    }

    /** The pipeline fitted on {@link #table(int, long)} with 500 rows, seed 1. */
    public static FittedPipeline pipeline() {
        CustomerTable t = table(500, 1L);
        return FeaturePipeline.defaults(t.schema()).fit(t);
    }

    /**
     * A random ensemble of {@code trees} trees of depth {@code depth} over {@code width} features:
     * split features and thresholds drawn uniformly (thresholds in [-1.5, 1.5], the range of
     * standardised values), leaf values in [-0.1, 0.1].
     */
    public static TreeEnsemble trees(int width, int trees, int depth, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TreeEnsemble.Builder b = TreeEnsemble.builder(width, 2).outputScale(2).baseScore(0, -0.3);
        for (int t = 0; t < trees; t++) {
            b.tree(0);
            grow(b, r, width, depth);
        }
        return b.build();
    }

    private static int grow(TreeEnsemble.Builder b, SplittableRandom r, int width, int depth) {
        if (depth == 0) {
            return b.leaf(-0.1 + 0.2 * r.nextDouble(), 1 + r.nextInt(50));
        }
        int node = b.split(r.nextInt(width), -1.5 + 3 * r.nextDouble());
        int left = grow(b, r, width, depth - 1);
        int right = grow(b, r, width, depth - 1);
        b.children(node, left, right);
        return node;
    }

    /** A linear model with weights 0.1, -0.2, 0.3, ... over {@code width} features. */
    static LinearPredictor linear(int width) {
        double[] w = new double[width];
        for (int j = 0; j < width; j++) {
            w[j] = (j % 2 == 0 ? 1 : -1) * 0.1 * (j + 1);
        }
        return LinearPredictor.binary(w, -0.5, null);
    }

    static SegmentEncoder segmentEncoder() {
        return SegmentEncoder.builder().numeric("tenure").numeric("charges").categorical("contract", CONTRACTS).build();
    }

    static SegmentAssigner segmentAssigner() {
        double s = 1 / Math.sqrt(2);
        return SegmentAssigner.builder()
                .features(segmentEncoder().featureNames())
                .scaler(new double[] {36, 68, 0, 0, 0}, new double[] {1 / 20.0, 1 / 29.0, s, s, s})
                .segment(10, "new and cheap", new double[] {-1, -1, 0.5, 0, 0})
                .segment(11, "loyal", new double[] {1.2, 0.3, 0, 0.3, 0.3})
                .segment(12, "big spenders", new double[] {0, 1.3, 0.2, 0.2, 0.2})
                .build();
    }

    /** The full bundle with the given churn model. */
    public static ModelBundle bundle(ChurnPredictor predictor) {
        FittedPipeline p = pipeline();
        ModelSchema schema = new ModelSchema(table(10, 1L).schema(), Map.of("contract", CONTRACTS));
        return ModelBundle.builder()
                .put(ModelSchema.SECTION, schema::writeTo)
                .put(FittedPipelineCodec.SECTION, o -> FittedPipelineCodec.write(p, o))
                .put(ChurnCodec.MODEL_SECTION, o -> ChurnCodec.writePredictor(predictor, o))
                .put(ChurnCodec.CALIBRATION_SECTION, o -> ChurnCodec.writeCalibrator(PlattCalibrator.of(1.1, -0.05), o))
                .put(ChurnCodec.BANDS_SECTION, o -> ChurnCodec.writeBands(
                        RiskBands.of(new double[] {0.3, 0.6}, List.of("low", "medium", "high")), o))
                .put(SegmentCodec.SECTION, o -> SegmentCodec.write(segmentAssigner(), o))
                .put(SegmentEncoder.SECTION, segmentEncoder()::writeTo)
                .put(ClvInputs.SECTION, ClvInputs.fromChurnProbability("charges")::writeTo)
                .put(ClvCodec.SETTINGS_SECTION, o -> ClvCodec.writeSettings(ClvSettings.defaults(), o))
                .build();
    }

    /** The full bundle with a random 30-tree, depth-4 ensemble. */
    public static ModelBundle bundle() {
        return bundle(trees(pipeline().width(), 30, 4, 11L));
    }

    /** Row {@code i} of {@code t} as a map of raw values (nulls for missing). */
    public static Map<String, Object> customer(CustomerTable t, int i) {
        Map<String, Object> m = new HashMap<>();
        double tenure = t.numeric("tenure").get(i);
        double charges = t.numeric("charges").get(i);
        m.put("tenure", Double.isNaN(tenure) ? null : tenure);
        m.put("charges", Double.isNaN(charges) ? null : charges);
        m.put("paperless", t.numeric("paperless").get(i) == 1.0);
        m.put("contract", t.categorical("contract").get(i));
        m.put("payment", t.categorical("payment").get(i));
        return m;
    }

    /** A caller's own record type, for the bound path. */
    public record Customer(double tenure, double charges, boolean paperless, String contract, String payment) {

        /** Row {@code i} of {@code t}. */
        public static Customer of(CustomerTable t, int i) {
            return new Customer(t.numeric("tenure").get(i), t.numeric("charges").get(i),
                    t.numeric("paperless").get(i) == 1.0, t.categorical("contract").get(i), t.categorical("payment").get(i));
        }
    }

    /** Binds {@link Customer} to a scorer. */
    public static BoundScorer<Customer> bind(CustomerScorer scorer) {
        return scorer.<Customer>binder()
                .number("tenure", Customer::tenure)
                .number("charges", Customer::charges)
                .bool("paperless", Customer::paperless)
                .category("contract", Customer::contract)
                .category("payment", Customer::payment)
                .bind();
    }
}
