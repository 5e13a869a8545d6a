package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.ProbabilityCalibrator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * L2-regularised logistic regression on Tribuo's linear SGD (classification-sgd), binary or
 * multinomial, exported as a {@link io.github.churnkit.scoring.churn.LinearPredictor}.
 *
 * <p><b>What it fits.</b> Features are standardised with the training means and standard
 * deviations; Tribuo's {@code LinearSGDTrainer} with the {@code LogMulticlass} objective and the
 * {@code AdaGradRDA} optimiser (regularised dual averaging; its L2 penalty is divided by the
 * number of rows, so {@code l2} here is the penalty on the summed log-likelihood,
 * {@code minimise sum_i loss_i + (l2 / 2) ||w||^2}, intercept included) runs {@code epochs} passes
 * over the shuffled rows. The weights are then mapped back to raw features, so the runtime form
 * reads the matrix as given.
 *
 * <p><b>Calibration.</b> For a binary target and {@code calibration != NONE}, the trainer first
 * trains on {@code calibrationFolds - 1} folds and predicts the held-out fold, for every fold, then
 * fits the calibrator on these out-of-fold probabilities, and finally trains the returned model on
 * all rows. Multi-class models carry no calibrator.
 *
 * <p>Same data and seed give the same model bit for bit. Immutable and thread-safe.
 */
public final class LogisticChurnTrainer implements ChurnTrainer {

    /**
     * Settings.
     *
     * @param l2               L2 penalty on the summed log-likelihood, {@code >= 0}
     * @param epochs           passes over the data, {@code >= 1}
     * @param learningRate     AdaGrad's initial learning rate, {@code > 0}
     * @param seed             shuffling and fold seed
     * @param classWeighting   class weights (see {@link ClassWeighting})
     * @param calibration      the calibrator to fit on held-out folds
     * @param calibrationFolds folds for the held-out predictions, {@code >= 2}
     */
    public record Config(double l2, int epochs, double learningRate, long seed, ClassWeighting classWeighting,
            Calibration calibration, int calibrationFolds) {

        /** Validates every setting. */
        public Config {
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("l2 must be finite and >= 0, found " + l2);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, found " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be positive and finite, found " + learningRate);
            }
            Objects.requireNonNull(classWeighting, "classWeighting");
            Objects.requireNonNull(calibration, "calibration");
            if (calibrationFolds < 2) {
                throw new IllegalArgumentException("calibrationFolds must be at least 2, found " + calibrationFolds);
            }
        }

        /**
         * Defaults for churn data: {@code l2 = 1} (mild on thousands of rows), 10 epochs, learning
         * rate 0.1, seed 42, no class weights, Platt calibration on 3 folds.
         */
        public static Config defaults() {
            return new Config(1.0, 10, 0.1, 42L, ClassWeighting.NONE, Calibration.PLATT, 3);
        }

        /** With another L2 penalty. */
        public Config withL2(double v) {
            return new Config(v, epochs, learningRate, seed, classWeighting, calibration, calibrationFolds);
        }

        /** With another number of epochs. */
        public Config withEpochs(int v) {
            return new Config(l2, v, learningRate, seed, classWeighting, calibration, calibrationFolds);
        }

        /** With another learning rate. */
        public Config withLearningRate(double v) {
            return new Config(l2, epochs, v, seed, classWeighting, calibration, calibrationFolds);
        }

        /** With another seed. */
        public Config withSeed(long v) {
            return new Config(l2, epochs, learningRate, v, classWeighting, calibration, calibrationFolds);
        }

        /** With another class weighting. */
        public Config withClassWeighting(ClassWeighting v) {
            return new Config(l2, epochs, learningRate, seed, v, calibration, calibrationFolds);
        }

        /** With another calibration method. */
        public Config withCalibration(Calibration v) {
            return new Config(l2, epochs, learningRate, seed, classWeighting, v, calibrationFolds);
        }

        /** With another number of calibration folds. */
        public Config withCalibrationFolds(int v) {
            return new Config(l2, epochs, learningRate, seed, classWeighting, calibration, v);
        }

        Map<String, String> settings() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("l2", String.format(Locale.ROOT, "%s", l2));
            m.put("epochs", Integer.toString(epochs));
            m.put("learningRate", String.format(Locale.ROOT, "%s", learningRate));
            m.put("classWeighting", classWeighting.name());
            m.put("calibration", calibration.name());
            m.put("calibrationFolds", Integer.toString(calibrationFolds));
            m.put("optimiser", "AdaGradRDA");
            m.put("objective", "LogMulticlass");
            return m;
        }
    }

    private final Config config;
    private final TrainingListener listener;

    private LogisticChurnTrainer(Config config, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A trainer with the given settings. */
    public static LogisticChurnTrainer of(Config config) {
        return new LogisticChurnTrainer(config, TrainingListener.NONE);
    }

    /** A trainer with {@link Config#defaults()}. */
    public static LogisticChurnTrainer withDefaults() {
        return of(Config.defaults());
    }

    /** This trainer reporting progress to {@code l}. */
    public LogisticChurnTrainer withListener(TrainingListener l) {
        return new LogisticChurnTrainer(config, l);
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    @Override
    public ChurnModel fit(double[][] x, int[] y, List<String> featureNames) {
        long start = System.nanoTime();
        int k = Inputs.validate(x, y, featureNames);
        ProbabilityCalibrator calibrator = null;
        if (k == 2 && config.calibration() != Calibration.NONE) {
            CrossFit.checkFolds(y, k, config.calibrationFolds());
            double[] oof = CrossFit.outOfFold(x, y, config.calibrationFolds(), config.seed(),
                    (tx, ty) -> TribuoLogistic.train(tx, ty, k, config).predictor(), listener);
            calibrator = CalibratorFitter.fit(config.calibration(), oof, y);
        }
        TribuoLogistic.Fitted fitted = TribuoLogistic.train(x, y, k, config);
        listener.progress("final model", 1, 1);
        int p = x[0].length;
        double[] importance = new double[p];
        for (double[] row : fitted.standardised()) {
            for (int j = 0; j < p; j++) {
                importance[j] += (k == 2 ? row[j] : Math.abs(row[j])) / fitted.standardised().length;
            }
        }
        String method = k == 2 ? "standardised coefficient" : "mean absolute standardised coefficient over classes";
        long millis = (System.nanoTime() - start) / 1_000_000L;
        TrainingProvenance provenance = new TrainingProvenance(name(), config.settings(), config.seed(),
                MatrixFingerprint.of(x, y), Versions.all(), millis);
        return new ChurnModel(fitted.predictor(), calibrator, featureNames,
                FeatureImportance.of(method, featureNames, importance), provenance);
    }

    /** Trains without calibration and returns Tribuo's model beside ours (for tests). */
    TribuoLogistic.Fitted fitRaw(double[][] x, int[] y) {
        int k = Inputs.validate(x, y, Inputs.defaultNames(x));
        return TribuoLogistic.train(x, y, k, config);
    }
}
