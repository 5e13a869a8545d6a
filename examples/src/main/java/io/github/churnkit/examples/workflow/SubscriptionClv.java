package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.models.clv.SbgFitter;
import io.github.churnkit.models.clv.SbgModel;
import io.github.churnkit.scoring.ClvEvaluator;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.clv.ClvSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Subscription CLV as the command line computes it and writes it into model files: a
 * shifted-beta-geometric retention model fitted on every customer's tenure and churn label, and,
 * when the table has a revenue column, per-customer CLV
 * {@code margin × revenue per period × DERL(sBG, renewals)} with the tenure as the renewals count.
 *
 * <p><b>Tenure as renewals.</b> The fit takes a churned customer with tenure {@code t} as lost at
 * the end of period {@code t} and an active one as having survived {@code t} periods
 * ({@link SbgFitter#fitIndividuals}): {@code t} renewals made. Scores therefore value an active
 * customer at {@code renewals = t}, which is what the model file's {@code clv.inputs} section says
 * (renewals column = the tenure column, read as a count: rounded down, negatives as 0); the analysis,
 * {@code ./churnkit score} and {@code CustomerScorer} all use that one reading, through
 * {@link ClvEvaluator}.
 *
 * @param model     the fitted sBG retention model
 * @param columns   the tenure column it was fitted on, and the revenue column (null when the table has none:
 *                  then the model file holds the retention model but no CLV inputs)
 * @param settings  margin, discount rate per period and horizon in periods (the tenure's unit, e.g. months)
 */
public record SubscriptionClv(SbgModel model, Columns columns, ClvSettings settings) {

    /**
     * What the command line uses unless told otherwise: margin 30% of revenue, 1% discount per
     * period, 36 periods.
     */
    public static final ClvSettings DEFAULT_SETTINGS = ClvSettings.defaults().withMargin(0.3);

    /**
     * The columns.
     *
     * @param tenure  the tenure (periods as a customer, e.g. months), numeric
     * @param revenue the revenue per period, numeric; null when there is none
     */
    public record Columns(String tenure, String revenue) {
        /** Checks that the tenure column is named. */
        public Columns {
            Objects.requireNonNull(tenure, "tenure");
        }
    }

    /** Checks for null. */
    public SubscriptionClv {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Fits the retention model on {@code table}'s tenure column and the churn labels.
     *
     * @param table    the customers
     * @param churned  per row 1 = churned, 0 = active (row-aligned with {@code table})
     * @param columns  the tenure and revenue columns, both numeric columns of {@code table} (revenue may be null)
     * @param settings the CLV settings
     * @return the fit
     * @throws IllegalArgumentException if a column is absent or not numeric, or the label count differs
     * @throws io.github.churnkit.models.clv.ClvFitException if the sBG fit fails (no churner, no renewal, ...)
     */
    public static SubscriptionClv fit(CustomerTable table, int[] churned, Columns columns, ClvSettings settings) {
        double[] tenure = numeric(table, columns.tenure(), "tenure");
        if (columns.revenue() != null) {
            numeric(table, columns.revenue(), "revenue");
        }
        if (churned.length != tenure.length) {
            throw new IllegalArgumentException("labels: " + churned.length + " for a table of " + tenure.length + " rows");
        }
        int[] periods = new int[tenure.length];
        boolean[] event = new boolean[tenure.length];
        for (int i = 0; i < tenure.length; i++) {
            // a missing tenure enters as 0 periods, censored: it adds nothing to the likelihood
            periods[i] = Double.isFinite(tenure[i]) ? Math.max(churned[i] == 1 ? 1 : 0, (int) Math.round(tenure[i])) : 0;
            event[i] = churned[i] == 1;
        }
        return new SubscriptionClv(SbgFitter.withDefaults().fitIndividuals(periods, event), columns, settings);
    }

    /** What a model file's {@code clv.inputs} section holds: empty without a revenue column. */
    public Optional<ClvInputs> inputs() {
        return columns.revenue() == null ? Optional.empty()
                : Optional.of(ClvInputs.fromSbg(columns.revenue(), columns.tenure()));
    }

    /**
     * The per-customer evaluator, with the interval at {@code level} when the fit has a covariance;
     * empty without a revenue column.
     *
     * @param level the interval's confidence level, in (0, 1)
     * @return a new evaluator (not thread-safe)
     */
    public Optional<ClvEvaluator> evaluator(double level) {
        return inputs().map(in -> ClvEvaluator.of(in, settings, model.parameters(),
                model.uncertainty(level).orElse(null)));
    }

    private static double[] numeric(CustomerTable table, String name, String what) {
        if (!table.schema().contains(name)) {
            throw new IllegalArgumentException(what + " column '" + name + "' is not in the table; columns are "
                    + table.schema().names());
        }
        Column c = table.column(name);
        if (!(c instanceof NumericColumn n)) {
            throw new IllegalArgumentException(what + " column '" + name + "' is " + table.schema().column(name).type()
                    + ", not numeric");
        }
        return n.toArray();
    }
}
