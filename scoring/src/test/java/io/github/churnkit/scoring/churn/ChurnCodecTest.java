package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleOutput;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChurnCodecTest {

    private static ChurnPredictor roundTrip(ChurnPredictor p) {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.MODEL_SECTION, o -> ChurnCodec.writePredictor(p, o)).build();
        return ModelBundle.parse(b.toBytes()).decode(ChurnCodec.MODEL_SECTION, ChurnCodec::readPredictor);
    }

    private static BundleFormatException refused(Consumer<BundleOutput> payload) {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.MODEL_SECTION, payload).build();
        return assertThrows(BundleFormatException.class,
                () -> b.decode(ChurnCodec.MODEL_SECTION, ChurnCodec::readPredictor));
    }

    private static void assertSameOutputs(ChurnPredictor a, ChurnPredictor b, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] pa = new double[a.classCount()];
        double[] pb = new double[b.classCount()];
        for (int i = 0; i < 200; i++) {
            double[] x = new double[features];
            for (int j = 0; j < features; j++) {
                x[j] = rng.nextDouble(-2, 2);
            }
            a.probabilities(x, pa);
            b.probabilities(x, pb);
            assertArrayEquals(pa, pb, 0.0, "row " + i);
            assertArrayEquals(a.contributions(x, 0), b.contributions(x, 0), 0.0);
        }
    }

    @Test
    void readPredictor_binaryLinear_sameProbabilitiesBitForBit() {
        LinearPredictor p = LinearPredictor.binary(new double[] {0.5, -1.25, 3e-7}, -0.3, new double[] {1, 2, 3});
        ChurnPredictor back = roundTrip(p);
        assertTrue(back instanceof LinearPredictor);
        assertSameOutputs(p, back, 3, 1);
        assertArrayEquals(p.reference(), ((LinearPredictor) back).reference(), 0.0);
    }

    @Test
    void readPredictor_multinomialLinear_sameProbabilitiesBitForBit() {
        LinearPredictor p = LinearPredictor.multinomial(
                new double[][] {{1, 2}, {-1, 0.5}, {0, -3}}, new double[] {0.1, 0.2, -0.3}, null);
        assertSameOutputs(p, roundTrip(p), 2, 2);
    }

    @Test
    void readPredictor_treeEnsemble_sameProbabilitiesAndShapBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        List<TreeEnsembleTest.Node> trees = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            trees.add(TreeEnsembleTest.randomTree(rng, 5, 4));
        }
        TreeEnsemble e = TreeEnsembleTest.build(trees, 4, 0.25, 2.0);
        ChurnPredictor back = roundTrip(e);
        assertTrue(back instanceof TreeEnsemble);
        assertEquals(e.nodeCount(), ((TreeEnsemble) back).nodeCount());
        assertEquals(e.treeCount(), ((TreeEnsemble) back).treeCount());
        assertEquals(e.outputScale(), ((TreeEnsemble) back).outputScale());
        assertSameOutputs(e, back, 4, 4);
    }

    @Test
    void readPredictor_multiClassTrees_sameProbabilities() {
        TreeEnsemble.Builder b = TreeEnsemble.builder(2, 3).baseScore(1, 0.5);
        for (int c = 0; c < 3; c++) {
            b.tree(c);
            int s = b.split(c % 2, 0.1 * c);
            int l = b.leaf(c, 3);
            int r = b.leaf(-c, 5);
            b.children(s, l, r);
        }
        TreeEnsemble e = b.build();
        assertSameOutputs(e, roundTrip(e), 2, 5);
    }

    /** One tree: split node 0 on feature 0 with children 1 and 2, both leaves. */
    private static void stump(BundleOutput o, int left, int right, int feature) {
        o.writeByte(1).writeInt(2).writeInt(2).writeDouble(1.0).writeDoubleArray(new double[] {0});
        o.writeInt(1);
        o.writeInt(0).writeInt(3);
        o.writeInt(feature).writeDouble(0.5).writeInt(left).writeInt(right);
        o.writeInt(-1).writeDouble(1).writeDouble(2);
        o.writeInt(-1).writeDouble(-1).writeDouble(3);
    }

    @Test
    void readPredictor_validStump_accepted() {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.MODEL_SECTION, o -> stump(o, 1, 2, 0)).build();
        ChurnPredictor p = b.decode(ChurnCodec.MODEL_SECTION, ChurnCodec::readPredictor);
        // x0 = 0 <= 0.5 -> leaf value 1, log-odds 1: P = 1 - 1/(1 + e) = 0.7310585786
        assertEquals(0.7310585786, p.probability(new double[] {0, 0}), 1e-10);
    }

    @Test
    void readPredictor_childOutsideTree_refused() {
        BundleFormatException e = refused(o -> stump(o, 1, 7, 0));
        assertTrue(e.getMessage().contains("invalid tree ensemble"), e.getMessage());
        assertEquals(ChurnCodec.MODEL_SECTION, e.section());
    }

    @Test
    void readPredictor_childPointingBackOrToItself_refusedAsCycle() {
        BundleFormatException e = refused(o -> stump(o, 0, 2, 0));
        assertTrue(e.getMessage().contains("children of node 0 must be two distinct nodes added after it"),
                e.getMessage());
        refused(o -> stump(o, 2, 2, 0));
    }

    @Test
    void readPredictor_splitFeatureOutOfRange_refused() {
        BundleFormatException e = refused(o -> stump(o, 1, 2, 5));
        assertTrue(e.getMessage().contains("feature of node 0 must be in [-1, 1], found 5"), e.getMessage());
    }

    @Test
    void readPredictor_hugeTreeCount_refusedBeforeAllocating() {
        BundleFormatException e = refused(o -> o.writeByte(1).writeInt(2).writeInt(2).writeDouble(1.0)
                .writeDoubleArray(new double[] {0}).writeInt(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("tree count"), e.getMessage());
    }

    @Test
    void readPredictor_nanWeight_refused() {
        BundleFormatException e = refused(o -> o.writeByte(0).writeInt(2).writeInt(1)
                .writeDoubleArray(new double[] {Double.NaN}).writeDouble(0).writeDoubleArray(new double[] {0}));
        assertTrue(e.getMessage().contains("must be finite"), e.getMessage());
    }

    @Test
    void readPredictor_unknownKind_refused() {
        refused(o -> o.writeByte(9));
    }

    @Test
    void readCalibrator_plattAndIsotonic_sameOutputs() {
        for (ProbabilityCalibrator c : List.of(PlattCalibrator.of(1.5, -0.25),
                IsotonicCalibrator.of(new double[] {0.1, 0.5, 0.9}, new double[] {0.05, 0.4, 0.95}))) {
            ModelBundle b = ModelBundle.builder()
                    .put(ChurnCodec.CALIBRATION_SECTION, o -> ChurnCodec.writeCalibrator(c, o)).build();
            ProbabilityCalibrator back = b.decode(ChurnCodec.CALIBRATION_SECTION, ChurnCodec::readCalibrator);
            assertEquals(c.getClass(), back.getClass());
            for (double p = 0; p <= 1; p += 0.01) {
                assertEquals(c.calibrate(p), back.calibrate(p), 0.0);
            }
        }
    }

    @Test
    void readCalibrator_decreasingIsotonicKnots_refused() {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.CALIBRATION_SECTION, o -> o.writeByte(1)
                .writeDoubleArray(new double[] {0.1, 0.5}).writeDoubleArray(new double[] {0.6, 0.2})).build();
        assertThrows(BundleFormatException.class,
                () -> b.decode(ChurnCodec.CALIBRATION_SECTION, ChurnCodec::readCalibrator));
    }

    @Test
    void readCalibrator_negativePlattSlope_refused() {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.CALIBRATION_SECTION,
                o -> o.writeByte(0).writeDouble(-1).writeDouble(0)).build();
        assertThrows(BundleFormatException.class,
                () -> b.decode(ChurnCodec.CALIBRATION_SECTION, ChurnCodec::readCalibrator));
    }
}
