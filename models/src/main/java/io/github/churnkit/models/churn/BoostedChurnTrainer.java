package io.github.churnkit.models.churn;

import io.github.churnkit.core.Splits;
import io.github.churnkit.scoring.churn.ProbabilityCalibrator;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import smile.data.type.StructType;

/**
 * Gradient-boosted regression trees on Smile's {@code GradientTreeBoost} (Friedman 2001, logistic
 * loss for two classes, softmax for more), exported as a flattened
 * {@link io.github.churnkit.scoring.churn.TreeEnsemble} whose probabilities equal Smile's bit for bit.
 *
 * <p><b>Early stopping and calibration on held-out folds.</b> When {@code earlyStopping} is on, or
 * a calibrator is wanted for a binary target, the rows are split into {@code validationFolds}
 * stratified folds; for each fold a model with {@code maxTrees} iterations is trained on the other
 * folds and its staged predictions on the held-out fold are scored. The number of iterations with
 * the lowest total out-of-fold log-loss is chosen, the calibrator is fitted on the out-of-fold
 * probabilities at that number, and the returned model is trained on all rows with that number of
 * iterations. Without early stopping the model uses {@code maxTrees}.
 *
 * <p><b>Class weights.</b> Smile's boosting has no example weights: {@link ClassWeighting#BALANCED}
 * repeats training rows of rare classes (see {@link ClassWeighting}); held-out scoring uses the
 * original rows.
 *
 * <p>Same data and seed give the same model bit for bit. Immutable and thread-safe (Smile's
 * global random state is seeded and used under one lock).
 */
public final class BoostedChurnTrainer implements ChurnTrainer {

