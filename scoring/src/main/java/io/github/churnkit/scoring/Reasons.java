package io.github.churnkit.scoring;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns per-feature contributions into per-column reasons: the features computed from one input
 * column (all its one-hot indicators, its missing flag) are summed back into one contribution; a
 * feature derived from two columns keeps its own name. Immutable.
 */
final class Reasons {

    private final int[] group;
    private final List<String> groupNames;
    /** The input slot holding each group's raw value, -1 for a derived feature. */
    private final int[] groupSlot;
    private final int[] groupFeature;
    private final Layout layout;

    Reasons(FittedPipeline pipeline, Layout layout) {
        this.layout = layout;
        int inputs = pipeline.inputColumns().size();
        List<String> names = new ArrayList<>(pipeline.inputColumns());
        group = new int[pipeline.width()];
        List<Integer> derivedFeature = new ArrayList<>();
        for (int f = 0; f < group.length; f++) {
            int src = pipeline.sourceColumn(f);
            if (src >= 0) {
                group[f] = src;
            } else {
                String name = pipeline.sourceName(f);
                int at = names.indexOf(name);
                if (at < inputs) {
                    names.add(name);
                    derivedFeature.add(f);
                    at = names.size() - 1;
                }
                group[f] = at;
            }
        }
        groupNames = List.copyOf(names);
        groupSlot = new int[names.size()];
        groupFeature = new int[names.size()];
        for (int g = 0; g < names.size(); g++) {
            groupSlot[g] = g < inputs ? layout.pipelineSlots()[g] : -1;
            groupFeature[g] = g < inputs ? -1 : derivedFeature.get(g - inputs);
        }
    }

    /** The {@code k} largest contributions by absolute value (ties: column order), zeros left out. */
    List<ScoreReason> top(Scratch s, ChurnPredictor predictor, int k) {
        double[] phi = predictor.contributions(s.x, 0);
        double[] sum = new double[groupNames.size()];
        for (int f = 0; f < phi.length; f++) {
            sum[group[f]] += phi[f];
        }
        List<ScoreReason> out = new ArrayList<>(Math.min(k, sum.length));
        boolean[] used = new boolean[sum.length];
        while (out.size() < k) {
            int best = -1;
            for (int g = 0; g < sum.length; g++) {
                if (!used[g] && sum[g] != 0.0 && Double.isFinite(sum[g])
                        && (best < 0 || Math.abs(sum[g]) > Math.abs(sum[best]))) {
                    best = g;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            out.add(new ScoreReason(groupNames.get(best), value(s, best), sum[best],
                    sum[best] > 0 ? ScoreReason.Direction.INCREASES_RISK : ScoreReason.Direction.DECREASES_RISK));
        }
        return out;
    }

    private String value(Scratch s, int g) {
        int slot = groupSlot[g];
        if (slot < 0) {
            return String.format(Locale.ROOT, "%s", s.x[groupFeature[g]]);
        }
        ColumnType t = layout.type(slot);
        if (t == ColumnType.CATEGORICAL) {
            String v = s.categories[slot];
            return v == null ? "missing" : v;
        }
        if (t == ColumnType.DATE) {
            int d = s.days[slot];
            return d == DateColumn.MISSING ? "missing" : LocalDate.ofEpochDay(d).toString();
        }
        double v = s.numbers[slot];
        return Double.isNaN(v) ? "missing" : String.format(Locale.ROOT, "%s", v);
    }
}
