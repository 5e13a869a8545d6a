package io.github.churnkit.models.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Splits;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.testing.SharedData;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import io.github.churnkit.models.clv.ClvEstimate;
import io.github.churnkit.models.clv.ClvIntervals;
import io.github.churnkit.models.clv.SbgFitter;
import io.github.churnkit.models.clv.SbgModel;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance round trip of the scoring issue on the Telco file: train (pipeline, churn model,
 * segments) on 70% of the customers, export a bundle, write it to disk, load it in the scoring
 * module and score every one of the 30% held-out customers from a plain map of its raw values. The
 * scorer must reproduce the trained model's own calibrated probability (to 1e-12; it is in fact the
 * same arithmetic, so equal), the segment model's own assignment and the CLV formula applied to the
 * model's probability.
 */
class BundleExporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static CustomerTable train;
    private static CustomerTable test;
    private static FittedPipeline pipeline;
    private static SegmentModel segments;

    @BeforeAll
    static void load() {
        CustomerTable table = CsvIngest.withDefaults().read(SharedData.telco()).table();
        Splits.TrainTest split = Splits.stratifiedTrainTest(table.targetLabels(), 0.3, 7L);
        train = table.select(split.train());
        test = table.select(split.test());
        pipeline = FeaturePipeline.defaults(train.schema()).fit(train);
        segments = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(4).withSeed(3L)
                .withColumns(List.of("tenure", "MonthlyCharges", "Contract"))).fit(train);
    }

    private static ChurnModel boosted() {
        double[][] x = pipeline.transform(train);
        return BoostedChurnTrainer.of(BoostedChurnTrainer.Config.defaults().withMaxTrees(60).withSeed(5L))
                .fit(pipeline, x, train.targetLabels());
    }

    private static ChurnModel logistic() {
        double[][] x = pipeline.transform(train);
        return LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults().withSeed(5L))
                .fit(pipeline, x, train.targetLabels());
    }

    /** Row {@code row} of {@code table} as the map a service would send: raw values, null when missing. */
    static Map<String, Object> customer(CustomerTable table, int row) {
        Map<String, Object> m = new HashMap<>();
        for (ColumnSpec spec : table.schema().columns()) {
            Column c = table.column(spec.name());
            if (c instanceof NumericColumn n) {
                double v = n.get(row);
                m.put(spec.name(), Double.isNaN(v) ? null : v);
            } else if (c instanceof CategoricalColumn k) {
                m.put(spec.name(), k.get(row));
            }
        }
        return m;
    }

    @Test
    void build_boostedWithSegmentsAndClv_scoresEveryTestRowLikeTheTrainedModels(@TempDir Path dir) {
        ChurnModel churn = boosted();
        ClvSettings clvSettings = ClvSettings.defaults();
        ModelBundle bundle = BundleExporter.builder(pipeline, churn, train)
                .segments(segments)
                .clv(ClvInputs.fromChurnProbability("MonthlyCharges"), clvSettings)
                .clock(CLOCK)
                .build();
        Path file = dir.resolve("telco.ckb");
        bundle.writeTo(file);
        CustomerScorer scorer = CustomerScorer.load(file);

        double[] x = new double[pipeline.width()];
        int[] expectedSegments = segments.assign(test);
        NumericColumn charges = test.numeric("MonthlyCharges");
        for (int i = 0; i < test.rowCount(); i++) {
            pipeline.transformRow(test, i, x);
            double expected = churn.probability(x);
            CustomerScore s = scorer.score(customer(test, i));
            assertEquals(expected, s.churnProbability(), 1e-12, "row " + i);
            assertEquals(expectedSegments[i], s.segmentId(), "segment of row " + i);
            assertEquals(ClvFormulas.subscriptionFromChurnProbability(clvSettings, charges.get(i), expected), s.clv(),
                    1e-9, "CLV of row " + i);
            assertEquals(BundleExporter.DEFAULT_BANDS.name(expected), s.riskBand());
        }
    }

    @Test
    void build_logisticWithSbgClv_scoresEveryTestRowLikeTheTrainedModel() {
        ChurnModel churn = logistic();
        ClvSettings clvSettings = ClvSettings.defaults();
        SbgParameters sbg = new SbgParameters(0.7, 2.5);
        ModelBundle bundle = BundleExporter.builder(pipeline, churn, train)
                .clv(ClvInputs.fromSbg("MonthlyCharges", "tenure"), clvSettings)
                .sbg(sbg)
                .clock(CLOCK)
                .build();
        CustomerScorer scorer = CustomerScorer.load(new ByteArrayInputStream(bundle.toBytes()));
        assertFalse(scorer.hasSegments());
        double[] x = new double[pipeline.width()];
        NumericColumn charges = test.numeric("MonthlyCharges");
        NumericColumn tenure = test.numeric("tenure");
        for (int i = 0; i < test.rowCount(); i++) {
            pipeline.transformRow(test, i, x);
            CustomerScore s = scorer.score(customer(test, i), 3);
            assertEquals(churn.probability(x), s.churnProbability(), 1e-12, "row " + i);
            assertEquals(ClvFormulas.subscription(clvSettings, charges.get(i), sbg, (int) tenure.get(i)), s.clv(),
                    1e-9, "CLV of row " + i);
            assertEquals(-1, s.segmentId());
            assertTrue(s.reasons().size() <= 3);
        }
    }

    @Test
    void build_fittedSbgModel_scoresCarryTheIntervalOfClvIntervals(@TempDir Path dir) {
        // export -> file -> load -> score gives, for every held-out customer, the interval that
        // ClvIntervals.subscription computes from the fitted model directly
        NumericColumn trainTenure = train.numeric("tenure");
        int[] labels = train.targetLabels();
        int[] periods = new int[labels.length];
        boolean[] churned = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            churned[i] = labels[i] == 1;
            periods[i] = Math.max(churned[i] ? 1 : 0, (int) Math.round(trainTenure.get(i)));
        }
        SbgModel retention = SbgFitter.withDefaults().fitIndividuals(periods, churned);
        ClvSettings clvSettings = new ClvSettings(0.8, 0.01, 24);
        ModelBundle bundle = BundleExporter.builder(pipeline, logistic(), train)
                .clv(ClvInputs.fromSbg("MonthlyCharges", "tenure"), clvSettings)
                .sbg(retention, 0.9)
                .clock(CLOCK)
                .build();
        assertTrue(bundle.contains(ClvCodec.SBG_INTERVAL_SECTION));
        bundle.writeTo(dir.resolve("sbg.ckb"));
        CustomerScorer scorer = CustomerScorer.load(dir.resolve("sbg.ckb"));
        assertTrue(scorer.hasClvInterval());
        ClvIntervals intervals = ClvIntervals.of(0.9);
        NumericColumn charges = test.numeric("MonthlyCharges");
        NumericColumn tenure = test.numeric("tenure");
        for (int i = 0; i < test.rowCount(); i++) {
            CustomerScore s = scorer.score(customer(test, i));
            ClvEstimate e = intervals.subscription(clvSettings, charges.get(i), retention, (int) tenure.get(i));
            assertEquals(e.value(), s.clv(), 1e-9 * e.value(), "CLV of row " + i);
            assertEquals(e.lower(), s.clvLow(), 1e-9 * e.value(), "lower bound of row " + i);
            assertEquals(e.upper(), s.clvHigh(), 1e-9 * e.value(), "upper bound of row " + i);
            assertTrue(s.clvLow() < s.clv() && s.clv() < s.clvHigh(), "row " + i);
        }
    }

    @Test
    void build_bareSbgParameters_noIntervalSectionAndNaNBounds() {
        SbgModel retention = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
        ModelBundle bundle = BundleExporter.builder(pipeline, logistic(), train)
                .clv(ClvInputs.fromSbg("MonthlyCharges", "tenure"), ClvSettings.defaults())
                .sbg(retention, 0.9)
                .sbg(retention.parameters()) // the later call wins: parameters only
                .clock(CLOCK)
                .build();
        assertFalse(bundle.contains(ClvCodec.SBG_INTERVAL_SECTION));
        CustomerScore s = CustomerScorer.of(bundle).score(customer(test, 0));
        assertTrue(s.clv() > 0);
        assertTrue(Double.isNaN(s.clvLow()) && Double.isNaN(s.clvHigh()));
        assertThrows(IllegalArgumentException.class, () -> BundleExporter.builder(pipeline, logistic(), train)
                .sbg(retention, 1.0));
    }

    @Test
    void build_sameModelsTwice_identicalBytes(@TempDir Path dir) throws Exception {
        ChurnModel churn = logistic();
        ModelBundle a = BundleExporter.builder(pipeline, churn, train).segments(segments).clock(CLOCK).build();
        ModelBundle b = BundleExporter.builder(pipeline, churn, train).segments(segments).clock(CLOCK).build();
        a.writeTo(dir.resolve("a.ckb"));
        b.writeTo(dir.resolve("b.ckb"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.ckb")), Files.readAllBytes(dir.resolve("b.ckb")));
        assertEquals(a.checksum(), b.checksum());
    }
}
