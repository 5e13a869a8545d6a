package io.github.churnkit.core.synthetic;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.TextColumn;
import java.util.List;

/**
 * The output of {@link CohortGenerator}: individual lifetimes (right-censored) and the survivor
 * counts per cohort that follow from them. Customer {@code i} belongs to cohort
 * {@code i / customersPerCohort}. Immutable and thread-safe.
 */
public final class SimulatedCohorts {

    private final CohortGenerator.Config config;
    private final int[] cohort;
    private final int[] tenure;
    private final boolean[] churned;
    private final double[] theta;

    SimulatedCohorts(CohortGenerator.Config config, int[] cohort, int[] tenure, boolean[] churned, double[] theta) {
        this.config = config;
        this.cohort = cohort;
        this.tenure = tenure;
        this.churned = churned;
        this.theta = theta;
    }

    /** The settings used. */
    public CohortGenerator.Config config() {
        return config;
    }

    /** Number of customers over all cohorts. */
    public int size() {
        return cohort.length;
    }

    /** Number of cohorts. */
    public int cohortCount() {
        return config.cohorts();
    }

    /** The cohort (0-based acquisition period) of customer {@code i}. */
    public int cohort(int i) {
        return cohort[i];
    }

    /**
     * Tenure of customer {@code i} in periods: the renewal at which they churned, or, when still
     * active, the number of renewals observed ({@code periods - cohort}).
     */
    public int tenure(int i) {
        return tenure[i];
    }

    /** Whether customer {@code i} churned within the observation window (false = right-censored). */
    public boolean churned(int i) {
        return churned[i];
    }

    /** The hidden churn probability theta of customer {@code i}. */
    public double theta(int i) {
        return theta[i];
    }

    /**
     * Survivor counts of cohort {@code k}: element {@code t} is the number of its customers still
     * active after {@code t} renewals, for {@code t = 0 .. periods - k} (element 0 is the cohort
     * size). A new array on every call.
     */
    public int[] survivors(int k) {
        if (k < 0 || k >= config.cohorts()) {
            throw new IndexOutOfBoundsException("cohort " + k + " is outside 0.." + (config.cohorts() - 1));
        }
        int window = config.periods() - k;
        int[] s = new int[window + 1];
        int per = config.customersPerCohort();
        for (int i = k * per, end = i + per; i < end; i++) {
            // active after t renewals for t < tenure, and also at t = tenure if not churned
            int last = churned[i] ? tenure[i] - 1 : tenure[i];
            for (int t = 0; t <= last; t++) {
                s[t]++;
            }
        }
        return s;
    }

    /**
     * The individual data as a table: {@code customer_id} (TEXT, ID), {@code cohort},
     * {@code tenure_periods} (NUMERIC, FEATURE), {@code theta} (NUMERIC, IGNORED: the hidden
     * truth) and {@code churned} (BOOLEAN, TARGET; false means censored, not "will never churn").
     */
    public CustomerTable toTable() {
        int n = cohort.length;
        String[] ids = new String[n];
        double[] c = new double[n];
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Seeds.id("R", i, n);
            c[i] = cohort[i];
            t[i] = tenure[i];
            y[i] = churned[i] ? 1 : 0;
        }
        Schema schema = Schema.builder()
                .add("customer_id", ColumnRole.ID, ColumnType.TEXT)
                .add("cohort", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("tenure_periods", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("theta", ColumnRole.IGNORED, ColumnType.NUMERIC)
                .add("churned", ColumnRole.TARGET, ColumnType.BOOLEAN)
                .build();
        return CustomerTable.of(schema, List.of(TextColumn.of("customer_id", ids), NumericColumn.of("cohort", c),
                NumericColumn.of("tenure_periods", t), NumericColumn.of("theta", theta),
                NumericColumn.ofBoolean("churned", y)));
    }

    @Override
    public String toString() {
        return "SimulatedCohorts[" + cohort.length + " customers, " + config.cohorts() + " cohorts, "
                + config.periods() + " periods]";
    }
}
