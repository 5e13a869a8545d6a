package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.models.churn.TrainingListener;
import io.github.churnkit.models.explain.Explainer;
import io.github.churnkit.models.explain.Explanation;
import io.github.churnkit.models.explain.FeatureGroups;
import io.github.churnkit.models.explain.Reason;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.models.segment.SegmentProfile;
import io.github.churnkit.models.segment.SegmentProfiler;
import io.github.churnkit.models.survival.KaplanMeier;
import io.github.churnkit.models.survival.SurvivalCurve;
import io.github.churnkit.scoring.ClvEvaluator;
import io.github.churnkit.scoring.clv.ClvSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A data scientist's whole day on one labelled customer table: cross-validated churn model,
 * segments, subscription CLV (shifted-beta-geometric on tenure and churn), scores with reasons,
 * Kaplan-Meier retention curves and business KPIs, all by calling the library's trainers.
 *
 * <p>Per customer, CLV is {@link SubscriptionClv}'s: {@code margin × revenue × DERL} with the sBG
 * parameters fitted on all customers' tenure (right-censored when still active), the revenue column
 * as revenue per period and the tenure as renewals so far, with its delta-method interval at
 * {@link ModelFiles#CLV_LEVEL}, exactly as the model file written from the analysis scores it;
 * without revenue or tenure columns CLV is left out (NaN).
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerAnalysis {

    /** Progress of the analysis steps. */
    @FunctionalInterface
    public interface Listener {
        /** {@code done} of {@code total} units of {@code stage} are finished. */
        void progress(String stage, int done, int total);
    }

    /**
     * Settings.
     *
     * @param training        churn training settings
     * @param segmentColumns  clustering columns; empty for every feature column
     * @param minSegments     smallest number of segments tried, at least 2
     * @param maxSegments     largest number of segments tried, at least {@code minSegments}
     * @param kpiColumns      the columns the KPIs read (also tenure and revenue for CLV)
     * @param clv             CLV margin, discount and horizon (in the tenure's periods, e.g. months)
     */
    public record Options(ChurnTraining.Options training, List<String> segmentColumns, int minSegments, int maxSegments,
                          BusinessKpis.Columns kpiColumns, ClvSettings clv) {

        /** Validates and copies. */
        public Options {
            Objects.requireNonNull(training, "training");
            segmentColumns = List.copyOf(segmentColumns);
            if (minSegments < 2) {
                throw new IllegalArgumentException("minSegments must be at least 2, found " + minSegments);
            }
            if (maxSegments < minSegments) {
                throw new IllegalArgumentException("maxSegments must be at least minSegments=" + minSegments
                        + ", found " + maxSegments);
            }
            Objects.requireNonNull(kpiColumns, "kpiColumns");
            Objects.requireNonNull(clv, "clv");
        }

        /** Defaults for a table with the given KPI columns. */
        public static Options defaults(BusinessKpis.Columns kpiColumns) {
            return new Options(ChurnTraining.Options.defaults(), List.of(), 2, 8, kpiColumns,
                    SubscriptionClv.DEFAULT_SETTINGS);
        }

        /** With other training settings. */
        public Options withTraining(ChurnTraining.Options t) {
            return new Options(t, segmentColumns, minSegments, maxSegments, kpiColumns, clv);
        }

        /** With other clustering columns. */
        public Options withSegmentColumns(List<String> columns) {
            return new Options(training, columns, minSegments, maxSegments, kpiColumns, clv);
        }

        /** With another range of segment counts to try. */
        public Options withSegmentRange(int min, int max) {
            return new Options(training, segmentColumns, min, max, kpiColumns, clv);
        }
    }

    /**
     * Everything the analysis produced, row-aligned with {@code training.table()}.
     *
     * @param training     the churn training outcome
     * @param probability  churn probability of every row from the final model
     * @param reasons      the top three reasons of every row, e.g. "tenure_months +0.81"
     * @param segments     the segment model
     * @param segment      segment id of every row
     * @param profiles     segment profiles with churn, predicted churn, revenue and CLV
     * @param retention    the sBG fit with its columns and CLV settings, or null without a tenure column
     * @param clv          CLV of every row (NaN when not computable)
     * @param clvLow       lower end of each row's CLV interval at {@link ModelFiles#CLV_LEVEL} (NaN when
     *                     the CLV is, or the fit has no covariance)
     * @param clvHigh      upper end of the same interval
     * @param survivalBy   "plan" / "segment" to group to Kaplan-Meier curve (empty without tenure)
     * @param kpis         the business KPIs
     * @param importance   model importance summed per input column, largest first
     */
    public record Analysis(ChurnTraining.Result training, double[] probability, List<List<Reason>> reasons,
                           SegmentModel segments, int[] segment, List<SegmentProfile> profiles,
                           SubscriptionClv retention, double[] clv, double[] clvLow, double[] clvHigh,
                           Map<String, Map<String, SurvivalCurve>> survivalBy,
                           BusinessKpis.Kpis kpis, Map<String, Double> importance) {
    }

    private final Options options;
    private final Listener listener;

    private CustomerAnalysis(Options options, Listener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** An analysis with these settings. */
    public static CustomerAnalysis of(Options options) {
        return new CustomerAnalysis(Objects.requireNonNull(options, "options"), (s, d, t) -> { });
    }

    /** A copy reporting progress to {@code l}. */
    public CustomerAnalysis withListener(Listener l) {
        return new CustomerAnalysis(options, Objects.requireNonNull(l, "listener"));
    }

    /** Runs every step on {@code table} (which needs a binary target column). */
    public Analysis run(CustomerTable table) {
        TrainingListener tl = listener::progress;
        ChurnTraining.Result trained = ChurnTraining.of(options.training()).withListener(tl).fit(table);
        CustomerTable t = trained.table();
        int n = t.rowCount();
        double[][] x = trained.pipeline().transform(t);
        double[] p = trained.model().probability(x);
        Explainer why = Explainer.of(trained.model(), FeatureGroups.of(trained.pipeline()));
        List<List<Reason>> reasons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Explanation e = why.explain(x[i]);
            reasons.add(e.topReasons(3));
            if ((i + 1) % 2000 == 0 || i + 1 == n) {
                listener.progress("reasons", i + 1, n);
            }
        }
        SegmentModel seg = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
                        .withColumns(options.segmentColumns()).withKRange(options.minSegments(), options.maxSegments())
                        .withRestarts(3).withSelectionSample(5000).withSeed(options.training().seed())
                        .withMissing(KMeansSegmenter.MissingValues.IMPUTE_MEAN))
                .withListener((done, total, k, inertia) -> listener.progress("segments", done, total))
                .fit(t);
        int[] segment = seg.assign(t);
        double[] tenure = BusinessKpis.numeric(t, options.kpiColumns().tenure());
        double[] fee = BusinessKpis.numeric(t, options.kpiColumns().revenue());
        SubscriptionClv sbg = null;
        double[] clv = new double[n];
        double[] clvLow = new double[n];
        double[] clvHigh = new double[n];
        java.util.Arrays.fill(clv, Double.NaN);
        java.util.Arrays.fill(clvLow, Double.NaN);
        java.util.Arrays.fill(clvHigh, Double.NaN);
        if (tenure != null) {
            sbg = SubscriptionClv.fit(t, trained.labels(), new SubscriptionClv.Columns(options.kpiColumns().tenure(),
                    fee == null ? null : options.kpiColumns().revenue()), options.clv());
            ClvEvaluator value = sbg.evaluator(ModelFiles.CLV_LEVEL).orElse(null);
            if (value != null) {
                for (int i = 0; i < n; i++) {
                    clv[i] = value.clv(fee[i], tenure[i], p[i]);
                    clvLow[i] = value.lower(clv[i], tenure[i]);
                    clvHigh[i] = value.upper(clv[i], tenure[i]);
                }
            }
        }
        listener.progress("lifetime value", 1, 1);
        SegmentProfiler profiler = SegmentProfiler.of(t, segment).withChurnProbabilities(p).withClv(clv);
        if (fee != null) {
            profiler = profiler.withRevenueColumn(options.kpiColumns().revenue());
        }
        List<SegmentProfile> profiles = profiler.profile();
        Map<String, Map<String, SurvivalCurve>> survival = new LinkedHashMap<>();
        if (tenure != null) {
            String[] plan = BusinessKpis.groups(t, options.kpiColumns().plan());
            if (plan != null) {
                survival.put("plan", curves(tenure, trained.labels(), plan));
            }
            String[] segNames = new String[n];
            for (int i = 0; i < n; i++) {
                segNames[i] = "segment " + segment[i];
            }
            survival.put("segment", curves(tenure, trained.labels(), segNames));
        }
        BusinessKpis.Kpis kpis = BusinessKpis.compute(t, trained.labels(), options.kpiColumns());
        listener.progress("KPIs", 1, 1);
        return new Analysis(trained, p, reasons, seg, segment, profiles, sbg, clv, clvLow, clvHigh, survival, kpis,
                importance(trained));
    }

    private static Map<String, SurvivalCurve> curves(double[] tenure, int[] churned, String[] group) {
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            if (Double.isFinite(tenure[i])) {
                rows.computeIfAbsent(group[i], k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, SurvivalCurve> out = new LinkedHashMap<>();
        rows.forEach((g, list) -> {
            double[] d = new double[list.size()];
            boolean[] e = new boolean[list.size()];
            for (int j = 0; j < d.length; j++) {
                d[j] = tenure[list.get(j)];
                e[j] = churned[list.get(j)] == 1;
            }
            out.put(g, KaplanMeier.withDefaults().fit(d, e));
        });
        return out;
    }

    private static Map<String, Double> importance(ChurnTraining.Result trained) {
        FeatureGroups groups = FeatureGroups.of(trained.pipeline());
        List<Double> values = trained.model().importance().values();
        double[] v = new double[values.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = values.get(j);
        }
        double[] byGroup = groups.sum(v, true);
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < byGroup.length; g++) {
            order.add(g);
        }
        order.sort((a, b) -> Double.compare(byGroup[b], byGroup[a]));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int g : order) {
            out.put(groups.groups().get(g), byGroup[g]);
        }
        return out;
    }

    /** The id column's value of each row, or the row number when there is no id. */
    public static String[] customerIds(CustomerTable t) {
        String[] out = new String[t.rowCount()];
        Column id = t.schema().id().map(s -> t.column(s.name())).orElse(null);
        for (int i = 0; i < out.length; i++) {
            out[i] = id == null ? Integer.toString(i + 1) : id.format(i);
        }
        return out;
    }
}
