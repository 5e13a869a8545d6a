package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.ChurnTrainer;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import io.github.churnkit.models.churn.TrainingListener;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.eval.CrossValidator;
import io.github.churnkit.models.eval.PipelineFolds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cross-validates the churn trainers on the same seeded folds (the default feature pipeline fitted
 * inside each fold), keeps the one with the higher mean ROC-AUC and refits it on all labelled rows.
 *
 * <p>Thin orchestration over {@link CrossValidator}, {@link PipelineFolds} and the trainers of
 * {@code io.github.churnkit.models.churn}; the only thing added is that the out-of-fold
 * probabilities of every trainer are kept (for ROC and precision-recall curves), by recording the
 * fold models and held-out matrices as the cross-validator builds them.
 *
 * <p>The trainers are cross-validated concurrently when there are several and more than one
 * processor; every trainer and the folds are seeded, so the results are the same either way.
 * Immutable and thread-safe.
 */
public final class ChurnTraining {

    /** Which trainer to use. */
    public enum Choice {
        /** Cross-validate logistic regression and boosted trees, keep the better. */
        AUTO,
        /** Gradient-boosted trees only. */
        GBM,
        /** Logistic regression only. */
        LOGISTIC
    }

    /**
     * Settings.
     *
     * @param choice   the trainer(s) to cross-validate
     * @param folds    cross-validation folds, at least 2
     * @param seed     seed of the folds and the trainers
     * @param maxTrees upper bound on boosting iterations (early stopping picks the number)
     */
    public record Options(Choice choice, int folds, long seed, int maxTrees) {

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(choice, "choice");
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, found " + folds);
            }
            if (maxTrees < 1) {
                throw new IllegalArgumentException("maxTrees must be at least 1, found " + maxTrees);
            }
        }

        /** AUTO, 5 folds, seed 42, up to 250 trees. */
        public static Options defaults() {
            return new Options(Choice.AUTO, 5, 42L, 250);
        }

        /** With another trainer choice. */
        public Options withChoice(Choice c) {
            return new Options(c, folds, seed, maxTrees);
        }

        /** With another number of folds. */
        public Options withFolds(int n) {
            return new Options(choice, n, seed, maxTrees);
        }

        /** With another seed. */
        public Options withSeed(long s) {
            return new Options(choice, folds, s, maxTrees);
        }

        /** With another tree limit. */
        public Options withMaxTrees(int n) {
            return new Options(choice, folds, seed, n);
        }
    }

    /**
     * One trainer's cross-validation.
     *
     * @param name       the trainer's name
     * @param report     the cross-validation report (per fold, pooled, baseline)
     * @param outOfFold  out-of-fold churn probability of every row (shared array, do not modify)
     */
    public record Candidate(String name, CrossValidationReport report, double[] outOfFold) {
        /** Checks for null. */
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(outOfFold, "outOfFold");
        }

        /** Mean ROC-AUC over the folds. */
        public double auc() {
            return report.mean("rocAuc");
        }
    }

    /**
     * The outcome.
     *
     * @param table      the labelled rows trained on
     * @param labels     their 0/1 labels
     * @param pipeline   the feature pipeline fitted on all of them
     * @param model      the chosen trainer's model, fitted on all of them
     * @param chosen     the chosen candidate
     * @param candidates every candidate, in the order tried
     */
    public record Result(CustomerTable table, int[] labels, FittedPipeline pipeline, ChurnModel model,
                         Candidate chosen, List<Candidate> candidates) {
        /** Copies the list. */
        public Result {
            candidates = List.copyOf(candidates);
        }

        /** A one-line account of the choice, e.g. "kept BoostedChurnTrainer (AUC 0.861 vs 0.845)". */
        public String choiceSummary() {
            StringBuilder sb = new StringBuilder("kept " + chosen.name()
                    + String.format(Locale.ROOT, " (cross-validated AUC %.4f", chosen.auc()));
            for (Candidate c : candidates) {
                if (c != chosen) {
                    sb.append(String.format(Locale.ROOT, " vs %.4f for %s", c.auc(), c.name()));
                }
            }
            return sb.append(')').toString();
        }
    }

    private final Options options;
    private final TrainingListener listener;

    private ChurnTraining(Options options, TrainingListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A training run with these settings. */
    public static ChurnTraining of(Options options) {
        return new ChurnTraining(options, TrainingListener.NONE);
    }

    /**
     * A copy reporting progress to {@code l}: stage "cross-validation" (folds finished of all
     * trainers), then "final model". Calls come one at a time, possibly from a worker thread.
     */
    public ChurnTraining withListener(TrainingListener l) {
        return new ChurnTraining(options, l);
    }

    /** The trainers this run compares, by name. */
    Map<String, ChurnTrainer> trainers() {
        Map<String, ChurnTrainer> m = new LinkedHashMap<>();
        if (options.choice() != Choice.GBM) {
            m.put("LogisticChurnTrainer", LogisticChurnTrainer.of(
                    LogisticChurnTrainer.Config.defaults().withSeed(options.seed())));
        }
        if (options.choice() != Choice.LOGISTIC) {
            m.put("BoostedChurnTrainer", BoostedChurnTrainer.of(BoostedChurnTrainer.Config.defaults()
                    .withSeed(options.seed()).withMaxTrees(options.maxTrees())));
        }
        return m;
    }

    /**
     * Cross-validates, chooses and refits.
     *
     * @param table a table with a binary TARGET column; rows with a missing label are left out
     * @throws IllegalArgumentException if the table has no target, or a class has fewer rows than folds
     */
    public Result fit(CustomerTable table) {
        Objects.requireNonNull(table, "table");
        String target = table.schema().target().orElseThrow(() -> new IllegalArgumentException(
                "the table has no target column; columns are " + table.schema().names())).name();
        int[] all = table.targetLabels();
        CustomerTable labelled = table.filter(r -> all[r] >= 0);
        if (labelled.rowCount() == 0) {
            throw new IllegalArgumentException("target column '" + target + "' has no labelled rows");
        }
        int[] y = labelled.targetLabels();
        FeaturePipeline spec = FeaturePipeline.defaults(labelled.schema());
        CrossValidator cv = CrossValidator.of(CrossValidator.Config.defaults()
                .withFolds(options.folds()).withSeed(options.seed()));
        Map<String, ChurnTrainer> trainers = trainers();
        List<Candidate> candidates = crossValidateAll(trainers, cv, spec, labelled, y);
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.auc() > best.auc()) {
                best = c;
            }
        }
        FittedPipeline pipeline = spec.fit(labelled);
        double[][] x = pipeline.transformOutOfFold(labelled);
        ChurnModel model = trainers.get(best.name()).fit(pipeline, x, y);
        listener.progress("final model", 1, 1);
        return new Result(labelled, y, pipeline, model, best, candidates);
    }

    /**
     * Cross-validates the trainers concurrently (one thread per trainer, at most one per processor);
     * each trainer is seeded, so the results do not depend on the threads. Progress is reported as
     * one stage, "cross-validation", counting finished folds of all trainers, from one thread at a time.
     */
    private List<Candidate> crossValidateAll(Map<String, ChurnTrainer> trainers, CrossValidator cv,
            FeaturePipeline spec, CustomerTable labelled, int[] y) {
        int total = options.folds() * trainers.size();
        AtomicInteger finished = new AtomicInteger();
        Object lock = new Object();
        TrainingListener shared = (stage, done, of) -> {
            synchronized (lock) {
                listener.progress("cross-validation", finished.incrementAndGet(), total);
            }
        };
        int threads = Math.max(1, Math.min(trainers.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "churnkit-cross-validation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Candidate>> futures = new ArrayList<>();
            for (Map.Entry<String, ChurnTrainer> e : trainers.entrySet()) {
                futures.add(pool.submit(() -> {
                    FoldRecorder recorder = new FoldRecorder(e.getValue(), PipelineFolds.of(spec, labelled));
                    CrossValidationReport report = cv.withListener(shared).crossValidate(recorder, recorder, y);
                    return new Candidate(e.getKey(), report, recorder.outOfFold(y.length));
                }));
            }
            List<Candidate> out = new ArrayList<>();
            for (Future<Candidate> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("cross-validation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The settings. */
    public Options options() {
        return options;
    }
}
