package io.github.churnkit.examples.report;

import io.github.churnkit.examples.workflow.AnalysisFiles;
import io.github.churnkit.examples.workflow.BusinessKpis;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.CustomerAnalysis;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.examples.workflow.RetentionOffer;
import io.github.churnkit.models.eval.CrossValidationReport;
import io.github.churnkit.models.explain.Reason;
import io.github.churnkit.models.segment.SegmentProfile;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;


/**
 * The report of an analysis as one self-contained HTML file: inline CSS and inline SVG charts, no
 * scripts, no external resources, so it opens offline and can be mailed as it is.
 *
 * <p>Sections: key metrics of every cross-validated trainer; ROC, precision-recall, calibration,
 * gains and lift charts (out-of-fold predictions); feature importance; example reason codes of the
 * riskiest customers; segment profiles; Kaplan-Meier retention by plan and by segment; the CLV
 * distribution; business KPIs (churn by plan, region, device and tenure band, revenue by region and
 * plan, top customers, satisfaction, the promotion test); and the head of the retention target list.
 */
public final class HtmlReport {

    private static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "margin:24px auto;max-width:1360px;color:#222;background:#f6f7f9}"
            + "h1{margin:0 0 4px}h2{margin:28px 0 10px;border-bottom:2px solid #1f77b4;padding-bottom:4px}"
            + ".sub{color:#555;margin-bottom:12px}.grid{display:flex;flex-wrap:wrap;gap:14px}"
            + ".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px}"
            + ".kpi{font-size:26px;font-weight:600}.kpil{color:#555;font-size:13px}"
            + "table{border-collapse:collapse;background:#fff;font-size:13px}"
            + "th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#eef2f7}"
            + "td.l,th.l{text-align:left}.best{background:#e8f5e9}"
            + "svg.chart{background:#fff;border:1px solid #ddd;border-radius:6px;font-size:11px}"
            + "svg .t{font-size:13px;font-weight:600}svg .g{stroke:#eee}svg .frame{fill:none;stroke:#999}"
            + "svg .lg{font-size:10.5px}svg .v{font-size:10px;fill:#333}";

    private HtmlReport() {
    }

