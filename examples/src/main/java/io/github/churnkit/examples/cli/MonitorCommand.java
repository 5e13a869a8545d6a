package io.github.churnkit.examples.cli;

import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.scoring.monitor.DriftMonitor;
import io.github.churnkit.scoring.monitor.DriftReport;
import io.github.churnkit.scoring.monitor.DriftResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Drift of a new batch against the model's training data. */
@Command(name = "monitor",
        header = "Drift of a new batch against the training data (PSI, KS).",
        description = "Compare a new batch of customers with the model's training data: population stability index "
        + "(PSI) and Kolmogorov-Smirnov statistic per input and for the churn score, with a verdict per "
        + "input (PSI below 0.1 stable, 0.1 to 0.25 moderate, above 0.25 major).")
final class MonitorCommand extends BaseCommand {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ckb).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The new batch (CSV).")
    Path data;

    @Override
    void run() {
        Inputs.requireFile(modelFile, "--model");
        Inputs.requireCsv(data, "--data");
        ModelFiles.Loaded model = ModelFiles.load(modelFile);
        DriftMonitor monitor = DriftMonitor.of(model.drift().orElseThrow(() -> new BadInputException(
                "the model file " + modelFile + " has no training distributions (drift section)")));
        CsvIngest ingest = CsvIngest.withDefaults();
        Schema inferred = ingest.inferSchema(data);
        Schema.Builder b = inferred.toBuilder();
        for (ColumnSpec c : model.schema().schema().columns()) {
            if (inferred.contains(c.name())) {
                b.type(c.name(), c.type()).role(c.name(), c.role());
            }
        }
        CustomerTable batch = ingest.read(data, b.build()).table();
        double[][] x = model.pipeline().transform(batch);
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = model.probability(x[i]);
        }
        DriftReport report = monitor.check(batch, scores);
        List<DriftResult> all = new ArrayList<>(report.features());
        all.add(report.score());
        out().println(String.format(Locale.ROOT, "%-28s %8s %8s  %s", "input", "PSI", "KS", "verdict"));
        for (DriftResult r : all) {
            out().println(String.format(Locale.ROOT, "%-28s %8.4f %8s  %s", r.name(), r.psi(),
                    Double.isNaN(r.ks()) ? "" : String.format(Locale.ROOT, "%.4f", r.ks()), r.level()));
        }
        out().println("worst: " + report.worst() + " (" + batch.rowCount() + " rows)");
        writeJson(g -> {
            g.writeStringField("model", modelFile.toString());
            g.writeStringField("data", data.toString());
            g.writeNumberField("rows", batch.rowCount());
            g.writeStringField("worst", report.worst().name());
            g.writeArrayFieldStart("inputs");
            for (DriftResult r : all) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                JsonOut.number(g, "psi", r.psi());
                JsonOut.number(g, "ks", r.ks());
                g.writeStringField("verdict", r.level().name());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
