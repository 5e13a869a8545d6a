package io.github.churnkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.synthetic.CohortGenerator;
import io.github.churnkit.core.synthetic.ProgressListener;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.examples.workflow.SubscriptionClv;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every data subcommand on small seeded synthetic files (2,000 subscription customers; a
 * 1,500-customer transaction log): a cheap logistic model is trained once and then scored,
 * evaluated, monitored; segments, KPIs and both CLV settings are checked against what the test
 * can count in the files itself or against published reference values.
 */
class CommandsTest {

    @TempDir
    static Path dir;

    private static Path customers;
    private static Path model;
    private static CliRun trained;

    @BeforeAll
    static void fixtures() throws Exception {
        customers = dir.resolve("customers.csv");
        try (Writer w = Files.newBufferedWriter(customers, StandardCharsets.UTF_8)) {
            SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(2000).withSeed(5))
                    .writeCsv(w, ProgressListener.NONE);
        }
        model = dir.resolve("model.ckb");
        CliRun r = CliRun.of("train", "--data", customers.toString(), "--model", "logistic", "--folds", "2",
                "--out", model.toString(), "--json", dir.resolve("train.json").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        trained = r;
    }

    private static long churners() throws Exception {
        List<String> lines = Files.readAllLines(customers);
        int col = List.of(lines.get(0).split(",")).indexOf("churned");
        return lines.stream().skip(1).filter(l -> l.split(",")[col].equals("true") || l.split(",")[col].equals("1")
                || l.split(",")[col].equalsIgnoreCase("yes")).count();
    }

    private static double jsonNumber(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\" : (-?[0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    /** Row {@code row} of {@code t} as raw text values, the way a service would pass a CSV line to the scorer. */
    private static Map<String, String> raw(CustomerTable t, int row) {
        Map<String, String> m = new HashMap<>();
        for (Column c : t.columns()) {
            m.put(c.name(), c.isMissing(row) ? null : c.format(row));
        }
        return m;
    }

    /** A CSV cell as a number, NaN when empty. */
    private static double cell(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    @Test
    void score_streamed_matchesInMemoryTransformAndScorerClv() throws Exception {
        Path out = dir.resolve("scores.csv");
        Path json = dir.resolve("score.json");
        CliRun r = CliRun.of("score", "--model", model.toString(), "--data", customers.toString(), "--out",
                out.toString(), "--json", json.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2001, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("customer_id", "churn_probability", "risk_band", "clv", "clv_low", "clv_high", "reason_1",
                "reason_2", "reason_3"), header);
        // the row-by-row CSV parsing must give the probabilities of the ingest + table transform path
        ModelFiles.Loaded m = ModelFiles.load(model);
        CustomerTable table = CsvIngest.withDefaults().read(customers).table();
        double[][] x = m.pipeline().transform(table);
        // and the CLV columns what CustomerScorer gives for the same raw values (to the 2 decimals written)
        CustomerScorer scorer = CustomerScorer.load(model);
        int valued = 0;
        for (int i = 0; i < x.length; i += 7) {
            String[] f = lines.get(i + 1).split(",", -1);
            assertEquals(m.probability(x[i]), Double.parseDouble(f[1]), 5.1e-5, "row " + i);
            CustomerScore e = scorer.score(raw(table, i), 0);
            assertEquals(Double.isNaN(e.clv()), f[3].isEmpty(), "row " + i);
            if (!Double.isNaN(e.clv())) {
                assertEquals(e.clv(), cell(f[3]), 0.005 + 1e-9 * e.clv(), "row " + i);
                assertEquals(e.clvLow(), cell(f[4]), 0.005 + 1e-9 * e.clv(), "row " + i);
                assertEquals(e.clvHigh(), cell(f[5]), 0.005 + 1e-9 * e.clv(), "row " + i);
                valued++;
            }
        }
        assertTrue(valued > 250, "customers with a CLV among the 286 checked: " + valued);
        assertTrue(r.out().contains("CLV (sBG, revenue 'monthly_fee', renewals 'tenure_months')"), r.out());
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"clv_low\"") && doc.contains("\"clv_high\""), "columns listed: " + doc);
        assertTrue(doc.contains("\"renewalsColumn\" : \"tenure_months\"") && doc.contains("\"intervalLevel\" : 0.9"),
                doc);
        long withClv = lines.stream().skip(1).filter(l -> !l.split(",", -1)[3].isEmpty()).count();
        assertEquals(withClv, (long) jsonNumber(doc, "customers"));
    }

