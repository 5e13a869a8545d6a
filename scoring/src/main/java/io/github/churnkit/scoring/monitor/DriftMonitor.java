package io.github.churnkit.scoring.monitor;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a new batch of customers (and the scores the model gave them) with the training
 * distributions stored in the bundle, so a service or a nightly job can tell when to retrain.
 *
 * <p><b>Population stability index.</b> Over matching bins (the stored quantile bins plus a
 * missing bin for numeric inputs; training levels, an "other" bin for unseen levels and a missing
 * bin for categorical inputs), with {@code e_i} the training and {@code a_i} the batch proportion
 * of bin {@code i}:
 * <pre>PSI = sum_i (a_i - e_i) ln(a_i / e_i)</pre>
 * An empty bin would make a term infinite, so every proportion is first floored at
 * {@code epsilon = 1e-4} (without renormalising): a bin empty on both sides contributes 0, and a bin
 * empty on one side contributes a large but finite term. The verdict per input follows
 * {@link DriftLevel#of(double)} (PSI &lt; 0.1 stable, 0.1 to 0.25 moderate, &gt; 0.25 major).
 *
 * <p><b>Kolmogorov-Smirnov.</b> The two-sample statistic
 * {@code D = sup_x |F_batch(x) - F_train(x)|} over non-missing values. The bundle keeps only the
 * training quantile bins, so the training ECDF is known exactly at the bin edges, and D is
 * evaluated there: {@code D_binned = max_j |A_j - E_j|} with {@code A_j, E_j} the cumulative batch
 * and training proportions up to edge {@code j}. Since both ECDFs are monotone between edges,
 * {@code D_binned <= D <= D_binned + max_j t_j}, where {@code t_j} is the training proportion of bin
 * {@code j} (about {@code 1/bins} for quantile bins): with 10 bins the approximation may miss at most
 * about 0.1. KS is reported for numeric inputs and the score, and is NaN for categorical inputs.
 *
 * <p>Missing values count in the PSI (a rise in missing values is drift) but not in KS. Immutable
 * and thread-safe; each call allocates only its own counters.
 */
public final class DriftMonitor {

    private final TrainingDistributions training;

    private DriftMonitor(TrainingDistributions training) {
        this.training = training;
    }

    /** A monitor against the given training distributions. */
    public static DriftMonitor of(TrainingDistributions training) {
        return new DriftMonitor(Objects.requireNonNull(training, "training"));
    }

    /** The training distributions compared against. */
    public TrainingDistributions training() {
        return training;
    }

    /**
     * Drift of every summarised input and of the score.
     *
     * @param batch  new customers; must hold every summarised input column with a compatible type
     *               (extra columns are ignored)
     * @param scores the model's score per batch row
     * @throws IllegalArgumentException if the batch is empty, lacks an input, has an input of the
     *                                  wrong type, or the lengths differ
     */
    public DriftReport check(CustomerTable batch, double[] scores) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(scores, "scores");
        if (scores.length != batch.rowCount()) {
            throw new IllegalArgumentException("need one score per batch row: " + batch.rowCount()
                    + " rows, " + scores.length + " scores");
        }
        List<DriftResult> results = new ArrayList<>();
        for (Object f : training.features()) {
            String name = TrainingDistributions.nameOf(f);
            if (!batch.schema().contains(name)) {
                throw new IllegalArgumentException("batch lacks input column '" + name + "'; it has "
                        + batch.schema().names());
            }
            Column c = batch.column(name);
            if (f instanceof NumericDistribution n) {
                results.add(n.compare(TrainingDistributions.numericValues(c)));
            } else if (c instanceof CategoricalColumn k) {
                results.add(((CategoricalDistribution) f).compare(k));
            } else {
                throw new IllegalArgumentException("input column '" + name + "' was categorical in training,"
                        + " found " + c.type());
            }
        }
        return new DriftReport(results, checkScores(scores));
    }

    /**
     * Drift of the score alone, for a service that records only its scores.
     *
     * @throws IllegalArgumentException if {@code scores} is empty
     */
    public DriftResult checkScores(double[] scores) {
        return training.score().compare(scores);
    }
}
