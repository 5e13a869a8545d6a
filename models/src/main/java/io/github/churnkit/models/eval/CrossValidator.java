package io.github.churnkit.models.eval;

import io.github.churnkit.core.Splits;
import io.github.churnkit.models.churn.BaselineChurnTrainer;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.ChurnTrainer;
import io.github.churnkit.models.churn.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seeded, stratified k-fold cross-validation and train/test evaluation of a binary churn trainer,
 * with the no-skill baseline trained on the same folds.
 *
 * <p>Each fold's model is trained on the other folds only and scored on the held-out fold; its
 * calibrated probabilities are evaluated. {@link #crossValidate(ChurnTrainer, FoldSource, int[])}
 * lets the caller build each fold's feature matrices from that fold's training rows only (see
 * {@code PipelineCrossValidation} for the feature-pipeline version), which is what keeps fitted
 * preprocessing from leaking held-out information. The plain-matrix overload is leak-free only
 * when the matrix involves no statistics fitted on other rows.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrossValidator {

    /**
     * Settings.
     *
     * @param folds     number of folds, {@code >= 2}
     * @param seed      the fold seed
     * @param threshold decision threshold of the confusion matrices
     */
    public record Config(int folds, long seed, double threshold) {

        /** Validates the settings. */
        public Config {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, found " + folds);
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], found " + threshold);
            }
        }

        /** 5 folds, seed 42, threshold 0.5. */
        public static Config defaults() {
            return new Config(5, 42L, 0.5);
        }

        /** With another number of folds. */
        public Config withFolds(int v) {
            return new Config(v, seed, threshold);
        }

        /** With another seed. */
        public Config withSeed(long v) {
            return new Config(folds, v, threshold);
        }

        /** With another threshold. */
        public Config withThreshold(double v) {
            return new Config(folds, seed, v);
        }
    }

    /** Builds the feature matrices of one fold from its training and held-out row indices. */
    @FunctionalInterface
    public interface FoldSource {
        /** The matrices for training on {@code trainRows} and testing on {@code testRows}. */
        FoldData fold(int[] trainRows, int[] testRows);
    }

    /**
     * One fold's matrices. Holds the arrays it is given (matrices can be large, so they are not
     * copied): do not modify them afterwards.
     */
    public static final class FoldData {
        private final double[][] trainX;
        private final double[][] testX;
        private final List<String> featureNames;

        /**
         * The matrices of one fold.
         *
         * @param trainX       training features
         * @param testX        held-out features
         * @param featureNames feature names (copied)
         */
        public FoldData(double[][] trainX, double[][] testX, List<String> featureNames) {
            this.trainX = Objects.requireNonNull(trainX, "trainX");
            this.testX = Objects.requireNonNull(testX, "testX");
            this.featureNames = List.copyOf(featureNames);
        }

        /** Training features. */
        public double[][] trainX() {
            return trainX;
        }

        /** Held-out features. */
        public double[][] testX() {
            return testX;
        }

        /** Feature names. */
        public List<String> featureNames() {
            return featureNames;
        }
    }

    private final Config config;
    private final TrainingListener listener;

    private CrossValidator(Config config, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A cross-validator with the given settings. */
    public static CrossValidator of(Config config) {
        return new CrossValidator(config, TrainingListener.NONE);
    }

    /** A cross-validator with {@link Config#defaults()}. */
    public static CrossValidator withDefaults() {
        return of(Config.defaults());
    }

    /** This cross-validator reporting each finished fold to {@code l}. */
    public CrossValidator withListener(TrainingListener l) {
        return new CrossValidator(config, l);
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** Cross-validates on a fixed matrix (see the class comment on leakage). */
    public CrossValidationReport crossValidate(ChurnTrainer trainer, double[][] x, int[] y, List<String> names) {
        Objects.requireNonNull(x, "x");
        return crossValidate(trainer, (train, test) -> new FoldData(rows(x, train), rows(x, test), names), y);
    }

    /**
     * Cross-validates with matrices built per fold by {@code source}.
     *
     * @param y 0/1 labels of all rows (missing labels are rejected)
     * @throws IllegalArgumentException if a label is not 0 or 1 or a class has fewer rows than folds
     */
    public CrossValidationReport crossValidate(ChurnTrainer trainer, FoldSource source, int[] y) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(source, "source");
        checkBinary(y, config.folds());
        int[] fold = Splits.stratifiedFolds(y, config.folds(), config.seed());
        List<EvaluationReport> reports = new ArrayList<>();
        List<EvaluationReport> baselines = new ArrayList<>();
        double[] pooled = new double[y.length];
        for (int f = 0; f < config.folds(); f++) {
            int[] train = Splits.rowsNotIn(fold, f);
            int[] test = Splits.rowsIn(fold, f);
            FoldData data = source.fold(train, test);
            int[] yTrain = labels(y, train);
            int[] yTest = labels(y, test);
            ChurnModel model = trainer.fit(data.trainX(), yTrain, data.featureNames());
            ChurnModel baseline = BaselineChurnTrainer.create().fit(data.trainX(), yTrain, data.featureNames());
            double[] p = model.probability(data.testX());
            for (int i = 0; i < test.length; i++) {
                pooled[test[i]] = p[i];
            }
            reports.add(EvaluationReport.of(p, yTest, config.threshold()));
            baselines.add(EvaluationReport.of(baseline.probability(data.testX()), yTest, config.threshold()));
            listener.progress("cross-validation fold", f + 1, config.folds());
        }
        return new CrossValidationReport(trainer.name(), config.seed(), reports, baselines,
                EvaluationReport.of(pooled, y, config.threshold()));
    }

    /**
     * Trains on a stratified share of the rows and evaluates on the rest.
     *
     * @param testFraction share of each class held out, in (0, 1)
     */
    public EvaluationReport trainTest(ChurnTrainer trainer, FoldSource source, int[] y, double testFraction) {
        checkBinary(y, 2);
        Splits.TrainTest split = Splits.stratifiedTrainTest(y, testFraction, config.seed());
        FoldData data = source.fold(split.train(), split.test());
        ChurnModel model = trainer.fit(data.trainX(), labels(y, split.train()), data.featureNames());
        return EvaluationReport.of(model.probability(data.testX()), labels(y, split.test()), config.threshold());
    }

    private static void checkBinary(int[] y, int folds) {
        Objects.requireNonNull(y, "y");
        int pos = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label at row " + i + " is " + y[i]
                        + "; evaluation needs 0/1 labels (drop unlabelled rows first)");
            }
            pos += y[i];
        }
        if (pos < folds || y.length - pos < folds) {
            throw new IllegalArgumentException("each class needs at least " + folds + " rows, found " + pos
                    + " churners and " + (y.length - pos) + " non-churners");
        }
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static int[] labels(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }
}
