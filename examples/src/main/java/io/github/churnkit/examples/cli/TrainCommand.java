package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.models.eval.CrossValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a churn model on a CSV file and writes the model file. */
@Command(name = "train",
        header = "Train a churn model on a CSV file (cross-validated) and write a model file.",
        description = "Train a churn model on a CSV file (schema inferred; override with --type), print its "
        + "cross-validated metrics and write a data-only model file. With --model auto (the default) "
        + "logistic regression and boosted trees are cross-validated on the same folds and the better "
        + "(higher mean ROC-AUC) is kept.")
final class TrainCommand extends BaseCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training CSV with a header row.")
    Path data;

    @Option(names = "--target", paramLabel = "COL",
            description = "The churn label column (default: inferred, e.g. Churn, churned, Exited).")
    String target;

    @Option(names = "--id", paramLabel = "COL", description = "The customer id column (default: inferred).")
    String id;

    @Option(names = "--type", paramLabel = "COL=TYPE", split = ",",
            description = "Override an inferred column type: NUMERIC, BOOLEAN, CATEGORICAL, DATE, TEXT.")
    List<String> types = new ArrayList<>();

    @Option(names = "--model", defaultValue = "auto", paramLabel = "auto|gbm|logistic",
            description = "Trainer (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of folds and trainers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model file.")
    Path outFile;

    @Option(names = "--show-schema", description = "Print the inferred schema (role, type and reason per column).")
    boolean showSchema;

    static ChurnTraining.Choice choice(String model) {
        return switch (model.toLowerCase(Locale.ROOT)) {
            case "auto" -> ChurnTraining.Choice.AUTO;
            case "gbm", "boosted" -> ChurnTraining.Choice.GBM;
            case "logistic" -> ChurnTraining.Choice.LOGISTIC;
            default -> throw new BadInputException("--model: expected auto, gbm or logistic, found \"" + model + "\"");
        };
    }

    @Override
    void run() {
        ChurnTraining.Choice c = choice(model);
        ChurnTraining.Result r;
        CsvIngest.Result read;
        try (StageProgress progress = progress()) {
            read = Inputs.readTable(data, target, id, types);
            CustomerTable table = read.table();
            Inputs.requireTarget(table, data);
            r = ChurnTraining.of(ChurnTraining.Options.defaults().withChoice(c).withFolds(folds).withSeed(seed))
                    .withListener(progress::progress).fit(table);
            ModelFiles.write(new ModelFiles.Parts(r.table(), r.pipeline(), r.model(), r.chosen().report()), null,
                    null, outFile);
        }
        if (showSchema) {
            out().println(read.table().schema().explain());
        }
        out().println(String.format(Locale.ROOT, "read %d rows of %s (%d rejected); target '%s', %d churners",
                read.report().rowsAccepted(), data, read.report().rowsRejected(),
                r.table().schema().target().orElseThrow().name(), countOnes(r.labels())));
        for (ChurnTraining.Candidate cand : r.candidates()) {
            CrossValidationReport cv = cand.report();
            out().println(String.format(Locale.ROOT,
                    "%-22s %d-fold cross-validated AUC %.4f +- %.4f, average precision %.4f, Brier %.4f (no-skill %.4f), "
                            + "ECE %.4f, lift@10%% %.2f", cand.name(), folds, cv.mean("rocAuc"), cv.sd("rocAuc"),
                    cv.mean("averagePrecision"), cv.mean("brier"), cv.baselineMean("brier"), cv.mean("ece"),
                    cv.mean("topDecileLift")));
        }
        out().println(r.choiceSummary());
        out().println("wrote " + outFile);
        writeJson(g -> {
            g.writeStringField("data", data.toString());
            g.writeNumberField("rows", r.table().rowCount());
            g.writeNumberField("churners", countOnes(r.labels()));
            g.writeStringField("target", r.table().schema().target().orElseThrow().name());
            g.writeStringField("chosenModel", r.chosen().name());
            g.writeArrayFieldStart("models");
            for (ChurnTraining.Candidate cand : r.candidates()) {
                g.writeStartObject();
                g.writeStringField("trainer", cand.name());
                CliJson.cvMeans(g, cand.report());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("modelFile", outFile.toString());
        });
    }

    static int countOnes(int[] y) {
        int n = 0;
        for (int v : y) {
            n += v == 1 ? 1 : 0;
        }
        return n;
    }
}
