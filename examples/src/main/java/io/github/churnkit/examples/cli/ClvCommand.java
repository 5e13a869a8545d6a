package io.github.churnkit.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionReader;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import io.github.churnkit.examples.workflow.CsvLines;
import io.github.churnkit.models.clv.BgNbdFitter;
import io.github.churnkit.models.clv.BgNbdModel;
import io.github.churnkit.models.clv.GammaGammaFitter;
import io.github.churnkit.models.clv.GammaGammaModel;
import io.github.churnkit.models.clv.HoldoutEvaluation;
import io.github.churnkit.models.clv.HoldoutReport;
import io.github.churnkit.models.clv.ParameterEstimates;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Customer lifetime value from a transaction log (BG/NBD + Gamma-Gamma) or from subscriptions (sBG). */
@Command(name = "clv",
        header = "Customer lifetime value from transactions (BG/NBD) or subscriptions (sBG).",
        description = "Customer lifetime value. From a transaction log (--transactions): BG/NBD and Gamma-Gamma fitted "
        + "on purchases up to --cutoff, parameters with standard errors, holdout accuracy when the log "
        + "extends past the cut-off, and per-customer CLV to --out. From subscriptions (--survivors): the "
        + "shifted-beta-geometric model on cohort survivor counts (or on --tenure-col/--churn-col), its "
        + "parameters, retention curve and discounted expected residual lifetime (DERL).")
