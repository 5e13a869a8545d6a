package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.LinearPredictor;
import java.util.Arrays;
import java.util.Locale;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains Tribuo's multinomial logistic regression on standardised features and exports the
 * weights, un-standardised, into a {@link LinearPredictor}.
 *
 * <p>Tribuo's model is a softmax over all labels with the bias folded in as the last feature. For
 * two classes the softmax of {@code (s0, s1)} equals the logistic function of {@code s1 - s0}, so
 * the binary weight vector is the difference of the two rows, exactly. Features are standardised
 * with the training mean and standard deviation ({@code z = (x - m) / s}, {@code s = 1} for a
 * constant column); the exported weights are {@code v / s} with intercept
 * {@code v_0 - sum v m / s}, so the predictor reads raw features.
 */
final class TribuoLogistic {

    /** Tribuo's result, the standardisation and our exported form (internal; arrays not copied). */
    static final class Fitted {
        private final LinearSGDModel model;
        private final LinearPredictor predictor;
        private final double[][] standardised;
        private final double[] mean;
        private final double[] scale;

        Fitted(LinearSGDModel model, LinearPredictor predictor, double[][] standardised, double[] mean,
                double[] scale) {
            this.model = model;
            this.predictor = predictor;
            this.standardised = standardised;
            this.mean = mean;
            this.scale = scale;
        }

        LinearSGDModel model() {
            return model;
        }

        LinearPredictor predictor() {
            return predictor;
        }

        /** Weights and bias (last) per output on standardised features. */
        double[][] standardised() {
            return standardised;
        }

        double[] mean() {
            return mean;
        }

        double[] scale() {
            return scale;
        }
    }

    private TribuoLogistic() {
    }

    static String featureName(int j) {
        return String.format(Locale.ROOT, "f%06d", j);
    }

    static Fitted train(double[][] x, int[] y, int k, LogisticChurnTrainer.Config config) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(scale[j] / n);
            if (!(scale[j] > 1e-12 * Math.max(1.0, Math.abs(mean[j])))) {
                scale[j] = 1.0;
            }
        }
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = featureName(j);
        }
        double[] classWeight = config.classWeighting().weights(Inputs.classCounts(y, k));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("churnkit feature matrix", factory), factory);
        for (int i = 0; i < n; i++) {
            ArrayExample<Label> ex = new ArrayExample<>(new Label(Integer.toString(y[i])), names,
                    standardise(x[i], mean, scale));
            ex.setWeight((float) classWeight[y[i]]);
            data.add(ex);
        }
        AdaGradRDA optimiser = new AdaGradRDA(config.learningRate(), 1e-6, 0.0, config.l2(), n);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, config.epochs(), -1, 1,
                config.seed());
        LinearSGDModel model = trainer.train(data);

        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
        int bias = fmap.size();
        if (w.getDimension2Size() != bias + 1) {
            throw new IllegalStateException("Tribuo weight matrix has " + w.getDimension2Size()
                    + " columns, expected " + (bias + 1) + " (features + bias)");
        }
        int[] featureId = new int[p];
        for (int j = 0; j < p; j++) {
            // a feature Tribuo never saw non-zero has no id and weight 0
            featureId[j] = fmap.get(names[j]) == null ? -1 : fmap.getID(names[j]);
        }
        double[][] v = new double[k][p + 1];
        for (int c = 0; c < k; c++) {
            int row = labels.getID(new Label(Integer.toString(c)));
            for (int j = 0; j < p; j++) {
                v[c][j] = featureId[j] < 0 ? 0.0 : w.get(row, featureId[j]);
            }
            v[c][p] = w.get(row, bias);
        }
        LinearPredictor predictor;
        double[][] standardised;
        if (k == 2) {
            double[] d = new double[p + 1];
            for (int j = 0; j <= p; j++) {
                d[j] = v[1][j] - v[0][j];
            }
            standardised = new double[][] {d};
            double[][] raw = unstandardise(standardised, mean, scale);
            predictor = LinearPredictor.binary(Arrays.copyOf(raw[0], p), raw[0][p], mean);
        } else {
            standardised = v;
            double[][] raw = unstandardise(v, mean, scale);
            double[][] weights = new double[k][];
            double[] intercepts = new double[k];
            for (int c = 0; c < k; c++) {
                weights[c] = Arrays.copyOf(raw[c], p);
                intercepts[c] = raw[c][p];
            }
            predictor = LinearPredictor.multinomial(weights, intercepts, mean);
        }
        return new Fitted(model, predictor, standardised, mean, scale);
    }

    static double[] standardise(double[] row, double[] mean, double[] scale) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /** Rows of {@code [weights..., bias]} on standardised features to the same on raw features. */
    private static double[][] unstandardise(double[][] v, double[] mean, double[] scale) {
        int p = mean.length;
        double[][] out = new double[v.length][p + 1];
        for (int c = 0; c < v.length; c++) {
            double b = v[c][p];
            for (int j = 0; j < p; j++) {
                out[c][j] = v[c][j] / scale[j];
                b -= v[c][j] * mean[j] / scale[j];
            }
            out[c][p] = b;
        }
        return out;
    }
}
