package io.github.churnkit.examples.cli;

import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.examples.workflow.StreamingScorer;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores a CSV file with a model file, streaming. */
@Command(name = "score",
        header = "Score a CSV file with a model file (streaming).",
        description = "Score every row of a CSV file with a model file written by train or demo: churn probability, "
        + "risk band, segment (when the model has segments) and the top three reasons. Rows are streamed, "
        + "so files of millions of rows are scored in constant memory.")
final class ScoreCommand extends BaseCommand {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ckb).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Customers to score (CSV).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the scores (CSV).")
    Path outFile;

    @Option(names = "--id", paramLabel = "COL", description = "Id column to copy (default: the model's id column).")
    String id;

    @Override
    void run() throws Exception {
        Inputs.requireFile(modelFile, "--model");
        Inputs.requireCsv(data, "--data");
        ModelFiles.Loaded model = ModelFiles.load(modelFile);
        long size = Files.size(data);
        long rows;
        long start = System.nanoTime();
        try (StageProgress progress = progress();
             Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8);
             Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            rows = new StreamingScorer(model, (n, chars) -> progress.progress("scoring " + data.getFileName(),
                    Math.min(chars, size), size)).score(in, w, data.toString(), id);
        } catch (UncheckedIOException e) {
            throw Inputs.notText(data, e);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        out().println(String.format(Locale.ROOT, "scored %d rows of %s into %s in %.1f s", rows, data, outFile, secs));
        writeJson(g -> {
            g.writeStringField("model", modelFile.toString());
            g.writeStringField("data", data.toString());
            g.writeStringField("out", outFile.toString());
            g.writeNumberField("rows", rows);
            g.writeBooleanField("segments", model.segments().isPresent());
        });
    }
}
