package io.github.churnkit.models.explain;

import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Per-customer reasons from a binary churn model: exact contributions of the runtime form (linear
 * terms for logistic regression, TreeSHAP for boosted trees) summed per input column.
 *
 * <pre>{@code
 * Explainer why = Explainer.of(model, FeatureGroups.of(fittedPipeline));
 * List<Reason> top = why.explain(x).topReasons(3);   // e.g. Contract +0.9, tenure +0.6, ...
 * }</pre>
 *
 * <p>Contributions are in log-odds of the uncalibrated model; the calibrator is monotone, so the
 * order of reasons and their signs carry over. Immutable and thread-safe.
 */
public final class Explainer {

    private final ChurnPredictor predictor;
    private final FeatureGroups groups;

    private Explainer(ChurnPredictor predictor, FeatureGroups groups) {
        this.predictor = predictor;
        this.groups = groups;
    }

    /**
     * An explainer for {@code model} with columns given by {@code groups}.
     *
     * @throws IllegalArgumentException if the model is not binary or the groups cover another number
     *                                  of features
     */
    public static Explainer of(ChurnModel model, FeatureGroups groups) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(groups, "groups");
        if (model.classCount() != 2) {
            throw new IllegalArgumentException("per-customer reasons need a binary churn model, this one has "
                    + model.classCount() + " classes");
        }
        if (groups.featureCount() != model.predictor().featureCount()) {
            throw new IllegalArgumentException("the groups cover " + groups.featureCount()
                    + " features but the model reads " + model.predictor().featureCount());
        }
        return new Explainer(model.predictor(), groups);
    }

    /**
     * Explains one feature vector.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong width
     */
    public Explanation explain(double[] x) {
        double[] phi = predictor.contributions(x, 0);
        double[] byGroup = groups.sum(phi, false);
        List<Reason> reasons = new ArrayList<>(byGroup.length);
        for (int g = 0; g < byGroup.length; g++) {
            reasons.add(new Reason(groups.groups().get(g), byGroup[g]));
        }
        return new Explanation(predictor.expectedRawScore(0), predictor.rawScore(x, 0), reasons);
    }
}
