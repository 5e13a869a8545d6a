package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.churn.TreeEnsemble;
import java.net.URL;
import java.security.CodeSource;
import org.junit.jupiter.api.Test;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.regression.RegressionTree;

class SmileBoostingTest {

    private static final BoostedChurnTrainer.Config SMALL = BoostedChurnTrainer.Config.defaults()
            .withMaxTrees(60).withMinLeafSize(5);

    @Test
    void flatten_binary_probabilitiesBitwiseEqualToSmile() {
        Simulated train = Simulated.binary(3000, 1);
        Simulated test = Simulated.binary(1500, 2);
        SmileBoosting.Fitted fitted = SmileBoosting.fit(train.x, train.y, SMALL, 60);
        TreeEnsemble flat = SmileBoosting.flatten(fitted, train.y, 2);
        DataFrame df = SmileBoosting.frame(test.x, test.y);
        double[] post = new double[2];
        for (int i = 0; i < test.x.length; i++) {
            int cls = fitted.model().predict(df.get(i), post);
            double[] ours = new double[2];
            flat.probabilities(test.x[i], ours);
            assertEquals(Double.doubleToRawLongBits(post[0]), Double.doubleToRawLongBits(ours[0]), "row " + i);
            assertEquals(Double.doubleToRawLongBits(post[1]), Double.doubleToRawLongBits(ours[1]), "row " + i);
            assertEquals(Double.doubleToRawLongBits(post[1]), Double.doubleToRawLongBits(flat.probability(test.x[i])));
            assertEquals(cls, flat.rawScore(test.x[i], 0) > 0 ? 1 : 0);
        }
    }

    @Test
    void flatten_threeClasses_probabilitiesBitwiseEqualToSmile() {
        Simulated train = Simulated.threeClass(2000, 3);
        Simulated test = Simulated.threeClass(1000, 4);
        SmileBoosting.Fitted fitted = SmileBoosting.fit(train.x, train.y, SMALL, 30);
        TreeEnsemble flat = SmileBoosting.flatten(fitted, train.y, 3);
        assertEquals(90, flat.treeCount());
        DataFrame df = SmileBoosting.frame(test.x, test.y);
        double[] post = new double[3];
        double[] ours = new double[3];
        for (int i = 0; i < test.x.length; i++) {
            fitted.model().predict(df.get(i), post);
            flat.probabilities(test.x[i], ours);
            for (int c = 0; c < 3; c++) {
                assertEquals(Double.doubleToRawLongBits(post[c]), Double.doubleToRawLongBits(ours[c]), "row " + i);
            }
        }
    }

    @Test
    void threshold_bisection_equalsPrivateFieldReadByReflection() throws ReflectiveOperationException {
        // guard for the bisection: Smile keeps the split value in the package-private field 'value'
        Simulated train = Simulated.binary(1000, 5);
        SmileBoosting.Fitted fitted = SmileBoosting.fit(train.x, train.y, SMALL, 10);
        java.lang.reflect.Field value = OrdinalNode.class.getDeclaredField("value");
        value.setAccessible(true);
        int checked = 0;
        for (RegressionTree tree : fitted.model().trees()[0]) {
            checked += compare(tree.root(), tree, value);
        }
        assertTrue(checked > 10, "only " + checked + " splits checked");
    }

    private static int compare(Node node, RegressionTree tree, java.lang.reflect.Field value)
            throws IllegalAccessException {
        if (!(node instanceof InternalNode split)) {
            return 0;
        }
        double expected = value.getDouble(split);
        assertEquals(Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(SmileBoosting.threshold(split, tree.schema())));
        return 1 + compare(split.trueChild(), tree, value) + compare(split.falseChild(), tree, value);
    }

    @Test
    void key_orderOfDoubles_isPreserved() {
        double[] ordered = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0,
                Double.MIN_VALUE, 1.0, Math.nextUp(1.0), Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (int i = 1; i < ordered.length; i++) {
            assertTrue(SmileBoosting.key(ordered[i - 1]) < SmileBoosting.key(ordered[i]), "at " + i);
            assertEquals(Double.doubleToRawLongBits(ordered[i]),
                    Double.doubleToRawLongBits(SmileBoosting.fromKey(SmileBoosting.key(ordered[i]))));
        }
    }

    @Test
    void fit_sameSeed_sameTrees() {
        Simulated train = Simulated.binary(1500, 6);
        TreeEnsemble a = SmileBoosting.flatten(SmileBoosting.fit(train.x, train.y, SMALL, 20), train.y, 2);
        TreeEnsemble b = SmileBoosting.flatten(SmileBoosting.fit(train.x, train.y, SMALL, 20), train.y, 2);
        TreeEnsemble c = SmileBoosting.flatten(SmileBoosting.fit(train.x, train.y, SMALL.withSeed(7), 20), train.y, 2);
        boolean anyDifferent = false;
        for (double[] row : Simulated.binary(300, 8).x) {
            assertEquals(Double.doubleToRawLongBits(a.probability(row)), Double.doubleToRawLongBits(b.probability(row)));
            anyDifferent |= a.probability(row) != c.probability(row);
        }
        // subsample 0.8 draws different rows under another seed, so some prediction must move
        assertTrue(anyDifferent);
    }

    @Test
    void fit_withoutNativeAndDuckDbJars_trains() {
        // the parent pom excludes org.bytedeco (native BLAS), org.duckdb and parso from smile-core
        assertFalse(onClassPath("org.bytedeco.javacpp.Loader"));
        assertFalse(onClassPath("org.duckdb.DuckDBDriver"));
        assertFalse(onClassPath("com.epam.parso.SasFileReader"));
        Simulated train = Simulated.binary(500, 9);
        GradientTreeBoost model = SmileBoosting.fit(train.x, train.y, SMALL, 5).model();
        assertEquals(5, model.trees()[0].length);
        CodeSource source = GradientTreeBoost.class.getProtectionDomain().getCodeSource();
        URL jar = source.getLocation();
        assertTrue(jar.toString().contains("smile-core"), jar.toString());
    }

    private static boolean onClassPath(String name) {
        try {
            Class.forName(name, false, SmileBoostingTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void intercept_balancedLabels_isZero() {
        // mu = mean of (-1, +1, -1, +1) = 0, so b = 0.5 log(1) = 0; with 3 of 4 positive mu = 0.5,
        // b = 0.5 log(1.5 / 0.5) = 0.5 log 3
        assertEquals(0.0, SmileBoosting.intercept(new int[] {0, 1, 0, 1}), 0.0);
        assertEquals(0.5 * Math.log(3), SmileBoosting.intercept(new int[] {1, 1, 0, 1}), 1e-15);
    }
}
