package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The business KPIs that churn analytics reports show: churn overall and by plan, region, device
 * and tenure band; revenue by region and plan; the top customers by revenue; average satisfaction;
 * NPS and CSAT when survey columns exist; and the effect of a promotional offer on churn with a
 * two-proportion z-test.
 *
 * <p>Columns are named in {@link Columns}; a column that is absent (or named {@code null}) just
 * leaves its KPI out. Revenue is the revenue column times the tenure column when both exist
 * (billed to date, e.g. monthly fee x months), else the revenue column alone. Missing values are
 * skipped per KPI; a missing category counts as the group {@code "(missing)"}.
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessKpis {

    /**
     * Which columns hold what. Any may be null.
     *
     * @param id           customer id
     * @param plan         plan or contract
     * @param region       region
     * @param device       device
     * @param tenure       tenure in months (numeric)
     * @param revenue      revenue per month (numeric)
     * @param satisfaction satisfaction score (numeric)
     * @param promotion    promotional offer received (boolean)
     * @param nps          likelihood to recommend, 0 to 10 (survey)
     * @param csat         satisfaction survey answer, 1 to 5
     */
    public record Columns(String id, String plan, String region, String device, String tenure, String revenue,
                          String satisfaction, String promotion, String nps, String csat) {

        /** The column names of the synthetic subscription base. */
        public static Columns subscriptionDefaults() {
            return new Columns("customer_id", "plan", "region", "device", "tenure_months", "monthly_fee",
                    "satisfaction", "promo_offer", "nps", "csat");
        }

        /** The column names of the IBM Telco churn file. */
        public static Columns telco() {
            return new Columns("customerID", "Contract", "InternetService", "PaymentMethod", "tenure",
                    "MonthlyCharges", null, null, null, null);
        }
    }

    /** Churn within one group. */
    public record GroupRate(String group, int customers, int churned) {
        /** Churned share, NaN for an empty group. */
        public double rate() {
            return customers == 0 ? Double.NaN : churned / (double) customers;
        }
    }

    /** A customer and their revenue. */
    public record TopCustomer(String id, double revenue) {
    }

    /**
     * Churn with against without a promotional offer.
     *
     * @param withOffer      customers who got the offer and how many churned
     * @param withoutOffer   customers who did not and how many churned
     * @param difference     rate with minus rate without
     * @param lower          lower end of the 95% Wald interval of the difference
     * @param upper          upper end
     * @param z              pooled two-proportion z statistic
     * @param pValue         two-sided p-value of z under the standard normal
     */
    public record PromotionEffect(GroupRate withOffer, GroupRate withoutOffer, double difference, double lower,
                                  double upper, double z, double pValue) {
    }

    /**
     * All KPIs; maps are ordered by group name (tenure bands in tenure order).
     *
     * @param customers        rows with a label
     * @param churned          churned rows
     * @param churnBy          column title ("plan", "region", "device", "tenure band") to groups
     * @param revenueBy        column title to revenue per group
     * @param topCustomers     the ten customers with the highest revenue
     * @param meanSatisfaction mean satisfaction, NaN without the column
     * @param promotion        the promotion effect, null without the column or with an empty arm
     * @param nps              net promoter score, -100 to 100, NaN without the column or answers
     * @param csat             CSAT, percent of answers 4 or 5, NaN without the column or answers
     */
    public record Kpis(int customers, int churned, Map<String, List<GroupRate>> churnBy,
                       Map<String, Map<String, Double>> revenueBy, List<TopCustomer> topCustomers,
                       double meanSatisfaction, PromotionEffect promotion, double nps, double csat) {
        /** Copies. */
        public Kpis {
            churnBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(churnBy));
            revenueBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(revenueBy));
            topCustomers = List.copyOf(topCustomers);
        }

        /** Churned share of all labelled customers. */
        public double churnRate() {
            return customers == 0 ? Double.NaN : churned / (double) customers;
        }
    }

    private BusinessKpis() {
    }

    /**
     * Computes the KPIs.
     *
     * @param table   the customers
     * @param churned 1 = churned, 0 = stayed, negative = unknown (left out of churn KPIs)
     * @param cols    the column names
     */
    public static Kpis compute(CustomerTable table, int[] churned, Columns cols) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(cols, "cols");
        if (churned.length != table.rowCount()) {
            throw new IllegalArgumentException(churned.length + " labels for " + table.rowCount() + " rows");
        }
        int n = 0;
        int c = 0;
        for (int v : churned) {
            if (v >= 0) {
                n++;
                c += v;
            }
        }
        Map<String, List<GroupRate>> churnBy = new LinkedHashMap<>();
        String[] tenureBands = tenureBands(table, cols.tenure());
        addGroups(churnBy, "plan", groups(table, cols.plan()), churned);
        addGroups(churnBy, "region", groups(table, cols.region()), churned);
        addGroups(churnBy, "device", groups(table, cols.device()), churned);
        addGroups(churnBy, "tenure band", tenureBands, churned);
        double[] revenue = revenue(table, cols);
        Map<String, Map<String, Double>> revenueBy = new LinkedHashMap<>();
        if (revenue != null) {
            addRevenue(revenueBy, "region", groups(table, cols.region()), revenue);
            addRevenue(revenueBy, "plan", groups(table, cols.plan()), revenue);
        }
        return new Kpis(n, c, churnBy, revenueBy, top(table, cols.id(), revenue, 10),
                mean(numeric(table, cols.satisfaction())), promotion(table, cols.promotion(), churned),
                nps(numeric(table, cols.nps())), csat(numeric(table, cols.csat())));
    }

    /**
     * Net promoter score (Reichheld 2003, "The one number you need to grow"): answers 0 to 10 to
     * "how likely are you to recommend us"; {@code 100 x (promoters (9-10) - detractors (0-6)) /
     * answers}. Missing answers are skipped; NaN for null or no answers.
     */
    public static double nps(double[] answers) {
        if (answers == null) {
            return Double.NaN;
        }
        int n = 0;
        int net = 0;
        for (double a : answers) {
            if (!Double.isNaN(a)) {
                n++;
                net += a >= 9 ? 1 : a <= 6 ? -1 : 0;
            }
        }
        return n == 0 ? Double.NaN : 100.0 * net / n;
    }

    /**
     * Customer satisfaction score: the percentage of answers 4 or 5 on a 1-to-5 scale. Missing
     * answers are skipped; NaN for null or no answers.
     */
    public static double csat(double[] answers) {
        if (answers == null) {
            return Double.NaN;
        }
        int n = 0;
        int satisfied = 0;
        for (double a : answers) {
            if (!Double.isNaN(a)) {
                n++;
                satisfied += a >= 4 ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : 100.0 * satisfied / n;
    }

    /**
     * The two-proportion comparison of churn with ({@code c1} of {@code n1}) and without ({@code c0}
     * of {@code n0}) an offer: difference {@code p1 - p0}, 95% Wald interval
     * {@code d +- 1.96 sqrt(p1 q1 / n1 + p0 q0 / n0)}, and the pooled z statistic
     * {@code d / sqrt(p (1 - p) (1/n1 + 1/n0))} with {@code p = (c1 + c0) / (n1 + n0)} and its
     * two-sided normal p-value (Agresti, Categorical Data Analysis, 3rd ed., section 1.4 and 3.1).
     * Returns null when an arm is empty.
     */
    public static PromotionEffect twoProportion(GroupRate with, GroupRate without) {
        if (with.customers() == 0 || without.customers() == 0) {
            return null;
        }
        double p1 = with.rate();
        double p0 = without.rate();
        double d = p1 - p0;
        double se = Math.sqrt(p1 * (1 - p1) / with.customers() + p0 * (1 - p0) / without.customers());
        double half = 1.959963984540054 * se;
        double pooled = (with.churned() + without.churned()) / (double) (with.customers() + without.customers());
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / with.customers() + 1.0 / without.customers()));
        double z = sePooled == 0 ? 0 : d / sePooled;
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
        return new PromotionEffect(with, without, d, d - half, d + half, z, p);
    }

    private static PromotionEffect promotion(CustomerTable table, String column, int[] churned) {
        double[] v = numeric(table, column);
        if (v == null) {
            return null;
        }
        int n1 = 0;
        int c1 = 0;
        int n0 = 0;
        int c0 = 0;
        for (int i = 0; i < v.length; i++) {
            if (churned[i] < 0 || Double.isNaN(v[i])) {
                continue;
            }
            if (v[i] != 0) {
                n1++;
                c1 += churned[i];
            } else {
                n0++;
                c0 += churned[i];
            }
        }
        return twoProportion(new GroupRate("offer", n1, c1), new GroupRate("no offer", n0, c0));
    }

    static String[] groups(CustomerTable table, String column) {
        if (column == null || !table.schema().contains(column)) {
            return null;
        }
        Column col = table.column(column);
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = col.isMissing(i) ? "(missing)" : col.format(i);
        }
        return out;
    }

    static String[] tenureBands(CustomerTable table, String column) {
        double[] t = numeric(table, column);
        if (t == null) {
            return null;
        }
        String[] out = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Double.isNaN(t[i]) ? "(missing)" : t[i] <= 6 ? "0-6 months" : t[i] <= 12 ? "7-12 months"
                    : t[i] <= 24 ? "13-24 months" : t[i] <= 48 ? "25-48 months" : "49+ months";
        }
        return out;
    }

    static double[] numeric(CustomerTable table, String column) {
        if (column == null || !table.schema().contains(column)) {
            return null;
        }
        Column col = table.column(column);
        return col instanceof NumericColumn num ? num.toArray() : null;
    }

    static double[] revenue(CustomerTable table, Columns cols) {
        double[] r = numeric(table, cols.revenue());
        double[] t = numeric(table, cols.tenure());
        if (r == null || t == null) {
            return r;
        }
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i] * t[i];
        }
        return out;
    }

    private static void addGroups(Map<String, List<GroupRate>> out, String title, String[] g, int[] y) {
        if (g == null) {
            return;
        }
        Map<String, int[]> acc = new TreeMap<>(Comparator.comparing(BusinessKpis::orderKey));
        for (int i = 0; i < g.length; i++) {
            if (y[i] >= 0) {
                int[] a = acc.computeIfAbsent(g[i], k -> new int[2]);
                a[0]++;
                a[1] += y[i];
            }
        }
        List<GroupRate> list = new ArrayList<>();
        acc.forEach((k, a) -> list.add(new GroupRate(k, a[0], a[1])));
        out.put(title, list);
    }

    /** Sorts tenure bands by their first number, other names alphabetically. */
    private static String orderKey(String s) {
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? s : String.format(java.util.Locale.ROOT, "%09d%s", Long.parseLong(s.substring(0, end)), s);
    }

    private static void addRevenue(Map<String, Map<String, Double>> out, String title, String[] g, double[] r) {
        if (g == null) {
            return;
        }
        Map<String, Double> acc = new TreeMap<>();
        for (int i = 0; i < g.length; i++) {
            if (!Double.isNaN(r[i])) {
                acc.merge(g[i], r[i], Double::sum);
            }
        }
        out.put(title, acc);
    }

    private static List<TopCustomer> top(CustomerTable table, String id, double[] revenue, int k) {
        String[] ids = groups(table, id);
        if (ids == null || revenue == null) {
            return List.of();
        }
        Integer[] order = new Integer[revenue.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(nan0(revenue[b]), nan0(revenue[a])));
        List<TopCustomer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            out.add(new TopCustomer(ids[order[i]], revenue[order[i]]));
        }
        return out;
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private static double mean(double[] v) {
        if (v == null) {
            return Double.NaN;
        }
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
