package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.LinearPredictor;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import java.util.List;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;

/**
 * The raw library model beside churnkit's runtime form of the same model, for benchmarks and
 * comparisons against the library call (no calibration). Not needed to train or score: use the
 * trainers for that.
 */
public final class ReferenceModels {

    private ReferenceModels() {
    }

    /**
     * Smile gradient boosting with {@code trees} iterations and the config's other settings (its
     * early stopping, calibration, class weighting and folds are not used), and its flattened
     * {@link TreeEnsemble}.
     *
     * @param x feature rows, finite
     * @param y 0/1 labels
     */
    public static Boosted boosted(double[][] x, int[] y, BoostedChurnTrainer.Config config, int trees) {
        long start = System.nanoTime();
        Inputs.validate(x, y, Inputs.defaultNames(x));
        SmileBoosting.Fitted f = SmileBoosting.fit(x, y, config, trees);
        TreeEnsemble runtime = SmileBoosting.flatten(f, y, 2);
        BoostedChurnTrainer.Config used = config.withMaxTrees(trees).withEarlyStopping(false)
                .withCalibration(Calibration.NONE).withClassWeighting(ClassWeighting.NONE);
        TrainingProvenance provenance = new TrainingProvenance("ReferenceModels.boosted", used.settings(), config.seed(),
                MatrixFingerprint.of(x, y), Versions.all(), (System.nanoTime() - start) / 1_000_000L);
        return new Boosted(f.model(), runtime, BoostedChurnTrainer.gain(f), provenance);
    }

    /**
     * Tribuo logistic regression with the config's settings, and its {@link LinearPredictor}.
     *
     * @param x feature rows, finite
     * @param y 0/1 labels
     */
    public static Logistic logistic(double[][] x, int[] y, LogisticChurnTrainer.Config config) {
        Inputs.validate(x, y, Inputs.defaultNames(x));
        return new Logistic(TribuoLogistic.train(x, y, 2, config));
    }

    /** A Smile model and its runtime form. Immutable. */
    public static final class Boosted {
        private final GradientTreeBoost smile;
        private final TreeEnsemble runtime;
        private final double[] gain;
        private final TrainingProvenance provenance;

        private Boosted(GradientTreeBoost smile, TreeEnsemble runtime, double[] gain, TrainingProvenance provenance) {
            this.smile = smile;
            this.runtime = runtime;
            this.gain = gain;
            this.provenance = provenance;
        }

        /** Smile's model. */
        public GradientTreeBoost smile() {
            return smile;
        }

        /** churnkit's flattened form: the same probabilities. */
        public TreeEnsemble runtime() {
            return runtime;
        }

        /** Rows as the data frame Smile predicts from (its tuples: {@code frame.get(i)}); labels 0. */
        public DataFrame frame(double[][] x) {
            return SmileBoosting.frame(x, new int[x.length]);
        }

        /**
         * The runtime form as an uncalibrated {@link ChurnModel} (Smile's gain importance; provenance
         * trainer {@code "ReferenceModels.boosted"} with the settings actually used), so that a scoring
         * bundle can hold exactly these trees: for example to compare a whole scorer with Smile on the
         * same model without training it twice. Add a calibrator with
         * {@link ChurnModel#withCalibrator}.
         *
         * @param featureNames one name per feature column
         * @throws IllegalArgumentException if the number of names differs from the model's width
         */
        public ChurnModel churnModel(List<String> featureNames) {
            Objects.requireNonNull(featureNames, "featureNames");
            if (featureNames.size() != runtime.featureCount()) {
                throw new IllegalArgumentException("the model reads " + runtime.featureCount() + " features, found "
                        + featureNames.size() + " names");
            }
            return new ChurnModel(runtime, null, featureNames, FeatureImportance.of("gain", featureNames, gain),
                    provenance);
        }
    }

    /** A Tribuo model and its runtime form. Immutable. */
    public static final class Logistic {
        private final TribuoLogistic.Fitted fitted;
        private final String[] names;

        private Logistic(TribuoLogistic.Fitted fitted) {
            this.fitted = Objects.requireNonNull(fitted);
            this.names = new String[fitted.mean().length];
            for (int j = 0; j < names.length; j++) {
                names[j] = TribuoLogistic.featureName(j);
            }
        }

        /** Tribuo's model (trained on standardised features). */
        public LinearSGDModel tribuo() {
            return fitted.model();
        }

        /** churnkit's form, on the original features: the same probabilities. */
        public LinearPredictor runtime() {
            return fitted.predictor();
        }

        /**
         * The Tribuo example for a feature row, built as a caller of Tribuo must: standardised as in
         * training, one named feature per column. Allocates the example.
         */
        public Example<Label> example(double[] row) {
            return new ArrayExample<>(new Label("0"), names, TribuoLogistic.standardise(row, fitted.mean(), fitted.scale()));
        }
    }
}
