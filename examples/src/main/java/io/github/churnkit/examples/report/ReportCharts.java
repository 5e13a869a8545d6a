package io.github.churnkit.examples.report;

import io.github.churnkit.examples.workflow.BusinessKpis;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.CustomerAnalysis;
import io.github.churnkit.models.eval.EvaluationReport;
import io.github.churnkit.models.eval.GainsRow;
import io.github.churnkit.models.eval.ReliabilityBin;
import io.github.churnkit.models.survival.SurvivalCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The charts of the report, each an inline SVG string (ids are stable: tests and readers use them). */
final class ReportCharts {

    private static final double[] UNIT = {0, 1};

    private ReportCharts() {
    }

    private static Svg.Series diagonal(String name) {
        return new Svg.Series(name, new double[] {0, 1}, new double[] {0, 1}, false, true);
    }

    static String roc(ChurnTraining.Result t) {
        List<Svg.Series> s = new ArrayList<>();
        for (ChurnTraining.Candidate c : t.candidates()) {
            Curves.Points pts = Curves.roc(c.outOfFold(), t.labels(), 300);
            s.add(new Svg.Series(String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", shortName(c.name()), c.auc()),
                    pts.x(), pts.y(), false, false));
        }
        s.add(diagonal("no skill"));
        return Svg.lines("chart-roc", "ROC curve (out-of-fold)", s, UNIT, UNIT,
                new String[] {"false positive rate", "true positive rate"}, Svg.Corner.BOTTOM_RIGHT);
    }

    static String precisionRecall(ChurnTraining.Result t) {
        List<Svg.Series> s = new ArrayList<>();
        double rate = 0;
        for (int v : t.labels()) {
            rate += v;
        }
        rate /= t.labels().length;
        for (ChurnTraining.Candidate c : t.candidates()) {
            Curves.Points pts = Curves.precisionRecall(c.outOfFold(), t.labels(), 300);
            s.add(new Svg.Series(String.format(java.util.Locale.ROOT, "%s (AP %.3f)", shortName(c.name()),
                    c.report().mean("averagePrecision")), pts.x(), pts.y(), false, false));
        }
        s.add(new Svg.Series("no skill", new double[] {0, 1}, new double[] {rate, rate}, false, true));
        return Svg.lines("chart-pr", "Precision-recall curve (out-of-fold)", s, UNIT, UNIT,
                new String[] {"recall", "precision"}, Svg.Corner.TOP_RIGHT);
    }

    static String calibration(ChurnTraining.Result t) {
        EvaluationReport pooled = t.chosen().report().pooled();
        List<ReliabilityBin> bins = pooled.reliability().stream().filter(b -> b.count() > 0).toList();
        double[] x = new double[bins.size()];
        double[] y = new double[bins.size()];
        double max = 0.05;
        for (int i = 0; i < x.length; i++) {
            x[i] = bins.get(i).meanPredicted();
            y[i] = bins.get(i).observedRate();
            max = Math.max(max, Math.max(x[i], y[i]));
        }
        max = Math.min(1, Math.ceil(max * 10) / 10);
        List<Svg.Series> s = List.of(new Svg.Series(shortName(t.chosen().name()), x, y, false, false),
                new Svg.Series("perfect calibration", new double[] {0, max}, new double[] {0, max}, false, true));
        return Svg.lines("chart-calibration", "Calibration (out-of-fold, 10 bins)", s, new double[] {0, max},
                new double[] {0, max}, new String[] {"mean predicted probability", "observed churn rate"},
                Svg.Corner.TOP_LEFT);
    }

