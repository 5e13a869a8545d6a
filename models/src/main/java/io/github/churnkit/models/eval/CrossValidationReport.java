package io.github.churnkit.models.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a k-fold cross-validation: one {@link EvaluationReport} per held-out fold for the
 * model and for the no-skill baseline trained on the same folds, the mean and standard deviation
 * of each metric over folds (sample standard deviation, {@code n - 1} in the denominator), and a
 * report on all out-of-fold predictions pooled.
 *
 * <p>Immutable and thread-safe; writes itself as JSON ({@link #toJson()}).
 */
public final class CrossValidationReport {

    /** The summary metrics, by the names {@link EvaluationReport#metric(String)} accepts. */
    public static final List<String> METRICS = List.of("rocAuc", "averagePrecision", "logLoss", "brier", "ece",
            "topDecileLift", "precision", "recall", "f1");

    private final String trainer;
    private final long seed;
    private final List<EvaluationReport> folds;
    private final List<EvaluationReport> baselineFolds;
    private final EvaluationReport pooled;

    CrossValidationReport(String trainer, long seed, List<EvaluationReport> folds,
            List<EvaluationReport> baselineFolds, EvaluationReport pooled) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.seed = seed;
        this.folds = List.copyOf(folds);
        this.baselineFolds = List.copyOf(baselineFolds);
        this.pooled = Objects.requireNonNull(pooled, "pooled");
        if (this.folds.size() < 2 || this.folds.size() != this.baselineFolds.size()) {
            throw new IllegalArgumentException("need at least 2 folds and one baseline per fold, found "
                    + this.folds.size() + " and " + this.baselineFolds.size());
        }
    }

    /** The trainer's name. */
    public String trainer() {
        return trainer;
    }

    /** The fold seed. */
    public long seed() {
        return seed;
    }

    /** The model's report on each held-out fold. */
    public List<EvaluationReport> folds() {
        return folds;
    }

    /** The baseline's report on each held-out fold. */
    public List<EvaluationReport> baselineFolds() {
        return baselineFolds;
    }

    /** The model's report on all out-of-fold predictions together. */
    public EvaluationReport pooled() {
        return pooled;
    }

    /** Mean of {@code metric} over the model's folds. */
    public double mean(String metric) {
        return mean(folds, metric);
    }

    /** Sample standard deviation of {@code metric} over the model's folds. */
    public double sd(String metric) {
        return sd(folds, metric);
    }

    /** Mean of {@code metric} over the baseline's folds. */
    public double baselineMean(String metric) {
        return mean(baselineFolds, metric);
    }

    private static double mean(List<EvaluationReport> reports, String metric) {
        double s = 0;
        for (EvaluationReport r : reports) {
            s += r.metric(metric);
        }
        return s / reports.size();
    }

    private static double sd(List<EvaluationReport> reports, String metric) {
        double m = mean(reports, metric);
        double s = 0;
        for (EvaluationReport r : reports) {
            double d = r.metric(metric) - m;
            s += d * d;
        }
        return Math.sqrt(s / (reports.size() - 1));
    }

    /** Writes this report as one JSON object. */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("trainer", trainer);
        g.writeNumberField("folds", folds.size());
        g.writeNumberField("seed", seed);
        g.writeObjectFieldStart("summary");
        for (String m : METRICS) {
            g.writeObjectFieldStart(m);
            Json.number(g, "mean", mean(m));
            Json.number(g, "sd", sd(m));
            Json.number(g, "baselineMean", baselineMean(m));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeFieldName("pooled");
        pooled.writeJson(g);
        g.writeArrayFieldStart("perFold");
        for (EvaluationReport r : folds) {
            r.writeJson(g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** This report as pretty-printed JSON. */
    public String toJson() {
        return Json.toString(this::writeJson);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CrossValidationReport[%s, %d folds, auc=%.4f±%.4f, brier=%.4f, ece=%.4f]",
                trainer, folds.size(), mean("rocAuc"), sd("rocAuc"), mean("brier"), mean("ece"));
    }
}
