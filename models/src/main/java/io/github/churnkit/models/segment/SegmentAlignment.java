package io.github.churnkit.models.segment;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the segments of a retrained model relate to those of the previous one.
 *
 * <p>The new centroids are matched one-to-one to the old ones by minimum total Euclidean distance
 * (Hungarian method), both expressed in the new model's standardised units. A match closer than the
 * segmenter's {@code matchThreshold} keeps the old id ({@code kept}); any other new segment gets a
 * fresh id, never used before ({@code added}). An old segment left without a match is
 * {@code merged} into the nearest new segment when that is within the threshold, and otherwise
 * {@code gone}.
 *
 * @param kept   ids present in both models, increasing
 * @param added  fresh ids of segments with no old counterpart, increasing
 * @param merged old id to the id of the new segment it merged into
 * @param gone   old ids with no new segment near them, increasing
 * @param drift  for each kept id, the distance its centroid moved (standardised units)
 */
public record SegmentAlignment(List<Integer> kept, List<Integer> added, Map<Integer, Integer> merged,
                               List<Integer> gone, Map<Integer, Double> drift) {

    /** Copies. */
    public SegmentAlignment {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        merged = Collections.unmodifiableMap(new TreeMap<>(merged));
        gone = List.copyOf(gone);
        drift = Collections.unmodifiableMap(new TreeMap<>(drift));
    }
}
