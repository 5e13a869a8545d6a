package io.github.churnkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.BoundScorer;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.ScoreBatch;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The implementations the scoring benchmarks compare give the same answers on the benchmarks' own
 * customers ({@link ChurnFixture}, trained on {@link SmokeParams#ROWS} rows), so the benchmarks
 * compare like with like. The reference is always the library: Smile's {@code predict} for the
 * trees, Tribuo's {@code predict(Example)} for the logistic model.
 */
class ScoringAgreementTest {

    /**
     * Tolerance where the two sides round differently: Tribuo scores standardised features while
     * churnkit folds the standardisation into the weights (the bound the models module's
     * {@code LogisticChurnTrainerTest} uses); the end-to-end path adds the pipeline and a Platt
     * calibrator whose slope near 1 does not amplify a 1e-15 difference beyond it.
     */
    private static final double ROUNDING = 1e-12;

    private static ChurnFixture fixture(ModelKind kind) {
        return ChurnFixture.of(kind, SmokeParams.ROWS);
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"TREES_100", "TREES_300", "TREES_1000"})
    void treeEnsemble_benchmarkRows_equalSmileBitForBit(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        double[] posterior = new double[2];
        assertEquals(kind.trees(), f.smile.trees()[0].length, "Smile trees");
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            f.smile.predict(f.tuples[i], posterior);
            // the flattened ensemble sums the same leaf values in Smile's order: exact (SmileBoostingTest)
            assertEquals(Double.doubleToRawLongBits(posterior[1]), Double.doubleToRawLongBits(f.runtime.probability(f.x[i])),
                    kind + " row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "LOGISTIC")
    void linearPredictor_benchmarkRows_equalTribuo(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            double tribuo = f.tribuo.tribuo().predict(f.tribuo.example(f.x[i])).getOutputScores().get("1").getScore();
            assertEquals(tribuo, f.runtime.probability(f.x[i]), ROUNDING, "row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void libraryAdapter_perRowAndBatch_giveTheLibrarysChurnProbability(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        ChurnFixture.LibraryModel library = f.library();
        double[] batch = new double[ChurnFixture.SAMPLE];
        library.probabilities(batch);
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            double single = library.probability(i);
            assertEquals(single, batch[i], 0.0, kind + " row " + i);
            assertEquals(f.runtime.probability(f.x[i]), single, ROUNDING, kind + " row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void batchProbability_benchmarkRows_equalsPerRowBitForBit(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        double[] out = new double[ChurnFixture.SAMPLE];
        f.runtime.batchProbability(f.flat, ChurnFixture.SAMPLE, out);
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            // ChurnPredictor.batchProbability's contract: equal to probability(row) bit for bit
            assertEquals(Double.doubleToRawLongBits(f.runtime.probability(f.x[i])), Double.doubleToRawLongBits(out[i]),
                    kind + " row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void boundScorer_fromRecords_equalsTheCalibratedLibraryProbability(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        ChurnFixture.LibraryModel library = f.library();
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            double expected = f.calibrator.calibrate(library.probability(i));
            assertEquals(expected, f.bound.probability(f.customers[i]), ROUNDING, kind + " row " + i);
            assertEquals(expected, f.bound.score(f.customers[i]).churnProbability(), ROUNDING, kind + " row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void scoreBatch_benchmarkRecords_equalsSingleScores(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        ScoreBatch batch = ScoreBatch.withCapacity(ChurnFixture.SAMPLE);
        double[] probabilities = new double[ChurnFixture.SAMPLE];
        f.bound.scoreBatch(f.customerList, batch);
        f.bound.probabilities(f.customerList, probabilities);
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            CustomerScore s = f.bound.score(f.customers[i]);
            assertEquals(s.churnProbability(), batch.probabilities()[i], 0.0, kind + " row " + i);
            assertEquals(s.churnProbability(), probabilities[i], 0.0, kind + " row " + i);
            assertEquals(s.segmentId(), batch.segmentIds()[i], kind + " row " + i);
            assertEquals(s.clv(), batch.clv()[i], 0.0, kind + " row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void scoreWithReasons_benchmarkRecords_threeReasonsAndTheSameScore(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        for (int i = 0; i < 64; i++) {
            CustomerScore plain = f.bound.score(f.customers[i]);
            CustomerScore explained = f.bound.score(f.customers[i], 3);
            assertEquals(3, explained.reasons().size(), kind + " row " + i);
            assertEquals(plain.churnProbability(), explained.churnProbability(), 0.0, kind + " row " + i);
            assertEquals(plain.clv(), explained.clv(), 0.0, kind + " row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void bundleBytes_loaded_scoreLikeTheFixturesScorer(ModelKind kind) {
        ChurnFixture f = fixture(kind);
        CustomerScorer loaded = CustomerScorer.load(new ByteArrayInputStream(f.bundleBytes));
        BoundScorer<ChurnFixture.Customer> bound = ChurnFixture.bind(loaded);
        // what BundleLoadBenchmark claims the bundle holds
        assertTrue(loaded.hasSegments() && loaded.hasClv() && loaded.trainingDistributions().isPresent(), loaded.toString());
        assertTrue(loaded.toString().contains("4 segments"), loaded.toString());
        for (int i = 0; i < ChurnFixture.SAMPLE; i++) {
            assertEquals(f.bound.score(f.customers[i]), bound.score(f.customers[i]), kind + " row " + i);
        }
    }
}
