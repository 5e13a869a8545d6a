package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.examples.workflow.SubscriptionClv;
import io.github.churnkit.models.clv.ClvFitException;
import io.github.churnkit.models.eval.CrossValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a churn model on a CSV file and writes the model file, with subscription CLV when it can. */
@Command(name = "train",
        header = "Train a churn model on a CSV file (cross-validated) and write a model file.",
        description = "Train a churn model on a CSV file (schema inferred; override with --type), print its "
        + "cross-validated metrics and write a data-only model file. With --model auto (the default) "
        + "logistic regression and boosted trees are cross-validated on the same folds and the better "
        + "(higher mean ROC-AUC) is kept. With a tenure and a revenue column (named, or inferred from "
        + "tenure_months/tenure and monthly_fee/MonthlyCharges) the file also holds a shifted-beta-geometric "
        + "retention model fitted on tenure and churn, so that scoring gives every customer a CLV "
        + "(margin 30%%, 1%% discount per period, 36 periods) with a 90%% confidence interval.")
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

    @Option(names = "--tenure-col", paramLabel = "COL",
            description = "Tenure in periods (e.g. months), for the retention model and CLV (default: inferred, "
                    + "e.g. tenure_months, tenure).")
    String tenureCol;

    @Option(names = "--revenue-col", paramLabel = "COL",
            description = "Revenue per period, for CLV (default: inferred, e.g. monthly_fee, MonthlyCharges).")
    String revenueCol;

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
        SubscriptionClv clv = null;
        String clvNote;
        try (StageProgress progress = progress()) {
            read = Inputs.readTable(data, target, id, types);
            CustomerTable table = read.table();
            Inputs.requireTarget(table, data);
            ClvColumnChoice columns = ClvColumnChoice.of(table, tenureCol, revenueCol, data); // named columns fail now
            r = ChurnTraining.of(ChurnTraining.Options.defaults().withChoice(c).withFolds(folds).withSeed(seed))
                    .withListener(progress::progress).fit(table);
            clvNote = columns.note();
            if (columns.columns() != null) {
                try {
                    clv = SubscriptionClv.fit(r.table(), r.labels(), columns.columns(),
                            SubscriptionClv.DEFAULT_SETTINGS);
                } catch (ClvFitException e) {
                    clvNote = "no CLV: " + e.getMessage();
                }
            }
            ModelFiles.write(new ModelFiles.Parts(r.table(), r.pipeline(), r.model(), r.chosen().report()), null,
                    clv, outFile);
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
        if (clv != null) {
            out().println(describe(clv));
        }
        if (!clvNote.isEmpty()) {
            out().println(clvNote);
        }
        out().println("wrote " + outFile);
        SubscriptionClv written = clv;
        String note = clvNote;
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
            if (written == null || written.inputs().isEmpty()) {
                g.writeNullField("clv");
            } else {
                g.writeObjectFieldStart("clv");
                g.writeStringField("tenureColumn", written.columns().tenure());
                g.writeStringField("revenueColumn", written.columns().revenue());
                JsonOut.number(g, "alpha", written.model().parameters().alpha());
                JsonOut.number(g, "beta", written.model().parameters().beta());
                JsonOut.number(g, "margin", written.settings().margin());
                JsonOut.number(g, "discountRate", written.settings().discountRate());
                g.writeNumberField("horizon", written.settings().horizon());
                JsonOut.number(g, "intervalLevel", written.model().uncertainty(ModelFiles.CLV_LEVEL).isPresent()
                        ? ModelFiles.CLV_LEVEL : Double.NaN);
                g.writeEndObject();
            }
            if (!note.isEmpty()) {
                g.writeStringField("clvNote", note);
            }
        });
    }

    /** One line on what the model file holds for CLV. */
    static String describe(SubscriptionClv clv) {
        String fit = String.format(Locale.ROOT, "retention (sBG on '%s'): alpha %.3f, beta %.3f",
                clv.columns().tenure(), clv.model().parameters().alpha(), clv.model().parameters().beta());
        if (clv.inputs().isEmpty()) {
            return fit;
        }
        return fit + String.format(Locale.ROOT, "; CLV = %.0f%% margin x '%s' x discounted expected lifetime "
                + "(%.1f%% discount per period, %d periods), renewals from '%s'%s", 100 * clv.settings().margin(),
                clv.columns().revenue(), 100 * clv.settings().discountRate(), clv.settings().horizon(),
                clv.columns().tenure(), clv.model().uncertainty(ModelFiles.CLV_LEVEL).isPresent()
                        ? String.format(Locale.ROOT, ", with a %.0f%% interval", 100 * ModelFiles.CLV_LEVEL)
                        : ", no interval (the fit has no covariance)");
    }

    static int countOnes(int[] y) {
        int n = 0;
        for (int v : y) {
            n += v == 1 ? 1 : 0;
        }
        return n;
    }
}
