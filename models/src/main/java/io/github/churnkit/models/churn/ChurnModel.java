package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.ChurnPredictor;
import io.github.churnkit.scoring.churn.ProbabilityCalibrator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained churn model: its runtime form (a {@link ChurnPredictor}), an optional calibrator
 * fitted on held-out rows, the feature names, the model's own global importance and its
 * provenance. Produced by a {@link ChurnTrainer}.
 *
 * <p>For a binary target {@link #probability(double[])} is the calibrated churn probability
 * (class 1). Multi-class models carry no calibrator; their {@link #probabilities(double[])} are the
 * predictor's.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnModel {

    private final ChurnPredictor predictor;
    private final ProbabilityCalibrator calibrator;
    private final List<String> featureNames;
    private final FeatureImportance importance;
    private final TrainingProvenance provenance;

    ChurnModel(ChurnPredictor predictor, ProbabilityCalibrator calibrator, List<String> featureNames,
            FeatureImportance importance, TrainingProvenance provenance) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.calibrator = calibrator;
        this.featureNames = List.copyOf(featureNames);
        this.importance = Objects.requireNonNull(importance, "importance");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        if (calibrator != null && predictor.classCount() != 2) {
            throw new IllegalArgumentException("a calibrator needs a binary model, this one has "
                    + predictor.classCount() + " classes");
        }
    }

    /** The runtime form, for the scoring module. */
    public ChurnPredictor predictor() {
        return predictor;
    }

    /** The calibrator, if one was fitted. */
    public Optional<ProbabilityCalibrator> calibrator() {
        return Optional.ofNullable(calibrator);
    }

    /** Feature names, in column order of the matrix the model reads. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of classes. */
    public int classCount() {
        return predictor.classCount();
    }

    /** The model's own global feature importance. */
    public FeatureImportance importance() {
        return importance;
    }

    /** Where the model came from. */
    public TrainingProvenance provenance() {
        return provenance;
    }

    /**
     * The calibrated probability of class 1 (churn) for one feature vector; uncalibrated when the
     * model has no calibrator.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong width
     */
    public double probability(double[] x) {
        double p = predictor.probability(x);
        return calibrator == null ? p : calibrator.calibrate(p);
    }

    /** The probability of class 1 before calibration. */
    public double uncalibratedProbability(double[] x) {
        return predictor.probability(x);
    }

    /** Calibrated probabilities of class 1 for every row of {@code x}. */
    public double[] probability(double[][] x) {
        Objects.requireNonNull(x, "x");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = probability(x[i]);
        }
        return out;
    }

    /** Probabilities of every class (calibrated for a binary model with a calibrator). */
    public double[] probabilities(double[] x) {
        double[] out = new double[predictor.classCount()];
        predictor.probabilities(x, out);
        if (calibrator != null) {
            out[1] = calibrator.calibrate(out[1]);
            out[0] = 1.0 - out[1];
        }
        return out;
    }

    /** This model with another calibrator ({@code null} for none). */
    public ChurnModel withCalibrator(ProbabilityCalibrator newCalibrator) {
        return new ChurnModel(predictor, newCalibrator, featureNames, importance, provenance);
    }

    @Override
    public String toString() {
        return "ChurnModel[" + provenance.trainer() + ", " + predictor + ", calibrator=" + calibrator + "]";
    }
}
