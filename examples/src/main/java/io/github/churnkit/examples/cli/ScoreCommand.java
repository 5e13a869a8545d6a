package io.github.churnkit.examples.cli;

import io.github.churnkit.scoring.ClvEvaluator;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.examples.workflow.StreamingScorer;
import io.github.churnkit.scoring.ClvInputs;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores a CSV file with a model file, streaming. */
@Command(name = "score",
        header = "Score a CSV file with a model file (streaming).",
        description = "Score every row of a CSV file with a model file written by train or demo: churn probability, "
        + "risk band, segment (when the model has segments), CLV with its confidence interval (when the model "
        + "has CLV inputs: clv, clv_low, clv_high) and the top three reasons. Rows are streamed, so files of "
        + "millions of rows are scored in constant memory.")
final class ScoreCommand extends BaseCommand {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ckb).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Customers to score (CSV).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the scores (CSV).")
    Path outFile;

    @Option(names = "--id", paramLabel = "COL", description = "Id column to copy (default: the model's id column).")
    String id;

    /** One line on the CLV columns: how many customers got one, their total, and what the bounds are. */
    static String clvSummary(ClvEvaluator v, StreamingScorer.Result r) {
        ClvInputs in = v.inputs();
        String from = in.method() == ClvInputs.Method.SBG
                ? String.format(Locale.ROOT, "sBG, revenue '%s', renewals '%s'", in.revenueColumn(), in.renewalsColumn())
                : String.format(Locale.ROOT, "churn probability, revenue '%s'", in.revenueColumn());
        String interval = v.hasInterval()
                ? String.format(Locale.ROOT, "; clv_low, clv_high: %.0f%% confidence interval of each expected CLV",
                        100 * v.level())
                : "; no interval in the model file (clv_low, clv_high empty)";
        return String.format(Locale.ROOT, "CLV (%s): %d of %d customers valued, total %.2f%s", from,
                r.customersWithClv(), r.rows(), r.clvTotal(), interval);
    }

    @Override
    void run() throws Exception {
        Inputs.requireFile(modelFile, "--model");
        Inputs.requireCsv(data, "--data");
        ModelFiles.Loaded model = ModelFiles.load(modelFile);
        Optional<ClvEvaluator> clv = model.clvEvaluator();
        long size = Files.size(data);
        StreamingScorer.Result result;
        long start = System.nanoTime();
        try (StageProgress progress = progress();
             Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8);
             Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            result = new StreamingScorer(model, (n, chars) -> progress.progress("scoring " + data.getFileName(),
                    Math.min(chars, size), size)).score(in, w, data.toString(), id);
        } catch (UncheckedIOException e) {
            throw Inputs.notText(data, e);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long rows = result.rows();
        out().println(String.format(Locale.ROOT, "scored %d rows of %s into %s in %.1f s", rows, data, outFile, secs));
        clv.ifPresent(v -> out().println(clvSummary(v, result)));
        writeJson(g -> {
            g.writeStringField("model", modelFile.toString());
            g.writeStringField("data", data.toString());
            g.writeStringField("out", outFile.toString());
            g.writeNumberField("rows", rows);
            g.writeBooleanField("segments", model.segments().isPresent());
            g.writeArrayFieldStart("columns");
            for (String c : result.columns()) {
                g.writeString(c);
            }
            g.writeEndArray();
            if (clv.isEmpty()) {
                g.writeNullField("clv");
                return;
            }
            ClvInputs in = clv.get().inputs();
            g.writeObjectFieldStart("clv");
            g.writeStringField("method", in.method().name());
            g.writeStringField("revenueColumn", in.revenueColumn());
            if (in.method() == ClvInputs.Method.SBG) {
                g.writeStringField("renewalsColumn", in.renewalsColumn());
            } else {
                g.writeNullField("renewalsColumn");
            }
            JsonOut.number(g, "intervalLevel", clv.get().level());
            g.writeNumberField("customers", result.customersWithClv());
            JsonOut.number(g, "total", result.clvTotal());
            JsonOut.number(g, "mean", result.customersWithClv() == 0 ? Double.NaN
                    : result.clvTotal() / result.customersWithClv());
            g.writeEndObject();
        });
    }
}
