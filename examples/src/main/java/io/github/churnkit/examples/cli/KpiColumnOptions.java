package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.examples.workflow.BusinessKpis;
import picocli.CommandLine.Option;

/** The {@code --*-col} options naming the columns the business KPIs read; absent columns are skipped. */
final class KpiColumnOptions {

    @Option(names = "--plan-col", defaultValue = "plan", description = "Plan column (default: ${DEFAULT-VALUE}).")
    String plan;

    @Option(names = "--region-col", defaultValue = "region", description = "Region column (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--device-col", defaultValue = "device", description = "Device column (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--tenure-col", defaultValue = "tenure_months",
            description = "Tenure in months (default: ${DEFAULT-VALUE}).")
    String tenure;

    @Option(names = "--revenue-col", defaultValue = "monthly_fee",
            description = "Monthly revenue (default: ${DEFAULT-VALUE}).")
    String revenue;

    @Option(names = "--satisfaction-col", defaultValue = "satisfaction",
            description = "Satisfaction score (default: ${DEFAULT-VALUE}).")
    String satisfaction;

    @Option(names = "--promo-col", defaultValue = "promo_offer",
            description = "Promotional offer flag (default: ${DEFAULT-VALUE}).")
    String promotion;

    @Option(names = "--nps-col", defaultValue = "nps",
            description = "Likelihood to recommend, 0-10, for NPS (default: ${DEFAULT-VALUE}).")
    String nps;

    @Option(names = "--csat-col", defaultValue = "csat",
            description = "Satisfaction survey answer, 1-5, for CSAT (default: ${DEFAULT-VALUE}).")
    String csat;

    /** The columns, with the table's id column. */
    BusinessKpis.Columns columns(CustomerTable table) {
        String id = table.schema().id().map(c -> c.name()).orElse(null);
        return new BusinessKpis.Columns(id, plan, region, device, tenure, revenue, satisfaction, promotion, nps,
                csat);
    }
}
