package io.github.churnkit.models.segment;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Describes segments next to the whole base: size and share, per numeric column mean and median
 * in original units against the base, per categorical column the most over- and under-represented
 * levels (lift), churn rate, mean predicted churn probability, revenue and CLV, and a short name.
 *
 * <pre>{@code
 * List<SegmentProfile> profiles = SegmentProfiler.of(table, model.assign(table))
 *         .withRevenueColumn("MonthlyCharges")
 *         .withChurnProbabilities(churnModel.predict(table))   // optional
 *         .profile();
 * }</pre>
 *
 * <p>Profile columns default to every NUMERIC, BOOLEAN and CATEGORICAL column with role FEATURE.
 * Churn labels come from the schema's TARGET column when it is BOOLEAN, or CATEGORICAL with a
 * level named yes/true/1/churned (any case); rows with a missing label are left out of the churn
 * rate. Missing values are left out of each statistic; NaN probabilities or CLVs are skipped.
 *
 * <p>Immutable and thread-safe; the {@code with*} methods copy their arrays.
 */
public final class SegmentProfiler {

    private static final Set<String> POSITIVE = Set.of("yes", "true", "1", "churned", "churn");

    private final CustomerTable table;
    private final int[] segments;
    private final List<String> columns;
    private final double[] churnProbability;
    private final double[] clv;
    private final String revenueColumn;

    private SegmentProfiler(CustomerTable table, int[] segments, List<String> columns, double[] churnProbability,
                            double[] clv, String revenueColumn) {
        this.table = table;
        this.segments = segments;
        this.columns = columns;
        this.churnProbability = churnProbability;
        this.clv = clv;
        this.revenueColumn = revenueColumn;
    }

    /**
     * A profiler of {@code table} whose row {@code i} belongs to segment {@code segments[i]}.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static SegmentProfiler of(CustomerTable table, int[] segments) {
        Objects.requireNonNull(table, "table");
        checkLength(table, segments.length, "segments");
        List<String> cols = new ArrayList<>();
        for (ColumnSpec spec : table.schema().columns()) {
            if (spec.role() == ColumnRole.FEATURE && (spec.type() == ColumnType.NUMERIC
                    || spec.type() == ColumnType.BOOLEAN || spec.type() == ColumnType.CATEGORICAL)) {
                cols.add(spec.name());
            }
        }
        return new SegmentProfiler(table, segments.clone(), List.copyOf(cols), null, null, null);
    }

    private static void checkLength(CustomerTable table, int length, String what) {
        if (length != table.rowCount()) {
            throw new IllegalArgumentException(what + " has " + length + " values for " + table.rowCount() + " rows");
        }
    }

    /** A copy profiling the named columns (NUMERIC, BOOLEAN or CATEGORICAL). */
    public SegmentProfiler withColumns(List<String> names) {
        for (String name : names) {
            table.column(name);
        }
        return new SegmentProfiler(table, segments, List.copyOf(names), churnProbability, clv, revenueColumn);
    }

    /** A copy that also reports the mean of these per-row predicted churn probabilities. */
    public SegmentProfiler withChurnProbabilities(double[] p) {
        checkLength(table, p.length, "churn probabilities");
        return new SegmentProfiler(table, segments, columns, p.clone(), clv, revenueColumn);
    }

    /** A copy that also reports the mean of these per-row customer lifetime values. */
    public SegmentProfiler withClv(double[] values) {
        checkLength(table, values.length, "CLV");
        return new SegmentProfiler(table, segments, columns, churnProbability, values.clone(), revenueColumn);
    }

    /** A copy that reports mean revenue and revenue share from this numeric column. */
    public SegmentProfiler withRevenueColumn(String name) {
        table.numeric(name);
        return new SegmentProfiler(table, segments, columns, churnProbability, clv, name);
    }

