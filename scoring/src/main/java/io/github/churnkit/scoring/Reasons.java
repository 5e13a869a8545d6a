package io.github.churnkit.scoring;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** How many reason groups there are: the size of the working array {@link #top} needs. */
    int groupCount() {
        return groupNames.size();
    }

    /**
     * The {@code k} largest contributions by absolute value (ties: column order), zeros left out.
     * Sums the features' contributions into {@code s.reasonSums} (this thread's scratch) and marks
     * each group taken by overwriting its sum with NaN; allocates the contributions array of the
     * predictor and the returned reasons only.
     */
    List<ScoreReason> top(Scratch s, ChurnPredictor predictor, int k) {
        double[] phi = predictor.contributions(s.x, 0);
        double[] sum = s.reasonSums;
        Arrays.fill(sum, 0.0);
        for (int f = 0; f < phi.length; f++) {
            sum[group[f]] += phi[f];
        }
        int wanted = Math.min(k, sum.length);
        ScoreReason[] out = new ScoreReason[wanted];
        int found = 0;
        while (found < wanted) {
            int best = -1;
            double bestSize = 0.0;
            for (int g = 0; g < sum.length; g++) {
                // NaN (taken, or a NaN contribution) and infinities fail the first test
                double size = Math.abs(sum[g]);
                if (size < Double.POSITIVE_INFINITY && size > bestSize) {
                    best = g;
                    bestSize = size;
                }
            }
            if (best < 0) {
                break;
            }
            double c = sum[best];
            sum[best] = Double.NaN;
            out[found++] = new ScoreReason(groupNames.get(best), value(s, best), c,
                    c > 0 ? ScoreReason.Direction.INCREASES_RISK : ScoreReason.Direction.DECREASES_RISK);
        }
        return List.of(found == wanted ? out : Arrays.copyOf(out, found));
    }

    private String value(Scratch s, int g) {
        int slot = groupSlot[g];
        if (slot < 0) {
            return Double.toString(s.x[groupFeature[g]]);
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
        return Double.isNaN(v) ? "missing" : Double.toString(v);
    }
}