    @Test
    void train_subscriptionData_modelFileGivesClvInsideItsIntervalInCustomerScorer() throws Exception {
        // the synthetic file has tenure_months and monthly_fee, which train finds by name
        CustomerScorer scorer = CustomerScorer.load(model);
        assertTrue(scorer.hasClv() && scorer.hasClvInterval(), scorer.toString());
        ModelFiles.Loaded m = ModelFiles.load(model);
        assertEquals(ClvInputs.fromSbg("monthly_fee", "tenure_months"), m.clvInputs().orElseThrow());
        assertEquals(SubscriptionClv.DEFAULT_SETTINGS, m.clv().orElseThrow());
        SbgParameters sbg = m.retention().orElseThrow();
        CustomerTable table = CsvIngest.withDefaults().read(customers).table();
        int checked = 0;
        for (int i = 0; i < table.rowCount(); i += 5) {
            double fee = table.numeric("monthly_fee").get(i);
            double tenure = table.numeric("tenure_months").get(i);
            CustomerScore s = scorer.score(raw(table, i), 0);
            if (Double.isNaN(fee) || Double.isNaN(tenure)) {
                assertTrue(Double.isNaN(s.clv()) && Double.isNaN(s.clvLow()), "row " + i);
                continue;
            }
            // the formula of the model format's clv.inputs, sBG method: margin x revenue x DERL(renewals = tenure)
            double expected = ClvFormulas.subscription(SubscriptionClv.DEFAULT_SETTINGS, fee, sbg, (int) tenure);
            assertEquals(expected, s.clv(), 1e-9 * expected, "row " + i);
            assertTrue(s.clv() > 0 && s.clvLow() < s.clv() && s.clv() < s.clvHigh(),
                    "row " + i + ": " + s.clvLow() + " " + s.clv() + " " + s.clvHigh());
            checked++;
        }
        assertTrue(checked > 350, "customers with fee and tenure among 400: " + checked);
        assertTrue(trained.out().contains("retention (sBG on 'tenure_months')")
                && trained.out().contains("'monthly_fee'") && trained.out().contains("with a 90% interval"),
                trained.out());
        String doc = Files.readString(dir.resolve("train.json"));
        assertTrue(doc.contains("\"tenureColumn\" : \"tenure_months\"") && doc.contains("\"revenueColumn\" : \"monthly_fee\""),
                doc);
        assertEquals(sbg.alpha(), jsonNumber(doc, "alpha"), 1e-12 * sbg.alpha());
    }

    @Test
    void evaluate_labelledFile_countsRowsAndChurners() throws Exception {
        Path json = dir.resolve("evaluate.json");
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", customers.toString(), "--json",
                json.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        String doc = Files.readString(json);
        assertEquals(2000, (int) jsonNumber(doc, "rows"));
        assertEquals(churners(), (long) jsonNumber(doc, "churners"));
        double auc = jsonNumber(doc, "rocAuc");
        assertTrue(auc > 0.6 && auc <= 1, doc); // the generator's churn has real signal (its javadoc formula)
    }