    /** One profile per segment id present, in increasing id order, each with a unique name. */
    public List<SegmentProfile> profile() {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int s : segments) {
            ids.add(s);
        }
        int[] churn = churnLabels();
        int n = table.rowCount();
        List<SegmentProfile> out = new ArrayList<>();
        Set<String> used = new java.util.HashSet<>();
        java.util.Map<String, double[]> base = new java.util.HashMap<>();
        for (String name : columns) {
            if (table.column(name) instanceof NumericColumn num) {
                base.put(name, baseStats(num));
            }
        }
        for (int id : ids) {
            boolean[] in = new boolean[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (segments[i] == id) {
                    in[i] = true;
                    size++;
                }
            }
            List<NumericTrait> numeric = new ArrayList<>();
            List<LevelLift> over = new ArrayList<>();
            List<LevelLift> under = new ArrayList<>();
            for (String name : columns) {
                Column c = table.column(name);
                if (c instanceof NumericColumn num) {
                    numeric.add(numericTrait(num, in, base.get(name)));
                } else if (c instanceof CategoricalColumn cat) {
                    lifts(cat, in, over, under);
                } else {
                    throw new IllegalArgumentException("profile column '" + name + "' is " + c.type()
                            + "; profile NUMERIC, BOOLEAN or CATEGORICAL columns");
                }
            }
            over.sort(Comparator.comparingDouble(LevelLift::lift).reversed());
            under.sort(Comparator.comparingDouble(LevelLift::lift));
            String name = SegmentNamer.name(numeric, over, under, table);
            if (!used.add(name)) {
                name = name + " #" + id;
                used.add(name);
            }
            double churnRate = churn == null ? Double.NaN : churnRate(churn, in);
            double revenueMean = Double.NaN;
            double revenueShare = Double.NaN;
            if (revenueColumn != null) {
                NumericColumn rev = table.numeric(revenueColumn);
                double segSum = 0;
                double total = 0;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    double v = rev.get(i);
                    if (!Double.isNaN(v)) {
                        total += v;
                        if (in[i]) {
                            segSum += v;
                            count++;
                        }
                    }
                }
                revenueMean = count == 0 ? Double.NaN : segSum / count;
                revenueShare = total == 0 ? Double.NaN : segSum / total;
            }
            out.add(new SegmentProfile(id, name, size, (double) size / n, numeric, over, under, churnRate,
                    meanOf(churnProbability, in), revenueMean, revenueShare, meanOf(clv, in)));
        }
        return List.copyOf(out);
    }

    private int[] churnLabels() {
        ColumnSpec target = table.schema().target().orElse(null);
        if (target == null) {
            return null;
        }
        if (target.type() == ColumnType.BOOLEAN) {
            return table.labels(target.name());
        }
        CategoricalColumn cat = table.categorical(target.name());
        int positive = -1;
        for (int l = 0; l < cat.levelCount(); l++) {
            if (POSITIVE.contains(cat.level(l).toLowerCase(Locale.ROOT))) {
                positive = l;
            }
        }
        if (positive < 0) {
            return null;
        }
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            int code = cat.code(i);
            out[i] = code == CategoricalColumn.MISSING ? -1 : (code == positive ? 1 : 0);
        }
        return out;
    }

    private static double churnRate(int[] labels, boolean[] in) {
        int churned = 0;
        int labelled = 0;
        for (int i = 0; i < labels.length; i++) {
            if (in[i] && labels[i] >= 0) {
                labelled++;
                churned += labels[i] == 1 ? 1 : 0;
            }
        }
        return labelled == 0 ? Double.NaN : (double) churned / labelled;
    }

    private static double meanOf(double[] values, boolean[] in) {
        if (values == null) {
            return Double.NaN;
        }
        double s = 0;
        int c = 0;
        for (int i = 0; i < values.length; i++) {
            if (in[i] && !Double.isNaN(values[i])) {
                s += values[i];
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    /** Mean, median and population standard deviation of the non-missing values. */
    private static double[] baseStats(NumericColumn col) {
        int n = col.size();
        double[] all = new double[n];
        int na = 0;
        for (int i = 0; i < n; i++) {
            double v = col.get(i);
            if (!Double.isNaN(v)) {
                all[na++] = v;
            }
        }
        double mean = mean(all, na);
        double ss = 0;
        for (int i = 0; i < na; i++) {
            ss += (all[i] - mean) * (all[i] - mean);
        }
        return new double[] {mean, median(all, na), na == 0 ? 0 : Math.sqrt(ss / na)};
    }

    private static NumericTrait numericTrait(NumericColumn col, boolean[] in, double[] base) {
        int n = col.size();
        double[] seg = new double[n];
        int ns = 0;
        for (int i = 0; i < n; i++) {
            double v = col.get(i);
            if (in[i] && !Double.isNaN(v)) {
                seg[ns++] = v;
            }
        }
        double mean = mean(seg, ns);
        double sd = base[2];
        double effect = sd > 0 && ns > 0 ? (mean - base[0]) / sd : 0.0;
        return new NumericTrait(col.name(), mean, median(seg, ns), base[0], base[1], effect);
    }

    private static double mean(double[] v, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += v[i];
        }
        return s / count;
    }

    private static double median(double[] v, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(v, count);
        Arrays.sort(s);
        return count % 2 == 1 ? s[count / 2] : 0.5 * (s[count / 2 - 1] + s[count / 2]);
    }

    private static void lifts(CategoricalColumn cat, boolean[] in, List<LevelLift> over, List<LevelLift> under) {
        int levels = cat.levelCount();
        long[] base = new long[levels];
        long[] seg = new long[levels];
        long baseTotal = 0;
        long segTotal = 0;
        for (int i = 0; i < cat.size(); i++) {
            int code = cat.code(i);
            if (code == CategoricalColumn.MISSING) {
                continue;
            }
            base[code]++;
            baseTotal++;
            if (in[i]) {
                seg[code]++;
                segTotal++;
            }
        }
        if (segTotal == 0) {
            return;
        }
        List<LevelLift> colOver = new ArrayList<>();
        List<LevelLift> colUnder = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            if (base[l] == 0) {
                continue;
            }
            double segShare = (double) seg[l] / segTotal;
            double baseShare = (double) base[l] / baseTotal;
            LevelLift lift = new LevelLift(cat.name(), cat.level(l), segShare, baseShare, segShare / baseShare);
            if (lift.lift() > 1) {
                colOver.add(lift);
            } else if (lift.lift() < 1) {
                colUnder.add(lift);
            }
        }
        colOver.sort(Comparator.comparingDouble(LevelLift::lift).reversed());
        colUnder.sort(Comparator.comparingDouble(LevelLift::lift));
        over.addAll(colOver.subList(0, Math.min(3, colOver.size())));
        under.addAll(colUnder.subList(0, Math.min(3, colUnder.size())));
    }
}
