package io.github.churnkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on a small synthetic base (3,000 customers, 2 folds, 40 trees, to keep the
 * build fast; the README's {@code ./churnkit demo} runs the same code on 20,000): it writes the
 * report, the scored CSV with one row per customer, the retention target list, the model file and
 * the JSON summary.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demo_smallBase_writesEveryOutput() throws Exception {
        Path out = dir.resolve("demo");
        Path json = dir.resolve("demo.json");
        CliRun r = CliRun.of("demo", "--customers", "3000", "--folds", "2", "--max-trees", "40", "--out",
                out.toString(), "--json", json.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> scores = Files.readAllLines(out.resolve("scores.csv"));
        assertEquals(3001, scores.size(), "header + one row per customer");
        assertTrue(scores.get(0).startsWith("customer_id,churn_probability,risk_band,segment"), scores.get(0));
        List<String> targets = Files.readAllLines(out.resolve("retention-targets.csv"));
        assertTrue(targets.size() > 1, "some customers are worth an offer");
        // ranked by expected value, highest first
        double first = Double.parseDouble(targets.get(1).split(",")[4]);
        double last = Double.parseDouble(targets.get(targets.size() - 1).split(",")[4]);
        assertTrue(first >= last && last > 0, first + " " + last);
        assertTrue(Files.size(out.resolve("model.ckb")) > 1000);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg"), "report has inline charts");
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"command\" : \"demo\"") && doc.contains("\"chosenModel\""), doc);
        assertTrue(doc.contains("\"scoredCustomers\" : 3000"), doc);
    }
}
