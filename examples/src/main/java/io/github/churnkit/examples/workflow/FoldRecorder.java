package io.github.churnkit.examples.workflow;

import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.ChurnTrainer;
import io.github.churnkit.models.eval.CrossValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a trainer and a fold source so that, after {@link CrossValidator} has run, the held-out
 * probability of every row can be recovered: it remembers each fold's held-out rows and matrix
 * and the model trained for that fold (the cross-validator calls {@code fold} and then
 * {@code fit} once per fold, in order). Not thread-safe; one per cross-validation.
 */
final class FoldRecorder implements ChurnTrainer, CrossValidator.FoldSource {

    private final ChurnTrainer trainer;
    private final CrossValidator.FoldSource source;
    private final List<int[]> testRows = new ArrayList<>();
    private final List<double[][]> testX = new ArrayList<>();
    private final List<ChurnModel> models = new ArrayList<>();

    FoldRecorder(ChurnTrainer trainer, CrossValidator.FoldSource source) {
        this.trainer = trainer;
        this.source = source;
    }

    @Override
    public CrossValidator.FoldData fold(int[] trainRows, int[] heldOut) {
        CrossValidator.FoldData data = source.fold(trainRows, heldOut);
        testRows.add(heldOut.clone());
        testX.add(data.testX());
        return data;
    }

    @Override
    public ChurnModel fit(double[][] x, int[] y, List<String> featureNames) {
        ChurnModel m = trainer.fit(x, y, featureNames);
        models.add(m);
        return m;
    }

    @Override
    public String name() {
        return trainer.name();
    }

    /** The out-of-fold probability of each of {@code n} rows. */
    double[] outOfFold(int n) {
        if (models.size() != testRows.size()) {
            throw new IllegalStateException(models.size() + " fold models for " + testRows.size() + " folds");
        }
        double[] p = new double[n];
        for (int f = 0; f < models.size(); f++) {
            double[] pf = models.get(f).probability(testX.get(f));
            int[] rows = testRows.get(f);
            for (int i = 0; i < rows.length; i++) {
                p[rows[i]] = pf[i];
            }
        }
        return p;
    }
}
