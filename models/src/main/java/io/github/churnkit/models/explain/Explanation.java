package io.github.churnkit.models.explain;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Why one customer scores as they do: the model's log-odds split into a base value (the average
 * log-odds over the training data) plus one contribution per input column, which add up to the
 * customer's log-odds.
 *
 * <p>Immutable and thread-safe.
 */
public final class Explanation {

    private final double baseValue;
    private final double rawScore;
    private final List<Reason> reasons;

    Explanation(double baseValue, double rawScore, List<Reason> reasons) {
        this.baseValue = baseValue;
        this.rawScore = rawScore;
        this.reasons = reasons.stream().sorted(Comparator.comparingDouble(Reason::contribution).reversed()).toList();
    }

    /** The base value: the expected log-odds over the training data. */
    public double baseValue() {
        return baseValue;
    }

    /** The customer's log-odds (before calibration). */
    public double rawScore() {
        return rawScore;
    }

    /** Every column's contribution, the largest (most risk-raising) first. */
    public List<Reason> reasons() {
        return reasons;
    }

    /** The up to {@code n} columns that raise this customer's risk most (positive contributions only). */
    public List<Reason> topReasons(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, found " + n);
        }
        return reasons.stream().filter(r -> r.contribution() > 0).limit(n).toList();
    }

    /** The contribution of column {@code column}, 0 if it is not among the reasons. */
    public double contributionOf(String column) {
        for (Reason r : reasons) {
            if (r.column().equals(column)) {
                return r.contribution();
            }
        }
        return 0.0;
    }

    /** Writes this explanation as one JSON object. */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("baseValue", baseValue);
        g.writeNumberField("rawScore", rawScore);
        g.writeArrayFieldStart("reasons");
        for (Reason r : reasons) {
            g.writeStartObject();
            g.writeStringField("column", r.column());
            g.writeNumberField("contribution", r.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