    static String gains(ChurnTraining.Result t) {
        List<GainsRow> rows = t.chosen().report().pooled().gains();
        double[] x = new double[rows.size() + 1];
        double[] y = new double[rows.size() + 1];
        int n = 0;
        for (GainsRow r : rows) {
            n += r.count();
        }
        int seen = 0;
        for (int i = 0; i < rows.size(); i++) {
            seen += rows.get(i).count();
            x[i + 1] = seen / (double) n;
            y[i + 1] = rows.get(i).cumulativeGain();
        }
        return Svg.lines("chart-gains", "Cumulative gains (out-of-fold)", List.of(
                new Svg.Series(shortName(t.chosen().name()), x, y, false, false), diagonal("random targeting")),
                UNIT, UNIT, new String[] {"share of customers contacted, riskiest first", "share of churners reached"},
                Svg.Corner.BOTTOM_RIGHT);
    }

    static String lift(ChurnTraining.Result t) {
        List<Svg.Bar> bars = new ArrayList<>();
        for (GainsRow r : t.chosen().report().pooled().gains()) {
            bars.add(new Svg.Bar("D" + r.group(), r.lift()));
        }
        return Svg.bars("chart-lift", "Lift by decile (1 = riskiest tenth)", bars, "lift over average", false);
    }

    static String importance(Map<String, Double> importance) {
        double total = importance.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Svg.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Double> e : importance.entrySet()) {
            if (bars.size() == 12) {
                break;
            }
            bars.add(new Svg.Bar(e.getKey(), total == 0 ? 0 : e.getValue() / total));
        }
        return Svg.hbars("chart-importance", "Feature importance (share of total)", bars);
    }

    static String survival(String id, String title, Map<String, SurvivalCurve> curves) {
        List<Svg.Series> s = new ArrayList<>();
        double maxT = 1;
        for (Map.Entry<String, SurvivalCurve> e : curves.entrySet()) {
            SurvivalCurve c = e.getValue();
            double[] x = new double[c.size() + 1];
            double[] y = new double[c.size() + 1];
            y[0] = 1;
            for (int i = 0; i < c.size(); i++) {
                x[i + 1] = c.time(i);
                y[i + 1] = c.survival(i);
                maxT = Math.max(maxT, c.time(i));
            }
            s.add(new Svg.Series(e.getKey(), x, y, true, false));
        }
        return Svg.lines(id, title, s, new double[] {0, maxT}, UNIT, new String[] {"tenure (months)", "still subscribed"},
                Svg.Corner.BOTTOM_LEFT);
    }

    static String clvHistogram(double[] clv) {
        double[] v = Arrays.stream(clv).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return "";
        }
        double hi = v[(int) Math.min(v.length - 1, Math.floor(0.99 * v.length))];
        int bins = 20;
        double width = hi / bins;
        int[] counts = new int[bins];
        for (double x : v) {
            counts[Math.min(bins - 1, Math.max(0, (int) (x / (width == 0 ? 1 : width))))]++;
        }
        List<Svg.Bar> bars = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            bars.add(new Svg.Bar(b % 4 == 0 ? String.format(java.util.Locale.ROOT, "%.0f", b * width) : "", counts[b]));
        }
        return Svg.bars("chart-clv", "CLV distribution (customers per bin; top 1% in last bin)", bars, "customers",
                false);
    }

    static String churnBy(String id, String title, List<BusinessKpis.GroupRate> groups) {
        return Svg.bars(id, title, groups.stream().map(g -> new Svg.Bar(g.group(), g.rate())).toList(), "churn rate",
                true);
    }

    static String revenueBy(String id, String title, Map<String, Double> revenue) {
        return Svg.bars(id, title, revenue.entrySet().stream().map(e -> new Svg.Bar(e.getKey(), e.getValue())).toList(),
                "revenue", false);
    }

    static String segmentChurn(CustomerAnalysis.Analysis a) {
        return Svg.bars("chart-segment-churn", "Churn rate by segment id", a.profiles().stream()
                .map(p -> new Svg.Bar(String.valueOf(p.id()), p.churnRate())).toList(), "churn rate", true);
    }

    static String shortName(String trainer) {
        return trainer.replace("ChurnTrainer", "");
    }
}
