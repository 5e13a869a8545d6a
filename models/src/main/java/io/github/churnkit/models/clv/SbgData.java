package io.github.churnkit.models.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Contractual retention data in the form the sBG likelihood reads: for each period t the number of
 * customers who churned at its end ({@code P(T = t)} terms) and the number still active after t
 * periods whose observation ends there (right-censored, {@code S(t)} terms). Package-private.
 */
final class SbgData {

    final double[] churnedAt;   // index t = 1..maxPeriod
    final double[] censoredAt;  // index t = 0..maxPeriod
    final double customers;
    final double churners;
    final double renewals;

    private SbgData(double[] churnedAt, double[] censoredAt) {
        this.churnedAt = churnedAt;
        this.censoredAt = censoredAt;
        double n = 0;
        double c = 0;
        double r = 0;
        for (int t = 1; t < churnedAt.length; t++) {
            c += churnedAt[t];
            r += churnedAt[t] * (t - 1);
        }
        for (int t = 0; t < censoredAt.length; t++) {
            n += censoredAt[t];
            r += censoredAt[t] * t;
        }
        this.customers = n + c;
        this.churners = c;
        this.renewals = r;
    }

    /** Survivor tables: cohort k's entry t is the number active after t periods (entry 0 = cohort size). */
    static SbgData fromSurvivors(List<long[]> cohorts) {
        if (cohorts.isEmpty()) {
            throw new IllegalArgumentException("no cohorts: give at least one survivor table");
        }
        int max = 0;
        for (int k = 0; k < cohorts.size(); k++) {
            long[] s = cohorts.get(k);
            if (s.length < 2) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cohort %d has no observed period: a survivor table needs the cohort size and at least one"
                                + " later count, found %d entries", k, s.length));
            }
            if (s[0] <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cohort %d is empty: it starts with %d customers", k, s[0]));
            }
            for (int t = 1; t < s.length; t++) {
                if (s[t] < 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "cohort %d has a negative survivor count %d after period %d", k, s[t], t));
                }
                if (s[t] > s[t - 1]) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "survivor counts must not increase: cohort %d has %d active after period %d but %d after"
                                    + " period %d", k, s[t], t, s[t - 1], t - 1));
                }
            }
            max = Math.max(max, s.length - 1);
        }
        double[] churned = new double[max + 1];
        double[] censored = new double[max + 1];
        for (long[] s : cohorts) {
            for (int t = 1; t < s.length; t++) {
                churned[t] += s[t - 1] - s[t];
            }
            censored[s.length - 1] += s[s.length - 1];
        }
        return new SbgData(churned, censored);
    }

    /** Individual data: tenure in periods and whether the customer churned at its end (else still active). */
    static SbgData fromIndividuals(int[] tenure, boolean[] churned) {
        if (tenure.length != churned.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tenure and churned must have the same length, found %d and %d", tenure.length, churned.length));
        }
        if (tenure.length == 0) {
            throw new IllegalArgumentException("no customers: tenure is empty");
        }
        int max = 0;
        for (int i = 0; i < tenure.length; i++) {
            if (tenure[i] < 0 || (churned[i] && tenure[i] < 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer %d: tenure must be >= 1 for a churned customer and >= 0 for an active one,"
                                + " found %d (churned=%s)", i, tenure[i], churned[i]));
            }
            max = Math.max(max, tenure[i]);
        }
        double[] churnedAt = new double[max + 1];
        double[] censoredAt = new double[max + 1];
        for (int i = 0; i < tenure.length; i++) {
            if (churned[i]) {
                churnedAt[tenure[i]]++;
            } else {
                censoredAt[tenure[i]]++;
            }
        }
        return new SbgData(churnedAt, censoredAt);
    }

    @Override
    public String toString() {
        return "SbgData[churnedAt=" + Arrays.toString(churnedAt) + ", censoredAt=" + Arrays.toString(censoredAt) + "]";
    }
}
