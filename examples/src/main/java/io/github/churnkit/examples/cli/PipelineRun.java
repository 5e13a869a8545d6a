package io.github.churnkit.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.examples.report.HtmlReport;
import io.github.churnkit.examples.workflow.AnalysisFiles;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.CustomerAnalysis;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.examples.workflow.RetentionOffer;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.segment.SegmentProfile;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Runs the whole analysis on a table and writes its files (shared by {@code demo} and {@code report}). */
final class PipelineRun {

    private PipelineRun() {
    }

    /** What was produced and where. */
    record Outcome(CustomerAnalysis.Analysis analysis, Path dir, int scored, int targets, long seconds) {

        void print(PrintWriter out) {
            ChurnTraining.Result t = analysis.training();
            out.println(String.format(Locale.ROOT, "customers: %d, churned: %d (%.1f%%)", analysis.kpis().customers(),
                    analysis.kpis().churned(), 100 * analysis.kpis().churnRate()));
            for (ChurnTraining.Candidate c : t.candidates()) {
                CrossValidationReport r = c.report();
                out.println(String.format(Locale.ROOT,
                        "%-22s cross-validated AUC %.4f +- %.4f, average precision %.4f, Brier %.4f, lift@10%% %.2f",
                        c.name(), r.mean("rocAuc"), r.sd("rocAuc"), r.mean("averagePrecision"), r.mean("brier"),
                        r.mean("topDecileLift")));
            }
            out.println(t.choiceSummary());
            out.println("segments (" + analysis.profiles().size() + "):");
            for (SegmentProfile p : analysis.profiles()) {
                out.println(String.format(Locale.ROOT, "  %d %-45s %5.1f%%  churn %5.1f%%  mean CLV %8.2f", p.id(),
                        p.name(), 100 * p.share(), 100 * p.churnRate(), p.meanClv()));
            }
            if (analysis.retention() != null) {
                SbgParameters sbg = analysis.retention().model().parameters();
                out.println(String.format(Locale.ROOT, "retention (sBG): alpha %.3f, beta %.3f", sbg.alpha(),
                        sbg.beta()));
            }
            out.println("wrote " + dir.resolve("report.html") + ", " + dir.resolve("scores.csv") + " (" + scored
                    + " customers), " + dir.resolve("retention-targets.csv") + " (" + targets + " customers), "
                    + dir.resolve("model.ckb") + " in " + seconds + " s");
        }

        void writeJson(JsonGenerator g) throws IOException {
            ChurnTraining.Result t = analysis.training();
            g.writeNumberField("customers", analysis.kpis().customers());
            g.writeNumberField("churned", analysis.kpis().churned());
            g.writeStringField("chosenModel", t.chosen().name());
            g.writeArrayFieldStart("models");
            for (ChurnTraining.Candidate c : t.candidates()) {
                g.writeStartObject();
                g.writeStringField("trainer", c.name());
                CliJson.cvMeans(g, c.report());
                g.writeEndObject();
            }
            g.writeEndArray();
            CliJson.segments(g, analysis.profiles());
            if (analysis.retention() != null) {
                g.writeObjectFieldStart("retention");
                JsonOut.number(g, "alpha", analysis.retention().model().parameters().alpha());
                JsonOut.number(g, "beta", analysis.retention().model().parameters().beta());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("files");
            g.writeStringField("report", dir.resolve("report.html").toString());
            g.writeStringField("scores", dir.resolve("scores.csv").toString());
            g.writeStringField("retentionTargets", dir.resolve("retention-targets.csv").toString());
            g.writeStringField("model", dir.resolve("model.ckb").toString());
            g.writeEndObject();
            g.writeNumberField("scoredCustomers", scored);
            g.writeNumberField("retentionTargets", targets);
        }
    }

    static Outcome run(CustomerTable table, CustomerAnalysis.Options options, RetentionOffer offer, Path dir,
            StageProgress progress) {
        long start = System.nanoTime();
        CustomerAnalysis.Analysis a = CustomerAnalysis.of(options).withListener(progress::progress).run(table);
        int scored = AnalysisFiles.writeScores(a, dir.resolve("scores.csv"));
        int targets = AnalysisFiles.writeTargets(a, offer, dir.resolve("retention-targets.csv"));
        ModelFiles.write(new ModelFiles.Parts(a.training().table(), a.training().pipeline(), a.training().model(),
                a.training().chosen().report()), a.segments(), a.retention(), dir.resolve("model.ckb"));
        progress.progress("writing files", 1, 2);
        HtmlReport.write(a, offer, dir.resolve("report.html"));
        progress.progress("writing files", 2, 2);
        progress.close();
        return new Outcome(a, dir, scored, targets, (System.nanoTime() - start) / 1_000_000_000L);
    }
}
