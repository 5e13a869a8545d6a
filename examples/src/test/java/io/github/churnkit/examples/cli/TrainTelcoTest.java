package io.github.churnkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.testing.SharedData;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance (issue 9): {@code train} on the IBM Telco file with only {@code --target Churn --id
 * customerID} works and reports a cross-validated AUC of at least 0.845 for the model it keeps, and
 * its model file values customers (CLV from the inferred tenure and MonthlyCharges columns). The
 * threshold is the issue's; a published 5-fold logistic-regression reference on this file is
 * 0.841 +- 0.008, so the test fails if the kept model is no better than plain logistic regression.
 * The one heavy test of the module (two trainers x 5 folds on 7,043 rows).
 */
class TrainTelcoTest {

    @TempDir
    Path dir;

    @Test
    void train_telcoDefaults_keepsModelWithCvAucAtLeast0845() throws Exception {
        Path data = SharedData.telco();
        Path model = dir.resolve("telco.ckb");
        Path json = dir.resolve("train.json");
        CliRun r = CliRun.of("train", "--data", data.toString(), "--target", "Churn", "--id", "customerID",
                "--out", model.toString(), "--json", json.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Matcher kept = Pattern.compile("kept (\\w+) \\(cross-validated AUC ([0-9.]+)").matcher(r.out());
        assertTrue(kept.find(), r.out());
        double auc = Double.parseDouble(kept.group(2));
        assertTrue(auc >= 0.845, r.out());
        assertTrue(r.out().contains("LogisticChurnTrainer") && r.out().contains("BoostedChurnTrainer"),
                "auto compares both trainers: " + r.out());
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"chosenModel\" : \"" + kept.group(1) + "\""), doc);
        assertTrue(doc.contains("\"rows\" : 7043"), doc);
        // the model file loads back and stores the same cross-validated AUC
        ModelFiles.Loaded loaded = ModelFiles.load(model);
        assertEquals(auc, loaded.metrics().get("cv.rocAuc"), 5e-5);
        assertEquals(7043, (int) loaded.metrics().get("rows"));
        // and it is a scoring bundle: CustomerScorer, fed the raw CSV values of a customer, gives the
        // probability of the model file's own pipeline and predictor for that customer
        CustomerScorer scorer = CustomerScorer.load(model);
        CustomerTable table = CsvIngest.withDefaults().read(data).table();
        double[][] x = loaded.pipeline().transform(table);
        for (int row = 0; row < 300; row++) {
            Map<String, String> raw = new HashMap<>();
            for (Column c : table.columns()) {
                raw.put(c.name(), c.isMissing(row) ? null : c.format(row));
            }
            assertEquals(loaded.probability(x[row]), scorer.probability(raw), 1e-12, "row " + row);
        }
        // train found the file's tenure and MonthlyCharges columns by name, so every customer has a CLV
        // (none of the file's tenure or MonthlyCharges values is missing) inside its interval
        assertEquals(ClvInputs.fromSbg("MonthlyCharges", "tenure"), loaded.clvInputs().orElseThrow());
        assertTrue(scorer.hasClvInterval(), scorer.toString());
        for (int row = 0; row < 300; row++) {
            Map<String, String> raw = new HashMap<>();
            for (Column c : table.columns()) {
                raw.put(c.name(), c.isMissing(row) ? null : c.format(row));
            }
            CustomerScore s = scorer.score(raw, 0);
            assertTrue(s.clv() > 0 && s.clvLow() < s.clv() && s.clv() < s.clvHigh(),
                    "row " + row + ": " + s.clvLow() + " " + s.clv() + " " + s.clvHigh());
        }
        assertTrue(doc.contains("\"revenueColumn\" : \"MonthlyCharges\""), doc);
    }
}
