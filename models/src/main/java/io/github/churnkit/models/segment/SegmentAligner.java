package io.github.churnkit.models.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives the segments of a new fit the ids of the previous model's segments; see {@link SegmentAlignment}. */
final class SegmentAligner {

    private SegmentAligner() { }

    /** Ids per new centroid position, the next unused id and the report. */
    record Result(List<Integer> ids, int nextId, SegmentAlignment alignment) { }

    static Result align(SegmentModel previous, FeatureEncoder encoder, double[][] centroids, double threshold) {
        FeatureEncoder old = previous.encoder();
        if (!old.columns().equals(encoder.columns())) {
            throw new IllegalArgumentException("cannot align segments clustered on different columns: previous "
                    + old.columns() + ", new " + encoder.columns());
        }
        int d = encoder.featureCount();
        List<String> names = encoder.featureNames();
        int[] oldIndex = new int[d];
        for (int j = 0; j < d; j++) {
            oldIndex[j] = old.featureIndex(names.get(j));
        }
        int kOld = previous.segmentCount();
        double[][] oldCentroids = new double[kOld][d];
        for (int p = 0; p < kOld; p++) {
            double[] z = previous.standardizedCentroid(p);
            for (int j = 0; j < d; j++) {
                double raw = oldIndex[j] < 0 ? 0.0 : old.toOriginal(oldIndex[j], z[oldIndex[j]]);
                oldCentroids[p][j] = encoder.toStandardized(j, raw);
            }
        }
        int kNew = centroids.length;
        double[][] cost = new double[kNew][kOld];
        for (int i = 0; i < kNew; i++) {
            for (int p = 0; p < kOld; p++) {
                cost[i][p] = Math.sqrt(ClusterQuality.squaredDistance(centroids[i], oldCentroids[p]));
            }
        }
        int[] match = MinCostAssignment.solve(cost);
        List<Integer> oldIds = previous.segmentIds();
        int nextId = previous.nextId();
        List<Integer> ids = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        Map<Integer, Double> drift = new HashMap<>();
        boolean[] oldMatched = new boolean[kOld];
        for (int i = 0; i < kNew; i++) {
            int p = match[i];
            if (p >= 0 && cost[i][p] <= threshold) {
                int id = oldIds.get(p);
                ids.add(id);
                kept.add(id);
                drift.put(id, cost[i][p]);
                oldMatched[p] = true;
            } else {
                ids.add(nextId);
                added.add(nextId);
                nextId++;
            }
        }
        Map<Integer, Integer> merged = new HashMap<>();
        List<Integer> gone = new ArrayList<>();
        for (int p = 0; p < kOld; p++) {
            if (oldMatched[p]) {
                continue;
            }
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < kNew; i++) {
                if (cost[i][p] < best) {
                    best = cost[i][p];
                    nearest = i;
                }
            }
            if (nearest >= 0 && best <= threshold) {
                merged.put(oldIds.get(p), ids.get(nearest));
            } else {
                gone.add(oldIds.get(p));
            }
        }
        kept.sort(null);
        gone.sort(null);
        return new Result(ids, nextId, new SegmentAlignment(kept, added, merged, gone, drift));
    }
}