    @Test
    void monitor_sameData_stable_shiftedColumn_major() throws Exception {
        Path json = dir.resolve("monitor.json");
        CliRun same = CliRun.of("monitor", "--model", model.toString(), "--data", customers.toString(), "--json",
                json.toString(), "--quiet");
        assertEquals(0, same.code(), same.err());
        assertTrue(Files.readString(json).contains("\"worst\" : \"STABLE\""), same.out());
        // triple everyone's watch hours: that input (and the score) must be flagged as a major shift
        List<String> lines = Files.readAllLines(customers);
        int col = List.of(lines.get(0).split(",")).indexOf("weekly_watch_hours");
        List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            f[col] = Double.toString(Double.parseDouble(f[col]) * 3);
            shifted.add(String.join(",", f));
        }
        Path batch = dir.resolve("shifted.csv");
        Files.write(batch, shifted);
        CliRun r = CliRun.of("monitor", "--model", model.toString(), "--data", batch.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("weekly_watch_hours") && l.endsWith("MAJOR")), r.out());
    }

    @Test
    void segment_fixedK_writesOneRowPerCustomer() throws Exception {
        Path out = dir.resolve("segments.csv");
        CliRun r = CliRun.of("segment", "--data", customers.toString(), "--columns",
                "weekly_watch_hours,profiles,device", "--k", "3", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2001, lines.size());
        Set<String> ids = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            ids.add(l.split(",")[1]);
        }
        assertEquals(Set.of("0", "1", "2"), ids);
    }

    @Test
    void kpis_json_countsMatchTheFile() throws Exception {
        Path json = dir.resolve("kpis.json");
        CliRun r = CliRun.of("kpis", "--data", customers.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String doc = Files.readString(json);
        assertEquals(2000, (int) jsonNumber(doc, "customers"));
        assertEquals(churners(), (long) jsonNumber(doc, "churned"));
        assertEquals(2000, (int) (jsonNumber(doc, "withOfferCustomers") + jsonNumber(doc, "withoutOfferCustomers")));
        assertTrue(doc.contains("\"tenure band\"") && doc.contains("\"region\""), doc);
    }

    @Test
    void report_ownFile_writesReportScoresAndTargets() throws Exception {
        Path out = dir.resolve("report");
        Path json = dir.resolve("report.json");
        CliRun r = CliRun.of("report", "--data", customers.toString(), "--model", "logistic", "--folds", "2",
                "--segment-columns", "weekly_watch_hours,profiles", "--out", out.toString(), "--json",
                json.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(2001, Files.readAllLines(out.resolve("scores.csv")).size());
        assertTrue(Files.readString(out.resolve("report.html")).contains("id=\"chart-roc\""));
        assertTrue(Files.exists(out.resolve("retention-targets.csv")) && Files.exists(out.resolve("model.ckb")));
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"command\" : \"report\"") && doc.contains("\"LogisticChurnTrainer\""), doc);
    }

    @Test
    void clv_survivorCounts_recoversPublishedSbgEstimates() throws Exception {
        // Fader and Hardie (2007), "How to project customer retention", Table 1 "regular" cohort,
        // years 0-7: 1000, 631, 468, 382, 326, 289, 262, 241; published MLE alpha 0.704, beta 1.182
        Path f = dir.resolve("survivors.csv");
        Files.writeString(f, "y0,y1,y2,y3,y4,y5,y6,y7\n1000,631,468,382,326,289,262,241\n");
        Path json = dir.resolve("sbg.json");
        CliRun r = CliRun.of("clv", "--survivors", f.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String doc = Files.readString(json);
        Matcher a = Pattern.compile("\"alpha\" : \\{\\s*\"value\" : ([0-9.]+)").matcher(doc);
        Matcher b = Pattern.compile("\"beta\" : \\{\\s*\"value\" : ([0-9.]+)").matcher(doc);
        assertTrue(a.find() && b.find(), doc);
        assertEquals(0.704, Double.parseDouble(a.group(1)), 0.005);
        assertEquals(1.182, Double.parseDouble(b.group(1)), 0.005);
    }

    @Test
    void clv_individualTenures_recoversSimulatedSbgWithinFourStandardErrors() throws Exception {
        // 4 cohorts of 1,000 customers simulated from sBG(alpha 0.7, beta 1.2) (CohortGenerator defaults),
        // written as one row per customer with tenure and a censored churn flag
        CustomerTable t = CohortGenerator.of(CohortGenerator.Config.defaults().withCohorts(4)).generate().toTable();
        StringBuilder csv = new StringBuilder("customer_id,tenure_periods,churned\n");
        for (int i = 0; i < t.rowCount(); i++) {
            csv.append(t.column("customer_id").format(i)).append(',').append(t.column("tenure_periods").format(i))
                    .append(',').append(t.column("churned").format(i)).append('\n');
        }
        Path f = dir.resolve("tenures.csv");
        Files.writeString(f, csv);
        Path json = dir.resolve("sbg-individuals.json");
        CliRun r = CliRun.of("clv", "--survivors", f.toString(), "--tenure-col", "tenure_periods", "--churn-col",
                "churned", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String doc = Files.readString(json);
        for (String[] p : new String[][] {{"alpha", "0.7"}, {"beta", "1.2"}}) {
            Matcher m = Pattern.compile("\"" + p[0] + "\" : \\{\\s*\"value\" : ([0-9.]+),\\s*\"standardError\" : ([0-9.]+)")
                    .matcher(doc);
            assertTrue(m.find(), doc);
            double value = Double.parseDouble(m.group(1));
            double se = Double.parseDouble(m.group(2));
            assertEquals(Double.parseDouble(p[1]), value, 4 * se, p[0] + ": " + doc);
        }
    }

    @Test
    void clv_transactionLog_fitsAndWritesPerCustomerClv() throws Exception {
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults()
                .withCustomers(1500).withSeed(3));
        Path log = dir.resolve("transactions.csv");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            gen.writeCsv(w, ProgressListener.NONE);
        }
        Path out = dir.resolve("clv.csv");
        Path json = dir.resolve("clv.json");
        CliRun r = CliRun.of("clv", "--transactions", log.toString(), "--cutoff",
                gen.config().calendar().cutoff().toString(), "--out", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"bgNbd\"") && doc.contains("\"standardError\""), doc);
        assertTrue(!doc.contains("\"holdout\" : null"), "the log runs past the cut-off: " + doc);
        assertEquals((long) jsonNumber(doc, "customers") + 1, Files.readAllLines(out).size());
    }
}
