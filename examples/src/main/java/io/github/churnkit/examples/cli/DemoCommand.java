package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.examples.workflow.BusinessKpis;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.CustomerAnalysis;
import io.github.churnkit.examples.workflow.RetentionOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: a synthetic subscription base, then training, evaluation, segments, CLV, scores,
 * the report and the model file, in one command with nothing to download.
 */
@Command(name = "demo",
        header = "Synthetic customer base end to end: model, segments, CLV, scores, report.",
        description = "Generate a synthetic streaming-service customer base (seeded), then cross-validate logistic "
        + "regression and boosted trees and keep the better, segment the customers, estimate CLV, score "
        + "everyone and write the report, the scored CSV, the retention target list and the model file.")
final class DemoCommand extends BaseCommand {

    /** The columns the demo segments on: behaviour and product, not demographics noise. */
    static final List<String> SEGMENT_COLUMNS = List.of("plan", "device", "profiles", "age", "weekly_watch_hours",
            "tenure_months", "favourite_genre");

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "churnkit-demo-output",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--customers", defaultValue = "20000", description = "Customers to generate (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--folds", defaultValue = "3", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--max-trees", defaultValue = "100",
            description = "Upper bound on boosting iterations (default: ${DEFAULT-VALUE}).")
    int maxTrees;

    @Override
    void run() throws Exception {
        if (customers < 100) {
            throw new BadInputException("--customers must be at least 100, found " + customers);
        }
        Files.createDirectories(outDir);
        PipelineRun.Outcome outcome;
        try (StageProgress progress = progress()) {
            progress.progress("generating customers", 0, 1);
            CustomerTable table = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
                    .withCustomers(customers).withSeed(seed)).generate();
            progress.progress("generating customers", 1, 1);
            CustomerAnalysis.Options options = CustomerAnalysis.Options
                    .defaults(BusinessKpis.Columns.subscriptionDefaults())
                    .withTraining(ChurnTraining.Options.defaults().withFolds(folds).withSeed(seed).withMaxTrees(maxTrees))
                    .withSegmentColumns(SEGMENT_COLUMNS).withSegmentRange(3, 6);
            outcome = PipelineRun.run(table, options, RetentionOffer.defaults(), outDir, progress);
        }
        outcome.print(out());
        writeJson(outcome::writeJson);
    }
}
