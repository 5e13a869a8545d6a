package io.github.churnkit.models.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How good churn probabilities are on labelled rows: ranking (ROC-AUC, average precision,
 * top-decile lift), probability quality (log-loss, Brier score, expected calibration error with
 * its 10-bin reliability table), the decile gains table, and the confusion matrix at a threshold.
 * See {@link Metrics} for each definition.
 *
 * <p>Immutable and thread-safe; writes itself as JSON ({@link #toJson()}).
 */
public final class EvaluationReport {

    /** Bins of the reliability table and the ECE. */
    public static final int BINS = 10;

    private final int rows;
    private final int churners;
    private final double rocAuc;
    private final double averagePrecision;
    private final double logLoss;
    private final double brier;
    private final double ece;
    private final List<ReliabilityBin> reliability;
    private final List<GainsRow> gains;
    private final ConfusionMatrix confusion;

    private EvaluationReport(double[] p, int[] y, double threshold) {
        this.churners = Metrics.check(p, y);
        this.rows = p.length;
        this.rocAuc = Metrics.rocAuc(p, y);
        this.averagePrecision = Metrics.averagePrecision(p, y);
        this.logLoss = Metrics.logLoss(p, y);
        this.brier = Metrics.brier(p, y);
        this.reliability = List.copyOf(Metrics.reliability(p, y, BINS));
        this.ece = Metrics.expectedCalibrationError(p, y, BINS);
        this.gains = List.copyOf(Metrics.gains(p, y, Math.min(10, p.length)));
        this.confusion = Metrics.confusion(p, y, threshold);
    }

    /**
     * Evaluates probabilities {@code p} against labels {@code y} with decision threshold
     * {@code threshold}.
     *
     * @throws IllegalArgumentException on empty or mismatched input, NaN probabilities, labels other
     *                                  than 0/1, or only one class present
     */
    public static EvaluationReport of(double[] p, int[] y, double threshold) {
        return new EvaluationReport(p, y, threshold);
    }

    /** Evaluates with threshold 0.5. */
    public static EvaluationReport of(double[] p, int[] y) {
        return of(p, y, 0.5);
    }

    /** Rows evaluated. */
    public int rows() {
        return rows;
    }

    /** Churners among them. */
    public int churners() {
        return churners;
    }

    /** ROC-AUC. */
    public double rocAuc() {
        return rocAuc;
    }

    /** Average precision (PR-AUC). */
    public double averagePrecision() {
        return averagePrecision;
    }

    /** Log-loss. */
    public double logLoss() {
        return logLoss;
    }

    /** Brier score. */
    public double brier() {
        return brier;
    }

    /** Expected calibration error over {@value #BINS} bins. */
    public double expectedCalibrationError() {
        return ece;
    }

    /** The reliability table. */
    public List<ReliabilityBin> reliability() {
        return reliability;
    }

    /** The decile gains table. */
    public List<GainsRow> gains() {
        return gains;
    }

    /** Lift of the top decile. */
    public double topDecileLift() {
        return gains.get(0).lift();
    }

    /** The confusion matrix at the report's threshold. */
    public ConfusionMatrix confusion() {
        return confusion;
    }

    /** The value of a summary metric by name (see {@link CrossValidationReport#METRICS}). */
    public double metric(String name) {
        return switch (Objects.requireNonNull(name, "name")) {
            case "rocAuc" -> rocAuc;
            case "averagePrecision" -> averagePrecision;
            case "logLoss" -> logLoss;
            case "brier" -> brier;
            case "ece" -> ece;
            case "topDecileLift" -> topDecileLift();
            case "precision" -> confusion.precision();
            case "recall" -> confusion.recall();
            case "f1" -> confusion.f1();
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; known: "
                    + CrossValidationReport.METRICS);
        };
    }

    /** Writes this report as one JSON object. */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rows", rows);
        g.writeNumberField("churners", churners);
        for (String m : CrossValidationReport.METRICS) {
            Json.number(g, m, metric(m));
        }
        g.writeObjectFieldStart("confusion");
        Json.number(g, "threshold", confusion.threshold());
        g.writeNumberField("truePositives", confusion.truePositives());
        g.writeNumberField("falsePositives", confusion.falsePositives());
        g.writeNumberField("trueNegatives", confusion.trueNegatives());
        g.writeNumberField("falseNegatives", confusion.falseNegatives());
        g.writeEndObject();
        g.writeArrayFieldStart("reliability");
        for (ReliabilityBin b : reliability) {
            g.writeStartObject();
            g.writeNumberField("lower", b.lower());
            g.writeNumberField("upper", b.upper());
            g.writeNumberField("count", b.count());
            Json.number(g, "meanPredicted", b.meanPredicted());
            Json.number(g, "observedRate", b.observedRate());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("gains");
        for (GainsRow r : gains) {
            g.writeStartObject();
            g.writeNumberField("group", r.group());
            g.writeNumberField("count", r.count());
            g.writeNumberField("churners", r.churners());
            Json.number(g, "rate", r.rate());
            Json.number(g, "lift", r.lift());
            Json.number(g, "cumulativeGain", r.cumulativeGain());
            Json.number(g, "cumulativeLift", r.cumulativeLift());
            g.writeEndObject();
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
        return String.format(Locale.ROOT,
                "EvaluationReport[n=%d, auc=%.4f, ap=%.4f, logloss=%.4f, brier=%.4f, ece=%.4f, lift@10%%=%.2f]",
                rows, rocAuc, averagePrecision, logLoss, brier, ece, topDecileLift());
    }
}
