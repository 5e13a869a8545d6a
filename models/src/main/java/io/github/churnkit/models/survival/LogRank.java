package io.github.churnkit.models.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Log-rank test that two or more groups (plans, segments, promotion arms) share one survival curve
 * (Mantel 1966, "Evaluation of survival data and two new rank order statistics arising in its
 * consideration", Cancer Chemotherapy Reports 50; Peto &amp; Peto 1972).
 *
 * <p>At each distinct event time j, with {@code n_j} at risk, {@code d_j} events, and {@code n_gj} at
 * risk in group g: the expected events in g are {@code E_gj = d_j n_gj / n_j}, and the
 * hypergeometric covariance is
 * {@code V_ghj = d_j (n_j − d_j)/(n_j − 1) · (n_gj/n_j) (δ_gh − n_hj/n_j)} (0 when {@code n_j = 1}).
 * With {@code U = O − E} summed over times and V summed likewise, the statistic is
 * {@code χ² = U' V^{-1} U} over the first k − 1 groups (the k-th is redundant because U sums to 0),
 * referred to a chi-square distribution with k − 1 degrees of freedom. For two groups this is
 * {@code (O_1 − E_1)² / V_11}. Ties are handled as above (events before censorings at the same time).
 *
 * <p>Stateless and thread-safe.
 */
public final class LogRank {

    private LogRank() {
    }

    /**
     * Observed and expected events in one group.
     *
     * @param group the group label
     * @param customers customers in the group
     * @param observed events observed
     * @param expected events expected under equal survival
     */
    public record GroupSummary(String group, int customers, double observed, double expected) {
    }

    /**
     * The test result.
     *
     * @param chiSquare the log-rank statistic
     * @param degreesOfFreedom groups with at least one customer, minus one
     * @param pValue upper-tail probability of the statistic under the null hypothesis
     * @param groups per-group observed and expected events, in label order
     */
    public record Result(double chiSquare, int degreesOfFreedom, double pValue, List<GroupSummary> groups) {

        /** Copies the group list. */
        public Result {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Runs the test.
     *
     * @param duration time to event or censoring, finite and {@code >= 0}
     * @param event true where the event was observed
     * @param group group label per customer, not null
     * @return the statistic, its p-value and the per-group counts
     * @throws IllegalArgumentException on invalid durations, mismatched lengths, a null label, fewer
     *     than two groups, or no events at all
     */
    public static Result test(double[] duration, boolean[] event, String[] group) {
        SurvivalData.check(duration, event);
        if (group.length != duration.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "group must have one label per customer, found %d labels for %d customers", group.length,
                    duration.length));
        }
        Map<String, Integer> codes = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] == null) {
                throw new IllegalArgumentException("group label " + i + " is null");
            }
            codes.putIfAbsent(group[i], 0);
        }
        if (codes.size() < 2) {
            throw new IllegalArgumentException("the log-rank test needs at least two groups, found " + codes.keySet());
        }
        List<String> labels = new ArrayList<>(codes.keySet());
        for (int g = 0; g < labels.size(); g++) {
            codes.put(labels.get(g), g);
        }
        int k = labels.size();
        int n = duration.length;
        int[] code = new int[n];
        int[] atRisk = new int[k];
        for (int i = 0; i < n; i++) {
            code[i] = codes.get(group[i]);
            atRisk[code[i]]++;
        }
        int[] sizes = atRisk.clone();
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] v = new double[k][k];
        Integer[] order = SurvivalData.order(duration);
        int remaining = n;
        int[] eventsAt = new int[k];
        int[] leavingAt = new int[k];
        int i = 0;
        int totalEvents = 0;
        while (i < n) {
            double t = duration[order[i]];
            java.util.Arrays.fill(eventsAt, 0);
            java.util.Arrays.fill(leavingAt, 0);
            int d = 0;
            while (i < n && duration[order[i]] == t) {
                int g = code[order[i]];
                if (event[order[i]]) {
                    eventsAt[g]++;
                    d++;
                }
                leavingAt[g]++;
                i++;
            }
            if (d > 0) {
                totalEvents += d;
                double nj = remaining;
                double factor = remaining > 1 ? d * (nj - d) / (nj - 1) : 0.0;
                for (int g = 0; g < k; g++) {
                    observed[g] += eventsAt[g];
                    double share = atRisk[g] / nj;
                    expected[g] += d * share;
                    for (int h = 0; h < k; h++) {
                        v[g][h] += factor * share * ((g == h ? 1.0 : 0.0) - atRisk[h] / nj);
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                atRisk[g] -= leavingAt[g];
                remaining -= leavingAt[g];
            }
        }
        if (totalEvents == 0) {
            throw new IllegalArgumentException("no events observed: survival curves cannot be compared");
        }
        int df = k - 1;
        RealMatrix vm = MatrixUtils.createRealMatrix(df, df);
        RealVector u = MatrixUtils.createRealVector(new double[df]);
        for (int g = 0; g < df; g++) {
            u.setEntry(g, observed[g] - expected[g]);
            for (int h = 0; h < df; h++) {
                vm.setEntry(g, h, v[g][h]);
            }
        }
        double chi2;
        try {
            chi2 = u.dotProduct(new LUDecomposition(vm).getSolver().solve(u));
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            throw new IllegalArgumentException("the log-rank variance matrix is singular: some group " + labels
                    + " has no customer at risk at any event time", e);
        }
        double p = 1.0 - new ChiSquaredDistribution(null, df).cumulativeProbability(chi2);
        List<GroupSummary> summaries = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            summaries.add(new GroupSummary(labels.get(g), sizes[g], observed[g], expected[g]));
        }
        return new Result(chi2, df, p, summaries);
    }
}
