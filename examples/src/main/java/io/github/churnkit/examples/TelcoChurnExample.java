package io.github.churnkit.examples;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.eval.CrossValidator;
import io.github.churnkit.models.eval.PipelineFolds;
import io.github.churnkit.models.explain.Explainer;
import io.github.churnkit.models.explain.FeatureGroups;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Telco churn end to end: read the IBM Telco CSV, cross-validate boosted trees with the feature
 * pipeline fitted inside each fold, train the final model and explain the riskiest customer.
 *
 * <pre>java -cp churnkit.jar io.github.churnkit.examples.TelcoChurnExample telco-customer-churn.csv</pre>
 */
public final class TelcoChurnExample {

    private TelcoChurnExample() {
    }

    /** Runs the example on the file given as the first argument. */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "telco-customer-churn.csv"), 5, System.out);
    }

    /** Runs the example with {@code folds}-fold cross-validation; returns the mean ROC-AUC. */
    public static double run(Path file, int folds, PrintStream out) {
        // 1. Ingest: the schema is inferred (Churn is recognised as the target, customerID as the id).
        CustomerTable table = CsvIngest.of(CsvIngest.Options.defaults().withTarget("Churn").withId("customerID"))
                .read(file).table();
        int[] y = table.targetLabels();

        // 2. Honest evaluation: the default pipeline is fitted on each fold's training rows only.
        FeaturePipeline spec = FeaturePipeline.defaults(table.schema());
        BoostedChurnTrainer trainer = BoostedChurnTrainer.withDefaults();
        CrossValidationReport cv = CrossValidator.of(CrossValidator.Config.defaults().withFolds(folds))
                .crossValidate(trainer, PipelineFolds.of(spec, table), y);
        out.println(String.format(Locale.ROOT, "cross-validated ROC-AUC %.4f +- %.4f (no-skill %.4f), Brier %.4f",
                cv.mean("rocAuc"), cv.sd("rocAuc"), cv.baselineMean("rocAuc"), cv.mean("brier")));

        // 3. The final model on all rows, and the reasons behind the riskiest customer's score.
        FittedPipeline features = spec.fit(table);
        double[][] x = features.transformOutOfFold(table);
        ChurnModel model = trainer.fit(features, x, y);
        double[] p = model.probability(features.transform(table));
        int riskiest = 0;
        for (int i = 1; i < p.length; i++) {
            riskiest = p[i] > p[riskiest] ? i : riskiest;
        }
        Explainer why = Explainer.of(model, FeatureGroups.of(features));
        out.println(String.format(Locale.ROOT, "riskiest customer %s: churn probability %.3f, reasons %s",
                table.column("customerID").format(riskiest), p[riskiest],
                why.explain(features.transform(table)[riskiest]).topReasons(3)));
        return cv.mean("rocAuc");
    }
}