final class ClvCommand extends BaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--transactions", paramLabel = "FILE", description = "Transaction log CSV.")
        Path transactions;

        @Option(names = "--survivors", paramLabel = "FILE",
                description = "Cohort survivor counts (one cohort per row, one column per period), or customers "
                        + "with --tenure-col and --churn-col.")
        Path survivors;
    }

    @Option(names = "--customer-col", defaultValue = "customer_id", description = "Customer column (default: ${DEFAULT-VALUE}).")
    String customerCol;

    @Option(names = "--date-col", defaultValue = "date", description = "Date column (default: ${DEFAULT-VALUE}).")
    String dateCol;

    @Option(names = "--amount-col", defaultValue = "amount", description = "Amount column (default: ${DEFAULT-VALUE}).")
    String amountCol;

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "Date pattern, e.g. M/d/yyyy (default: ISO).")
    String dateFormat;

    @Option(names = "--cutoff", paramLabel = "DATE", description = "Calibration cut-off (yyyy-MM-dd; default: last date).")
    String cutoff;

    @Option(names = "--unit", defaultValue = "weeks", paramLabel = "days|weeks", description = "Time unit (default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(names = "--horizon", defaultValue = "52", description = "CLV horizon in units (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--discount", defaultValue = "0.01", description = "Discount rate per period (default: ${DEFAULT-VALUE}).")
    double discount;

    @Option(names = "--margin", defaultValue = "1", description = "Profit margin (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--tenure-col", description = "Tenure column (individual subscription data).")
    String tenureCol;

    @Option(names = "--churn-col", description = "Churned flag column (individual subscription data).")
    String churnCol;

    @Option(names = "--out", paramLabel = "FILE", description = "Per-customer CLV CSV (transactions).")
    Path outFile;

    @Override
    void run() throws Exception {
        if (source.transactions != null) {
            transactions();
        } else {
            SurvivorClv.run(this);
        }
    }

    private void transactions() throws IOException {
        Path file = Inputs.requireCsv(source.transactions, "--transactions");
        PeriodUnit u = switch (unit.toLowerCase(Locale.ROOT)) {
            case "days" -> PeriodUnit.DAYS;
            case "weeks" -> PeriodUnit.WEEKS;
            default -> throw new BadInputException("--unit: expected days or weeks, found \"" + unit + "\"");
        };
        TransactionLog log = TransactionReader.of(TransactionReader.Options.columns(customerCol, dateCol, amountCol)
                .withDatePattern(dateFormat)).read(file).log();
        if (log.size() == 0) {
            throw new BadInputException(file + " has no transactions");
        }
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < log.size(); i++) {
            last = Math.max(last, log.epochDay(i));
        }
        LocalDate end = LocalDate.ofEpochDay(last);
        LocalDate cut = cutoff == null ? end : parseDate(cutoff);
        TransactionSummarizer.Config cfg = TransactionSummarizer.Config.at(cut).withUnit(u)
                .withHoldoutEnd(end.isAfter(cut) ? end : cut);
        CustomerSummaries s = TransactionSummarizer.of(cfg).summarize(log);
        int n = s.size();
        double[] x = new double[n];
        int[] freq = s.frequencies();
        for (int i = 0; i < n; i++) {
            x[i] = freq[i];
        }
        BgNbdModel bg = BgNbdFitter.withDefaults().fit(x, s.recencies(), s.ages());
        List<Double> fRepeat = new ArrayList<>();
        List<Double> mRepeat = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (freq[i] > 0 && s.monetary(i) > 0) {
                fRepeat.add(x[i]);
                mRepeat.add(s.monetary(i));
            }
        }
        GammaGammaModel gg = GammaGammaFitter.withDefaults().fit(fRepeat.stream().mapToDouble(Double::doubleValue).toArray(),
                mRepeat.stream().mapToDouble(Double::doubleValue).toArray());
        double holdout = u.fromDays(end.toEpochDay() - cut.toEpochDay());
        HoldoutReport check = null;
        if (holdout > 0) {
            HoldoutEvaluation ev = HoldoutEvaluation.of(holdout);
            int[] h = s.holdoutCounts();
            for (int i = 0; i < n; i++) {
                ev = ev.add(x[i], s.recency(i), s.age(i), h[i]);
            }
            check = ev.evaluate(bg.parameters());
        }
        ClvSettings settings = new ClvSettings(margin, discount, horizon);
        double total = 0;
        if (outFile != null) {
            try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                CsvLines csv = new CsvLines(w);
                csv.record("customer_id", "frequency", "recency", "T", "p_alive", "expected_purchases", "clv");
                for (int i = 0; i < n; i++) {
                    PurchaseHistory ph = new PurchaseHistory(x[i], s.recency(i), s.age(i),
                            freq[i] > 0 ? s.monetary(i) : Double.NaN);
                    double clv = ClvFormulas.transactional(settings, bg.parameters(), gg.parameters(), ph);
                    total += clv;
                    csv.record(s.customerId(i), freq[i], f(s.recency(i)), f(s.age(i)),
                            f(bg.parameters().probabilityAlive(x[i], s.recency(i), s.age(i))),
                            f(bg.parameters().conditionalExpectedPurchases(horizon, x[i], s.recency(i), s.age(i))),
                            f(clv));
                }
            }
        }
        PrintWriter o = out();
        o.println(String.format(Locale.ROOT, "%d transactions, %d customers at cut-off %s (unit %s)", log.size(), n,
                cut, u.name().toLowerCase(Locale.ROOT)));
        printEstimates(o, "BG/NBD", bg.estimates());
        printEstimates(o, "Gamma-Gamma", gg.estimates());
        if (check != null) {
            o.println(String.format(Locale.ROOT, "holdout %.1f %s: predicted %.1f purchases, actual %.1f; MAE %.3f, "
                            + "RMSE %.3f per customer", holdout, u.name().toLowerCase(Locale.ROOT), check.predictedTotal(),
                    check.actualTotal(), check.meanAbsoluteError(), check.rootMeanSquaredError()));
        }
        if (outFile != null) {
            o.println(String.format(Locale.ROOT, "total CLV over %d %s: %.2f; wrote %s", horizon,
                    u.name().toLowerCase(Locale.ROOT), total, outFile));
        }
        HoldoutReport finalCheck = check;
        double finalTotal = total;
        writeJson(g -> {
            g.writeStringField("mode", "transactions");
            g.writeNumberField("transactions", log.size());
            g.writeNumberField("customers", n);
            g.writeStringField("cutoff", cut.toString());
            g.writeStringField("unit", u.name().toLowerCase(Locale.ROOT));
            estimates(g, "bgNbd", bg.estimates());
            estimates(g, "gammaGamma", gg.estimates());
            if (finalCheck != null) {
                g.writeObjectFieldStart("holdout");
                JsonOut.number(g, "length", finalCheck.holdoutLength());
                JsonOut.number(g, "predicted", finalCheck.predictedTotal());
                JsonOut.number(g, "actual", finalCheck.actualTotal());
                JsonOut.number(g, "mae", finalCheck.meanAbsoluteError());
                JsonOut.number(g, "rmse", finalCheck.rootMeanSquaredError());
                g.writeEndObject();
            } else {
                g.writeNullField("holdout");
            }
            if (outFile != null) {
                JsonOut.number(g, "totalClv", finalTotal);
                g.writeStringField("out", outFile.toString());
            }
        });
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--cutoff: expected a date as yyyy-MM-dd, found \"" + text + "\"");
        }
    }

    static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
    }

    static void printEstimates(PrintWriter o, String model, ParameterEstimates e) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            parts.add(String.format(Locale.ROOT, "%s %.4f (SE %.4f)", e.names().get(i), e.value(i), e.standardError(i)));
        }
        o.println(model + ": " + String.join(", ", parts) + String.format(Locale.ROOT, "; log-likelihood %.2f",
                e.logLikelihood()));
    }

    static void estimates(JsonGenerator g, String name, ParameterEstimates e) throws IOException {
        g.writeObjectFieldStart(name);
        for (int i = 0; i < e.size(); i++) {
            g.writeObjectFieldStart(e.names().get(i));
            JsonOut.number(g, "value", e.value(i));
            JsonOut.number(g, "standardError", e.standardError(i));
            g.writeEndObject();
        }
        JsonOut.number(g, "logLikelihood", e.logLikelihood());
        g.writeEndObject();
    }
}