    /** Writes the report of {@code a} to {@code file}. */
    public static void write(CustomerAnalysis.Analysis a, RetentionOffer offer, Path file) {
        try {
            Files.writeString(file, render(a, offer), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report as a string. */
    public static String render(CustomerAnalysis.Analysis a, RetentionOffer offer) {
        ChurnTraining.Result t = a.training();
        BusinessKpis.Kpis k = a.kpis();
        StringBuilder h = new StringBuilder(200_000);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>churnkit report</title><style>")
                .append(CSS).append("</style></head><body>");
        h.append("<h1>Customer churn, segments and lifetime value</h1><div class=\"sub\">")
                .append(String.format(Locale.ROOT, "%,d customers, %,d churned (%.1f%%). ", k.customers(), k.churned(),
                        100 * k.churnRate()))
                .append(Svg.esc(t.choiceSummary())).append(".</div>");
        headline(h, a, offer);
        h.append("<h2>Model quality (").append(t.chosen().report().folds().size())
                .append("-fold cross-validation)</h2>");
        metricsTable(h, t);
        h.append("<div class=\"grid\" style=\"margin-top:12px\">").append(ReportCharts.roc(t))
                .append(ReportCharts.precisionRecall(t)).append(ReportCharts.calibration(t)).append(ReportCharts.gains(t))
                .append(ReportCharts.lift(t)).append(ReportCharts.importance(a.importance())).append("</div>");
        reasons(h, a);
        segments(h, a);
        h.append("<h2>Retention and lifetime value</h2><div class=\"grid\">");
        a.survivalBy().forEach((by, curves) -> h.append(ReportCharts.survival("chart-km-" + by,
                "Kaplan-Meier retention by " + by, curves)));
        h.append(ReportCharts.clvHistogram(a.clv())).append("</div>");
        if (a.retention() != null) {
            SbgParameters sbg = a.retention().model().parameters();
            h.append("<p>").append(String.format(Locale.ROOT, "Shifted-beta-geometric retention fitted on tenure: "
                            + "alpha %.3f, beta %.3f (mean churn probability per month %.3f). CLV = margin x monthly "
                            + "revenue x discounted expected residual lifetime, with the tenure as renewals so far.",
                    sbg.alpha(), sbg.beta(), sbg.alpha() / (sbg.alpha() + sbg.beta())));
            if (Arrays.stream(a.clvLow()).anyMatch(Double::isFinite)) {
                h.append(String.format(Locale.ROOT, " scores.csv gives each CLV's %.0f%% confidence interval "
                        + "(clv_low, clv_high) from the uncertainty of alpha and beta: how precisely this data pins "
                        + "down the expected value, not how much one customer will pay.", 100 * ModelFiles.CLV_LEVEL));
            }
            h.append("</p>");
        }
        KpiSection.append(h, k);
        targets(h, a, offer);
        h.append("<p class=\"sub\">Generated by churnkit. Charts are inline SVG; this file needs no network.</p>");
        return h.append("</body></html>").toString();
    }

    private static void headline(StringBuilder h, CustomerAnalysis.Analysis a, RetentionOffer offer) {
        BusinessKpis.Kpis k = a.kpis();
        double[] clv = Arrays.stream(a.clv()).filter(Double::isFinite).toArray();
        double[] ev = offer.expectedValues(a.probability(), a.clv());
        long worth = Arrays.stream(ev).filter(v -> v > 0).count();
        h.append("<div class=\"grid\">");
        card(h, String.format(Locale.ROOT, "%,d", k.customers()), "customers");
        card(h, String.format(Locale.ROOT, "%.1f%%", 100 * k.churnRate()), "churn rate");
        card(h, String.format(Locale.ROOT, "%.3f", a.training().chosen().auc()), "cross-validated ROC-AUC");
        card(h, String.valueOf(a.profiles().size()), "segments");
        if (clv.length > 0) {
            card(h, String.format(Locale.ROOT, "%,.0f", Arrays.stream(clv).average().orElse(Double.NaN)), "mean CLV");
        }
        if (Double.isFinite(k.meanSatisfaction())) {
            card(h, String.format(Locale.ROOT, "%.2f", k.meanSatisfaction()), "average satisfaction");
        }
        card(h, String.format(Locale.ROOT, "%,d", worth), "customers worth a retention offer");
        h.append("</div>");
    }

    static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><div class=\"kpi\">").append(Svg.esc(value)).append("</div><div class=\"kpil\">")
                .append(Svg.esc(label)).append("</div></div>");
    }

    private static void metricsTable(StringBuilder h, ChurnTraining.Result t) {
        h.append("<table id=\"metrics\"><tr><th class=\"l\">trainer</th><th>ROC-AUC</th><th>average precision</th>"
                + "<th>Brier</th><th>log-loss</th><th>ECE</th><th>lift top 10%</th><th>F1 at 0.5</th></tr>");
        for (ChurnTraining.Candidate c : t.candidates()) {
            CrossValidationReport r = c.report();
            h.append("<tr").append(c == t.chosen() ? " class=\"best\"" : "").append("><td class=\"l\">")
                    .append(Svg.esc(c.name())).append(c == t.chosen() ? " (kept)" : "").append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%.4f &plusmn; %.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                                    + "<td>%.4f</td><td>%.2f</td><td>%.3f</td></tr>", r.mean("rocAuc"), r.sd("rocAuc"),
                            r.mean("averagePrecision"), r.mean("brier"), r.mean("logLoss"), r.mean("ece"),
                            r.mean("topDecileLift"), r.mean("f1")));
        }
        CrossValidationReport r = t.chosen().report();
        h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">no-skill baseline</td><td>%.4f</td><td>%.4f</td>"
                        + "<td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.2f</td><td>%.3f</td></tr></table>",
                r.baselineMean("rocAuc"), r.baselineMean("averagePrecision"), r.baselineMean("brier"),
                r.baselineMean("logLoss"), r.baselineMean("ece"), r.baselineMean("topDecileLift"), r.baselineMean("f1")));
    }

    private static void reasons(StringBuilder h, CustomerAnalysis.Analysis a) {
        String[] ids = ids(a);
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(a.probability()[y], a.probability()[x]));
        h.append("<h2>Why customers are at risk: reason codes of the riskiest customers</h2>"
                + "<table id=\"reasons\"><tr><th class=\"l\">customer</th><th>churn probability</th>"
                + "<th class=\"l\">reason 1</th><th class=\"l\">reason 2</th><th class=\"l\">reason 3</th></tr>");
        for (int j = 0; j < Math.min(8, order.length); j++) {
            int i = order[j];
            h.append("<tr><td class=\"l\">").append(Svg.esc(ids[i])).append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%.3f</td>", a.probability()[i]));
            List<Reason> r = a.reasons().get(i);
            for (int c = 0; c < 3; c++) {
                h.append("<td class=\"l\">").append(c < r.size() ? Svg.esc(AnalysisFiles.format(r.get(c))) : "")
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><p class=\"sub\">Contributions are in log-odds of the model (TreeSHAP for boosted trees, "
                + "linear terms for logistic regression); positive values raise the churn risk.</p>");
    }

    private static void segments(StringBuilder h, CustomerAnalysis.Analysis a) {
        h.append("<h2>Segments</h2><table id=\"segments\"><tr><th>id</th><th class=\"l\">name</th><th>customers</th>"
                + "<th>share</th><th>churn rate</th><th>mean predicted churn</th><th>mean revenue</th>"
                + "<th>mean CLV</th><th class=\"l\">over-represented</th></tr>");
        for (SegmentProfile p : a.profiles()) {
            String over = String.join(", ", p.overRepresented().stream().limit(3)
                    .map(l -> l.column() + "=" + l.level()).toList());
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td class=\"l\">%s</td><td>%,d</td><td>%.1f%%</td>"
                            + "<td>%.1f%%</td><td>%.1f%%</td><td>%.2f</td><td>%.2f</td><td class=\"l\">%s</td></tr>",
                    p.id(), Svg.esc(p.name()), p.size(), 100 * p.share(), 100 * p.churnRate(),
                    100 * p.meanChurnProbability(), p.meanRevenue(), p.meanClv(), Svg.esc(over)));
        }
        h.append("</table><div class=\"grid\" style=\"margin-top:12px\">").append(ReportCharts.segmentChurn(a))
                .append("</div>");
    }

    private static void targets(StringBuilder h, CustomerAnalysis.Analysis a, RetentionOffer offer) {
        double[] ev = offer.expectedValues(a.probability(), a.clv());
        Integer[] order = new Integer[ev.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(nan(ev[y]), nan(ev[x])));
        String[] ids = ids(a);
        double total = Arrays.stream(ev).filter(v -> v > 0).sum();
        h.append("<h2>Retention targets</h2><p>").append(String.format(Locale.ROOT,
                "Expected value of an offer = churn probability x CLV x success rate (%.0f%%) - cost (%.2f). "
                        + "Offering it to every customer with a positive value is worth %,.0f in expectation; "
                        + "the full list is in retention-targets.csv.", 100 * offer.successRate(), offer.cost(), total))
                .append("</p><table id=\"targets\"><tr><th>rank</th><th class=\"l\">customer</th>"
                        + "<th>churn probability</th><th>CLV</th><th>expected value</th></tr>");
        for (int j = 0; j < Math.min(10, order.length) && ev[order[j]] > 0; j++) {
            int i = order[j];
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td class=\"l\">%s</td><td>%.3f</td><td>%.2f</td>"
                    + "<td>%.2f</td></tr>", j + 1, Svg.esc(ids[i]), a.probability()[i], a.clv()[i], ev[i]));
        }
        h.append("</table>");
    }

    private static double nan(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private static String[] ids(CustomerAnalysis.Analysis a) {
        return CustomerAnalysis.customerIds(a.training().table());
    }

}
