package io.github.churnkit.examples.report;

import io.github.churnkit.examples.workflow.BusinessKpis;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The business KPI section of the report. */
final class KpiSection {

    private KpiSection() {
    }

    static void append(StringBuilder h, BusinessKpis.Kpis k) {
        h.append("<h2>Business KPIs</h2><div class=\"grid\">");
        HtmlReport.card(h, String.format(Locale.ROOT, "%,d", k.customers()), "total customers");
        HtmlReport.card(h, String.format(Locale.ROOT, "%,d", k.churned()), "churned");
        HtmlReport.card(h, String.format(Locale.ROOT, "%.1f%%", 100 * k.churnRate()), "churn rate");
        if (Double.isFinite(k.meanSatisfaction())) {
            HtmlReport.card(h, String.format(Locale.ROOT, "%.2f", k.meanSatisfaction()), "average satisfaction");
        }
        if (Double.isFinite(k.nps())) {
            HtmlReport.card(h, String.format(Locale.ROOT, "%.1f", k.nps()), "NPS");
        }
        if (Double.isFinite(k.csat())) {
            HtmlReport.card(h, String.format(Locale.ROOT, "%.1f%%", k.csat()), "CSAT (answers 4-5)");
        }
        h.append("</div><div class=\"grid\" style=\"margin-top:12px\">");
        for (Map.Entry<String, List<BusinessKpis.GroupRate>> e : k.churnBy().entrySet()) {
            h.append(ReportCharts.churnBy("chart-churn-" + e.getKey().replace(' ', '-'), "Churn by " + e.getKey(),
                    e.getValue()));
        }
        for (Map.Entry<String, Map<String, Double>> e : k.revenueBy().entrySet()) {
            h.append(ReportCharts.revenueBy("chart-revenue-" + e.getKey(), "Revenue by " + e.getKey(), e.getValue()));
        }
        h.append("</div>");
        if (k.promotion() != null) {
            BusinessKpis.PromotionEffect p = k.promotion();
            h.append("<h2>Promotional offer and churn</h2><table id=\"promotion\"><tr><th class=\"l\">group</th>"
                    + "<th>customers</th><th>churned</th><th>churn rate</th></tr>");
            for (BusinessKpis.GroupRate g : List.of(p.withOffer(), p.withoutOffer())) {
                h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%,d</td><td>%,d</td><td>%.2f%%</td></tr>",
                        g.group(), g.customers(), g.churned(), 100 * g.rate()));
            }
            h.append("</table><p>").append(String.format(Locale.ROOT,
                    "Difference (offer - no offer): %+.2f percentage points, 95%% CI [%+.2f, %+.2f]; two-proportion "
                            + "z = %.2f, p = %.3g. %s", 100 * p.difference(), 100 * p.lower(), 100 * p.upper(), p.z(),
                    p.pValue(), p.pValue() < 0.05 ? "The difference is significant at the 5% level "
                            + "(an association: offers were not necessarily assigned at random)."
                            : "The difference is not significant at the 5% level.")).append("</p>");
        }
        if (!k.topCustomers().isEmpty()) {
            h.append("<h2>Top customers by revenue</h2><table id=\"top-customers\"><tr><th>rank</th>"
                    + "<th class=\"l\">customer</th><th>revenue to date</th></tr>");
            for (int i = 0; i < k.topCustomers().size(); i++) {
                BusinessKpis.TopCustomer c = k.topCustomers().get(i);
                h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td class=\"l\">%s</td><td>%,.2f</td></tr>", i + 1,
                        Svg.esc(c.id()), c.revenue()));
            }
            h.append("</table>");
        }
    }
}
