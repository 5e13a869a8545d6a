package io.github.churnkit.examples.cli;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import io.github.churnkit.examples.workflow.SubscriptionClv;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which tenure and revenue columns {@code train} values customers with: the ones named by
 * {@code --tenure-col} / {@code --revenue-col}, else the first numeric column whose name, ignoring
 * case, underscores, hyphens and spaces, is one the command line knows: {@code tenure_months},
 * {@code tenure} (the demo's synthetic data, the IBM Telco file) for tenure, {@code monthly_fee},
 * {@code monthly_charges} / {@code MonthlyCharges}, {@code monthly_revenue} for revenue. The target
 * and id columns are never taken.
 *
 * @param columns the columns for {@link SubscriptionClv#fit}, or null when there is no tenure column
 *                (then no retention model and no CLV); its revenue is null when only tenure was found
 * @param note    why the model file gets no CLV (empty when it gets one)
 */
record ClvColumnChoice(SubscriptionClv.Columns columns, String note) {

    static final List<String> TENURE_NAMES = List.of("tenure_months", "tenure");
    static final List<String> REVENUE_NAMES = List.of("monthly_fee", "monthly_charges", "monthly_revenue");

    /**
     * Chooses the columns of {@code table}.
     *
     * @param tenure  the {@code --tenure-col} value, or null to infer
     * @param revenue the {@code --revenue-col} value, or null to infer
     * @param file    the data file, for messages
     * @throws BadInputException if a named column is absent, not numeric, or the target or id
     */
    static ClvColumnChoice of(CustomerTable table, String tenure, String revenue, Path file) {
        Schema schema = table.schema();
        String t = tenure != null ? require(schema, tenure, "--tenure-col", file) : infer(schema, TENURE_NAMES);
        String r = revenue != null ? require(schema, revenue, "--revenue-col", file) : infer(schema, REVENUE_NAMES);
        if (t == null) {
            return new ClvColumnChoice(null, "no CLV: no tenure column found (tried " + TENURE_NAMES
                    + "); name one with --tenure-col");
        }
        if (r == null) {
            return new ClvColumnChoice(new SubscriptionClv.Columns(t, null), "no CLV: no revenue column found (tried "
                    + REVENUE_NAMES + "); name one with --revenue-col (the retention model is kept)");
        }
        return new ClvColumnChoice(new SubscriptionClv.Columns(t, r), "");
    }

    private static String require(Schema schema, String name, String option, Path file) {
        if (!schema.contains(name)) {
            throw new BadInputException(option + ": no column '" + name + "' in " + file + "; columns are "
                    + schema.names());
        }
        ColumnSpec c = schema.column(name);
        if (!usable(c)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: column '%s' of %s is %s %s, expected a numeric "
                    + "feature column (periods for tenure, money per period for revenue)", option, name, file,
                    c.role(), c.type()));
        }
        return name;
    }

    private static String infer(Schema schema, List<String> names) {
        for (String wanted : names) {
            for (ColumnSpec c : schema.columns()) {
                if (usable(c) && normal(c.name()).equals(normal(wanted))) {
                    return c.name();
                }
            }
        }
        return null;
    }

    private static boolean usable(ColumnSpec c) {
        return c.type() == ColumnType.NUMERIC
                && c.role() != ColumnRole.TARGET && c.role() != ColumnRole.ID;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
