package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.CustomerAnalysis;
import io.github.churnkit.examples.workflow.RetentionOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole analysis and the HTML report on the user's own labelled CSV. */
@Command(name = "report",
        header = "The whole analysis and HTML report on your own CSV.",
        description = "Run the whole analysis on your labelled customer CSV (the demo's steps: cross-validated churn "
        + "model, segments, CLV, scores, KPIs) and write report.html, scores.csv, retention-targets.csv "
        + "and model.ckb into --out.")
final class ReportCommand extends BaseCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled customer CSV.")
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "The churn label column (default: inferred).")
    String target;

    @Option(names = "--id", paramLabel = "COL", description = "The customer id column (default: inferred).")
    String id;

    @Option(names = "--out", defaultValue = "churnkit-report", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--model", defaultValue = "auto", paramLabel = "auto|gbm|logistic",
            description = "Trainer (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--segment-columns", split = ",", paramLabel = "A,B,..",
            description = "Columns to segment on (default: every feature column).")
    List<String> segmentColumns = new ArrayList<>();

    @Option(names = "--offer-cost", defaultValue = "10", description = "Retention offer cost (default: ${DEFAULT-VALUE}).")
    double offerCost;

    @Option(names = "--offer-success", defaultValue = "0.3",
            description = "Share of would-be churners an offer keeps (default: ${DEFAULT-VALUE}).")
    double offerSuccess;

    @Mixin
    KpiColumnOptions columns;

    @Override
    void run() throws Exception {
        RetentionOffer offer = new RetentionOffer(offerCost, offerSuccess);
        ChurnTraining.Choice choice = TrainCommand.choice(model);
        PipelineRun.Outcome outcome;
        try (StageProgress progress = progress()) {
            CustomerTable table = Inputs.readTable(data, target, id, List.of()).table();
            Inputs.requireTarget(table, data);
            Files.createDirectories(outDir);
            CustomerAnalysis.Options options = CustomerAnalysis.Options.defaults(columns.columns(table))
                    .withTraining(ChurnTraining.Options.defaults().withChoice(choice).withFolds(folds))
                    .withSegmentColumns(segmentColumns);
            outcome = PipelineRun.run(table, options, offer, outDir, progress);
        }
        outcome.print(out());
        writeJson(outcome::writeJson);
    }
}