    /**
     * Settings.
     *
     * @param maxTrees        boosting iterations (the upper bound when early stopping), {@code >= 1}
     * @param maxDepth        tree depth in splits (the root split is depth 1), {@code >= 1}
     * @param maxLeaves       leaves per tree, {@code >= 2}
     * @param minLeafSize     training rows per leaf, {@code >= 1}
     * @param shrinkage       learning rate, in (0, 1]
     * @param subsample       share of rows drawn (per class) for each tree, in (0, 1]
     * @param earlyStopping   choose the number of trees by out-of-fold log-loss
     * @param seed            seed of Smile's subsampling and of the folds
     * @param classWeighting  class weights (see {@link ClassWeighting})
     * @param calibration     the calibrator to fit on held-out folds
     * @param validationFolds folds for early stopping and calibration, {@code >= 2}
     */
    public record Config(int maxTrees, int maxDepth, int maxLeaves, int minLeafSize, double shrinkage,
            double subsample, boolean earlyStopping, long seed, ClassWeighting classWeighting,
            Calibration calibration, int validationFolds) {

        /** Validates every setting. */
        public Config {
            if (maxTrees < 1) {
                throw new IllegalArgumentException("maxTrees must be at least 1, found " + maxTrees);
            }
            if (maxDepth < 1) {
                throw new IllegalArgumentException("maxDepth must be at least 1, found " + maxDepth);
            }
            if (maxLeaves < 2) {
                throw new IllegalArgumentException("maxLeaves must be at least 2, found " + maxLeaves);
            }
            if (minLeafSize < 1) {
                throw new IllegalArgumentException("minLeafSize must be at least 1, found " + minLeafSize);
            }
            if (!(shrinkage > 0 && shrinkage <= 1)) {
                throw new IllegalArgumentException("shrinkage must be in (0, 1], found " + shrinkage);
            }
            if (!(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("subsample must be in (0, 1], found " + subsample);
            }
            Objects.requireNonNull(classWeighting, "classWeighting");
            Objects.requireNonNull(calibration, "calibration");
            if (validationFolds < 2) {
                throw new IllegalArgumentException("validationFolds must be at least 2, found " + validationFolds);
            }
        }

        /**
         * Defaults for tabular churn data (shallow trees, early stopping; the usual learning rate
         * 0.1 keeps training time moderate): up to 250 trees of depth 3 with at most 8 leaves of at
         * least 20 rows, shrinkage 0.1, subsample 0.8, early stopping and Platt calibration on 3
         * folds, seed 42, no class weights.
         */
        public static Config defaults() {
            return new Config(250, 3, 8, 20, 0.1, 0.8, true, 42L, ClassWeighting.NONE, Calibration.PLATT, 3);
        }

        /** With another maximum number of trees. */
        public Config withMaxTrees(int v) {
            return new Config(v, maxDepth, maxLeaves, minLeafSize, shrinkage, subsample, earlyStopping, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With another depth. */
        public Config withMaxDepth(int v) {
            return new Config(maxTrees, v, maxLeaves, minLeafSize, shrinkage, subsample, earlyStopping, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With another leaf limit. */
        public Config withMaxLeaves(int v) {
            return new Config(maxTrees, maxDepth, v, minLeafSize, shrinkage, subsample, earlyStopping, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With another minimum leaf size. */
        public Config withMinLeafSize(int v) {
            return new Config(maxTrees, maxDepth, maxLeaves, v, shrinkage, subsample, earlyStopping, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With another shrinkage. */
        public Config withShrinkage(double v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, v, subsample, earlyStopping, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With another subsample share. */
        public Config withSubsample(double v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, shrinkage, v, earlyStopping, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With early stopping on or off. */
        public Config withEarlyStopping(boolean v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, shrinkage, subsample, v, seed,
                    classWeighting, calibration, validationFolds);
        }

        /** With another seed. */
        public Config withSeed(long v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, shrinkage, subsample, earlyStopping, v,
                    classWeighting, calibration, validationFolds);
        }

        /** With another class weighting. */
        public Config withClassWeighting(ClassWeighting v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, shrinkage, subsample, earlyStopping, seed,
                    v, calibration, validationFolds);
        }

        /** With another calibration method. */
        public Config withCalibration(Calibration v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, shrinkage, subsample, earlyStopping, seed,
                    classWeighting, v, validationFolds);
        }

        /** With another number of validation folds. */
        public Config withValidationFolds(int v) {
            return new Config(maxTrees, maxDepth, maxLeaves, minLeafSize, shrinkage, subsample, earlyStopping, seed,
                    classWeighting, calibration, v);
        }

        Map<String, String> settings() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("maxTrees", Integer.toString(maxTrees));
            m.put("maxDepth", Integer.toString(maxDepth));
            m.put("maxLeaves", Integer.toString(maxLeaves));
            m.put("minLeafSize", Integer.toString(minLeafSize));
            m.put("shrinkage", String.format(Locale.ROOT, "%s", shrinkage));
            m.put("subsample", String.format(Locale.ROOT, "%s", subsample));
            m.put("earlyStopping", Boolean.toString(earlyStopping));
            m.put("classWeighting", classWeighting.name());
            m.put("calibration", calibration.name());
            m.put("validationFolds", Integer.toString(validationFolds));
            return m;
        }
    }

    private final Config config;
    private final TrainingListener listener;

    private BoostedChurnTrainer(Config config, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A trainer with the given settings. */
    public static BoostedChurnTrainer of(Config config) {
        return new BoostedChurnTrainer(config, TrainingListener.NONE);
    }

    /** A trainer with {@link Config#defaults()}. */
    public static BoostedChurnTrainer withDefaults() {
        return of(Config.defaults());
    }

    /** This trainer reporting progress to {@code l}. */
    public BoostedChurnTrainer withListener(TrainingListener l) {
        return new BoostedChurnTrainer(config, l);
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    @Override
    public ChurnModel fit(double[][] x, int[] y, List<String> featureNames) {
        long start = System.nanoTime();
        int k = Inputs.validate(x, y, featureNames);
        int outputs = k == 2 ? 1 : k;
        boolean calibrate = k == 2 && config.calibration() != Calibration.NONE;
        int iterations = config.maxTrees();
        ProbabilityCalibrator calibrator = null;
        Map<String, String> settings = config.settings();
        if (config.earlyStopping() || calibrate) {
            int folds = config.validationFolds();
            CrossFit.checkFolds(y, k, folds);
            int[] fold = Splits.stratifiedFolds(y, folds, config.seed());
            TreeEnsemble[] models = new TreeEnsemble[folds];
            double[] loss = new double[config.maxTrees()];
            int[] fitted = new int[folds];
            for (int f = 0; f < folds; f++) {
                int[] train = Splits.rowsNotIn(fold, f);
                models[f] = train(Inputs.rows(x, train), Inputs.labels(y, train), k, config.maxTrees());
                fitted[f] = models[f].treeCount() / outputs;
                for (int i : Splits.rowsIn(fold, f)) {
                    addStagedLoss(models[f].stagedMargins(x[i]), y[i], outputs, loss);
                }
                listener.progress("validation fold", f + 1, folds);
            }
            int available = Arrays.stream(fitted).min().orElse(config.maxTrees());
            if (config.earlyStopping()) {
                iterations = 1;
                for (int t = 1; t < available; t++) {
                    if (loss[t] < loss[iterations - 1]) {
                        iterations = t + 1;
                    }
                }
                settings.put("chosenTrees", Integer.toString(iterations));
            }
            if (calibrate) {
                double[] oof = new double[y.length];
                for (int f = 0; f < folds; f++) {
                    TreeEnsemble m = models[f].firstTrees(Math.min(iterations, fitted[f]) * outputs);
                    for (int i : Splits.rowsIn(fold, f)) {
                        oof[i] = m.probability(x[i]);
                    }
                }
                calibrator = CalibratorFitter.fit(config.calibration(), oof, y);
            }
        }
        WeightedRows rows = WeightedRows.of(x, y, k, config.classWeighting());
        SmileBoosting.Fitted fitted = SmileBoosting.fit(rows.x(), rows.y(), config, iterations);
        TreeEnsemble ensemble = SmileBoosting.flatten(fitted, rows.y(), k);
        listener.progress("final model", 1, 1);
        long millis = (System.nanoTime() - start) / 1_000_000L;
        TrainingProvenance provenance = new TrainingProvenance(name(), settings, config.seed(), MatrixFingerprint.of(x, y),
                Versions.all(), millis);
        return new ChurnModel(ensemble, calibrator, featureNames,
                FeatureImportance.of("gain", featureNames, gain(fitted)), provenance);
    }

    /** Trains on (weighted) rows and flattens, without calibration. */
    TreeEnsemble train(double[][] x, int[] y, int k, int trees) {
        WeightedRows rows = WeightedRows.of(x, y, k, config.classWeighting());
        return SmileBoosting.flatten(SmileBoosting.fit(rows.x(), rows.y(), config, trees), rows.y(), k);
    }

    /**
     * Adds one row's log-loss after each iteration to {@code loss}. {@code staged} holds the margins
     * of all outputs after each tree; an iteration adds one tree per output, so iteration {@code t}
     * ends at tree {@code (t + 1) * outputs - 1}.
     */
    private static void addStagedLoss(double[] staged, int label, int outputs, double[] loss) {
        int iterations = staged.length / (outputs * outputs);
        for (int t = 0; t < iterations; t++) {
            if (outputs == 1) {
                double z = 2.0 * staged[t];
                loss[t] += softplus(label == 1 ? -z : z);
            } else {
                int off = ((t + 1) * outputs - 1) * outputs;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < outputs; c++) {
                    max = Math.max(max, staged[off + c]);
                }
                double sum = 0;
                for (int c = 0; c < outputs; c++) {
                    sum += Math.exp(staged[off + c] - max);
                }
                loss[t] += max + Math.log(sum) - staged[off + label];
            }
        }
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** Smile's gain importance, reordered to our feature indices. */
    static double[] gain(SmileBoosting.Fitted fitted) {
        double[] imp = fitted.model().importance();
        StructType schema = fitted.model().schema();
        double[] out = new double[fitted.features()];
        for (int i = 0; i < imp.length; i++) {
            String name = schema.field(i).name();
            out[Integer.parseInt(name.substring(1))] += imp[i];
        }
        return out;
    }

    /** Rows repeated by class weight (or as given for {@link ClassWeighting#NONE}). */
    static final class WeightedRows {
        private final double[][] x;
        private final int[] y;

        private WeightedRows(double[][] x, int[] y) {
            this.x = x;
            this.y = y;
        }

        double[][] x() {
            return x;
        }

        int[] y() {
            return y;
        }

        static WeightedRows of(double[][] x, int[] y, int k, ClassWeighting weighting) {
            if (weighting == ClassWeighting.NONE) {
                return new WeightedRows(x, y);
            }
            double[] w = weighting.weights(Inputs.classCounts(y, k));
            double min = Arrays.stream(w).min().orElse(1.0);
            int[] copies = new int[k];
            int n = 0;
            for (int c = 0; c < k; c++) {
                copies[c] = (int) Math.max(1, Math.round(w[c] / min));
            }
            for (int label : y) {
                n += copies[label];
            }
            double[][] ox = new double[n][];
            int[] oy = new int[n];
            int r = 0;
            for (int i = 0; i < y.length; i++) {
                for (int c = 0; c < copies[y[i]]; c++) {
                    ox[r] = x[i];
                    oy[r++] = y[i];
                }
            }
            return new WeightedRows(ox, oy);
        }
    }
}
