package io.github.churnkit.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.eval.EvaluationReport;
import io.github.churnkit.models.segment.SegmentProfile;
import java.io.IOException;
import java.util.List;

/** JSON fragments shared by several subcommands (documented in docs/cli.md). */
final class CliJson {

    private CliJson() {
    }

    /** {@code "cv": {"folds": n, "mean": {metric: v}, "sd": {...}, "baselineMean": {...}}}. */
    static void cvMeans(JsonGenerator g, CrossValidationReport r) throws IOException {
        g.writeObjectFieldStart("cv");
        g.writeNumberField("folds", r.folds().size());
        for (String kind : List.of("mean", "sd", "baselineMean")) {
            g.writeObjectFieldStart(kind);
            for (String m : CrossValidationReport.METRICS) {
                double v = switch (kind) {
                    case "mean" -> r.mean(m);
                    case "sd" -> r.sd(m);
                    default -> r.baselineMean(m);
                };
                JsonOut.number(g, m, v);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** {@code "metrics": {rows, churners, rocAuc, averagePrecision, logLoss, brier, ece, topDecileLift}}. */
    static void metrics(JsonGenerator g, EvaluationReport r) throws IOException {
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("rows", r.rows());
        g.writeNumberField("churners", r.churners());
        JsonOut.number(g, "rocAuc", r.rocAuc());
        JsonOut.number(g, "averagePrecision", r.averagePrecision());
        JsonOut.number(g, "logLoss", r.logLoss());
        JsonOut.number(g, "brier", r.brier());
        JsonOut.number(g, "ece", r.expectedCalibrationError());
        JsonOut.number(g, "topDecileLift", r.topDecileLift());
        g.writeEndObject();
    }

    /** {@code "segments": [{id, name, size, share, churnRate, meanChurnProbability, meanRevenue, meanClv}]}. */
    static void segments(JsonGenerator g, List<SegmentProfile> profiles) throws IOException {
        g.writeArrayFieldStart("segments");
        for (SegmentProfile p : profiles) {
            g.writeStartObject();
            g.writeNumberField("id", p.id());
            g.writeStringField("name", p.name());
            g.writeNumberField("size", p.size());
            JsonOut.number(g, "share", p.share());
            JsonOut.number(g, "churnRate", p.churnRate());
            JsonOut.number(g, "meanChurnProbability", p.meanChurnProbability());
            JsonOut.number(g, "meanRevenue", p.meanRevenue());
            JsonOut.number(g, "meanClv", p.meanClv());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
