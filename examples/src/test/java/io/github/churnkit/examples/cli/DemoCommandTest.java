package io.github.churnkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.examples.report.HeadlessChromium;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on a small synthetic base (3,000 customers, 2 folds, 40 trees, to keep the
 * build fast; the README's {@code ./churnkit demo} runs the same code on 20,000): it writes the
 * report, the scored CSV with one row per customer, the retention target list, the model file and
 * the JSON summary; and the report, rendered by headless Chromium, shows its charts.
 */
class DemoCommandTest {

    @TempDir
    static Path dir;

    private static Path out;
    private static CliRun run;

    @BeforeAll
    static void runDemo() {
        out = dir.resolve("demo");
        run = CliRun.of("demo", "--customers", "3000", "--folds", "2", "--max-trees", "40", "--out",
                out.toString(), "--json", dir.resolve("demo.json").toString(), "--quiet");
    }

    @Test
    void demo_smallBase_writesEveryOutput() throws Exception {
        assertEquals(0, run.code(), run.err());
        List<String> scores = Files.readAllLines(out.resolve("scores.csv"));
        assertEquals(3001, scores.size(), "header + one row per customer");
        assertEquals("customer_id,churn_probability,risk_band,segment,segment_name,clv,clv_low,clv_high,reason_1,"
                + "reason_2,reason_3", scores.get(0));
        List<String> targets = Files.readAllLines(out.resolve("retention-targets.csv"));
        assertTrue(targets.size() > 1, "some customers are worth an offer");
        // ranked by expected value, highest first, all positive (written with two decimals, so a value
        // below 0.005 reads 0.00)
        double first = Double.parseDouble(targets.get(1).split(",")[4]);
        double last = Double.parseDouble(targets.get(targets.size() - 1).split(",")[4]);
        assertTrue(first >= last && last >= 0 && first > 0, first + " " + last);
        assertTrue(Files.size(out.resolve("model.ckb")) > 1000);
        // the retention fit travels with its uncertainty, so scores from the file can carry a CLV interval
        ModelFiles.Loaded model = ModelFiles.load(out.resolve("model.ckb"));
        assertTrue(model.retention().isPresent(), "sBG parameters in the model file");
        SbgUncertainty u = model.retentionUncertainty().orElseThrow();
        assertEquals(ModelFiles.CLV_LEVEL, u.level());
        assertTrue(u.logCovariance(0, 0) > 0 && u.logCovariance(1, 1) > 0, u.toString());
        String doc = Files.readString(dir.resolve("demo.json"));
        assertTrue(doc.contains("\"command\" : \"demo\"") && doc.contains("\"chosenModel\""), doc);
        assertTrue(doc.contains("\"scoredCustomers\" : 3000"), doc);
    }

    @Test
    void scoresCsv_clvAndInterval_equalCustomerScorerOnTheModelFile() throws Exception {
        assertEquals(0, run.code(), run.err());
        // the demo's customers again (same size and seed), scored in-process with the demo's model file:
        // the analysis and the model file must value every customer alike
        CustomerTable table = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(3000)
                .withSeed(42)).generate();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            rowOf.put(table.column("customer_id").format(i), i);
        }
        CustomerScorer scorer = CustomerScorer.load(out.resolve("model.ckb"));
        assertTrue(scorer.hasClvInterval(), scorer.toString());
        int withInterval = 0;
        try (Reader in = Files.newBufferedReader(out.resolve("scores.csv"));
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord line : csv) {
                int i = rowOf.get(line.get("customer_id"));
                Map<String, Object> customer = new HashMap<>();
                for (Column c : table.columns()) {
                    customer.put(c.name(), c.isMissing(i) ? null : c.format(i));
                }
                CustomerScore e = scorer.score(customer, 0);
                double tolerance = 0.005 + 1e-9 * Math.abs(e.clv());
                assertEquals(Double.isNaN(e.clv()), line.get("clv").isEmpty(), line.toString());
                if (!line.get("clv").isEmpty()) {
                    assertEquals(e.clv(), Double.parseDouble(line.get("clv")), tolerance, line.toString());
                    assertEquals(e.clvLow(), Double.parseDouble(line.get("clv_low")), tolerance, line.toString());
                    assertEquals(e.clvHigh(), Double.parseDouble(line.get("clv_high")), tolerance, line.toString());
                    assertTrue(e.clvLow() < e.clv() && e.clv() < e.clvHigh(), line.toString());
                    withInterval++;
                }
            }
        }
        assertTrue(withInterval > 2900, "customers with a CLV and interval: " + withInterval);
    }

    @Test
    void report_inHeadlessChromium_showsCharts() throws Exception {
        assertEquals(0, run.code(), run.err());
        Path html = out.resolve("report.html");
        String text = Files.readString(html);
        for (String id : List.of("chart-roc", "chart-pr", "chart-calibration", "chart-gains", "chart-lift",
                "chart-importance", "chart-km-plan", "chart-km-segment", "chart-clv", "chart-churn-plan",
                "chart-churn-region", "chart-churn-device", "chart-churn-tenure-band", "chart-revenue-region",
                "chart-revenue-plan", "chart-segment-churn")) {
            assertTrue(text.contains("<svg class=\"chart\" id=\"" + id + "\""), "missing chart " + id);
        }
        assertTrue(text.contains("id=\"promotion\"") && text.contains("z = "), "promotion test section");
        String withoutSvgNamespace = text.replace("http://www.w3.org/2000/svg", "");
        assertTrue(!withoutSvgNamespace.contains("http://") && !withoutSvgNamespace.contains("https://")
                && !text.contains("<script"), "self-contained: no external resources, no scripts");
        Path png = HeadlessChromium.screenshot(html, dir.resolve("report.png"), dir.resolve("chromium-profile"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        // not blank: a real page has text, lines and coloured bars, so many pixels differ from the
        // background; a blank or error page is one colour apart from a few pixels
        long coloured = 0;
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (b > r + 60) {
                    coloured++; // the blue of bars and lines
                }
                if (r + g + b < 200) {
                    dark++; // text
                }
            }
        }
        long sampled = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(coloured > sampled / 200, "blue chart pixels: " + coloured + " of " + sampled);
        assertTrue(dark > sampled / 500, "text pixels: " + dark + " of " + sampled);
    }
}
