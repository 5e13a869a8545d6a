package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.examples.workflow.BusinessKpis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Business KPIs of a labelled customer file. */
@Command(name = "kpis",
        header = "Business KPIs of a labelled customer file.",
        description = "Business KPIs of a customer file: customers, churned and churn rate; churn by plan, region, "
        + "device and tenure band; revenue by region and plan; top customers by revenue; average "
        + "satisfaction; NPS and CSAT when survey columns exist; churn with and without a promotional "
        + "offer with the difference, its 95% CI and a two-proportion z-test.")
final class KpisCommand extends BaseCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Customer CSV.")
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "The churn label column (default: inferred).")
    String target;

    @Option(names = "--id", paramLabel = "COL", description = "The customer id column (default: inferred).")
    String id;

    @Mixin
    KpiColumnOptions columns;

    @Override
    void run() {
        CustomerTable table = Inputs.readTable(data, target, id, List.of()).table();
        Inputs.requireTarget(table, data);
        BusinessKpis.Kpis k = BusinessKpis.compute(table, table.targetLabels(), columns.columns(table));
        print(k);
        writeJson(g -> write(g, k));
    }

    private void print(BusinessKpis.Kpis k) {
        out().println(String.format(Locale.ROOT, "customers %d, churned %d, churn rate %.2f%%", k.customers(),
                k.churned(), 100 * k.churnRate()));
        k.churnBy().forEach((by, groups) -> {
            List<String> parts = new ArrayList<>();
            for (BusinessKpis.GroupRate g : groups) {
                parts.add(String.format(Locale.ROOT, "%s %.1f%% (%d)", g.group(), 100 * g.rate(), g.customers()));
            }
            out().println("churn by " + by + ": " + String.join(", ", parts));
        });
        k.revenueBy().forEach((by, m) -> {
            List<String> parts = new ArrayList<>();
            m.forEach((g, v) -> parts.add(String.format(Locale.ROOT, "%s %.2f", g, v)));
            out().println("revenue by " + by + ": " + String.join(", ", parts));
        });
        if (!k.topCustomers().isEmpty()) {
            out().println("top customers by revenue: " + String.join(", ", k.topCustomers().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.2f", c.id(), c.revenue())).toList()));
        }
        if (Double.isFinite(k.meanSatisfaction())) {
            out().println(String.format(Locale.ROOT, "average satisfaction %.2f", k.meanSatisfaction()));
        }
        if (Double.isFinite(k.nps())) {
            out().println(String.format(Locale.ROOT, "NPS %.1f", k.nps()));
        }
        if (Double.isFinite(k.csat())) {
            out().println(String.format(Locale.ROOT, "CSAT %.1f%%", k.csat()));
        }
        if (k.promotion() != null) {
            BusinessKpis.PromotionEffect p = k.promotion();
            out().println(String.format(Locale.ROOT, "churn with offer %.2f%% (%d), without %.2f%% (%d): difference "
                            + "%+.2f points, 95%% CI [%+.2f, %+.2f], z = %.2f, p = %.3g", 100 * p.withOffer().rate(),
                    p.withOffer().customers(), 100 * p.withoutOffer().rate(), p.withoutOffer().customers(),
                    100 * p.difference(), 100 * p.lower(), 100 * p.upper(), p.z(), p.pValue()));
        }
    }

    static void write(com.fasterxml.jackson.core.JsonGenerator g, BusinessKpis.Kpis k) throws IOException {
        g.writeNumberField("customers", k.customers());
        g.writeNumberField("churned", k.churned());
        JsonOut.number(g, "churnRate", k.churnRate());
        g.writeObjectFieldStart("churnBy");
        for (Map.Entry<String, List<BusinessKpis.GroupRate>> e : k.churnBy().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (BusinessKpis.GroupRate r : e.getValue()) {
                g.writeStartObject();
                g.writeStringField("group", r.group());
                g.writeNumberField("customers", r.customers());
                g.writeNumberField("churned", r.churned());
                JsonOut.number(g, "rate", r.rate());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("revenueBy");
        for (Map.Entry<String, Map<String, Double>> e : k.revenueBy().entrySet()) {
            JsonOut.numbers(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("topCustomers");
        for (BusinessKpis.TopCustomer c : k.topCustomers()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            JsonOut.number(g, "revenue", c.revenue());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonOut.number(g, "meanSatisfaction", k.meanSatisfaction());
        JsonOut.number(g, "nps", k.nps());
        JsonOut.number(g, "csat", k.csat());
        if (k.promotion() != null) {
            BusinessKpis.PromotionEffect p = k.promotion();
            g.writeObjectFieldStart("promotion");
            g.writeNumberField("withOfferCustomers", p.withOffer().customers());
            g.writeNumberField("withOfferChurned", p.withOffer().churned());
            g.writeNumberField("withoutOfferCustomers", p.withoutOffer().customers());
            g.writeNumberField("withoutOfferChurned", p.withoutOffer().churned());
            JsonOut.number(g, "difference", p.difference());
            JsonOut.number(g, "ciLower", p.lower());
            JsonOut.number(g, "ciUpper", p.upper());
            JsonOut.number(g, "z", p.z());
            JsonOut.number(g, "pValue", p.pValue());
            g.writeEndObject();
        } else {
            g.writeNullField("promotion");
        }
    }
}
