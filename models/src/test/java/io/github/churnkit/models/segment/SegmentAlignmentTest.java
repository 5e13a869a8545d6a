package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentAlignmentTest {

    @BeforeAll
    static void quiet() {
        QuietTribuo.install();
    }

    /** One column: {@code counts[c]} rows uniformly within 0.5 of {@code centres[c]}. */
    private static double[][] groups(double[] centres, int[] counts, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                rows.add(new double[] {centres[c] + rng.nextDouble() - 0.5});
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static KMeansSegmenter segmenter(int k) {
        return KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(k));
    }

    private static int idAt(SegmentModel model, double x) {
        return model.toRuntime().assign(new double[] {x});
    }

    @Test
    void fit_sizesReversed_previousIdsKeepTheirMeaning() {
        SegmentModel january = segmenter(3).fit(groups(new double[] {0, 20, 40}, new int[] {300, 200, 100}, 1));
        assertEquals(0, idAt(january, 0));
        assertEquals(1, idAt(january, 20));
        assertEquals(2, idAt(january, 40));
        double[][] february = groups(new double[] {0, 20, 40}, new int[] {100, 200, 300}, 2);

        SegmentModel fresh = segmenter(3).fit(february);
        assertEquals(0, idAt(fresh, 40), "a fresh fit numbers by size, so the ids move");

        SegmentModel aligned = segmenter(3).fit(KMeansSegmenter.matrixTable(february), january);
        assertEquals(0, idAt(aligned, 0));
        assertEquals(1, idAt(aligned, 20));
        assertEquals(2, idAt(aligned, 40));
        SegmentAlignment report = aligned.alignment().orElseThrow();
        assertEquals(List.of(0, 1, 2), report.kept());
        assertTrue(report.added().isEmpty() && report.gone().isEmpty() && report.merged().isEmpty());
        // the centres did not move; the fitted centroids differ only by the noise of a few hundred
        // uniform draws (sd 0.29/sqrt(100) = 0.03 at worst), tiny against 20 units between groups
        report.drift().values().forEach(d -> assertTrue(d < 0.05, "drift " + d));
        assertFalse(january.alignment().isPresent());
    }

    @Test
    void fit_groupDisappears_reportedGone() {
        SegmentModel before = segmenter(3).fit(groups(new double[] {0, 20, 40}, new int[] {300, 200, 100}, 1));
        SegmentModel after = segmenter(2).fit(KMeansSegmenter.matrixTable(
                groups(new double[] {0, 20}, new int[] {300, 200}, 3)), before);
        SegmentAlignment report = after.alignment().orElseThrow();
        assertEquals(List.of(0, 1), report.kept());
        assertEquals(List.of(2), report.gone());
        assertTrue(report.added().isEmpty());
    }

    @Test
    void fit_groupAppears_getsFreshIdNeverReused() {
        SegmentModel m1 = segmenter(3).fit(groups(new double[] {0, 20, 40}, new int[] {300, 200, 100}, 1));
        SegmentModel m2 = segmenter(4).fit(KMeansSegmenter.matrixTable(
                groups(new double[] {0, 20, 40, 80}, new int[] {300, 200, 100, 100}, 4)), m1);
        assertEquals(List.of(3), m2.alignment().orElseThrow().added());
        assertEquals(3, idAt(m2, 80));
        SegmentModel m3 = segmenter(3).fit(KMeansSegmenter.matrixTable(
                groups(new double[] {0, 20, 40}, new int[] {300, 200, 100}, 5)), m2);
        assertEquals(List.of(3), m3.alignment().orElseThrow().gone());
        SegmentModel m4 = segmenter(4).fit(KMeansSegmenter.matrixTable(
                groups(new double[] {0, 20, 40, 120}, new int[] {300, 200, 100, 100}, 6)), m3);
        assertEquals(4, idAt(m4, 120), "id 3 belonged to another group and is not reused");
        assertEquals(List.of(0, 1, 2, 4), m4.segmentIds().stream().sorted().toList());
    }

    @Test
    void fit_twoGroupsBecomeOne_reportedMerged() {
        SegmentModel before = segmenter(3).fit(groups(new double[] {0, 3, 40}, new int[] {200, 200, 200}, 7));
        int idAt0 = idAt(before, 0);
        int idAt3 = idAt(before, 3);
        assertNotEquals(idAt0, idAt3);
        SegmentModel after = segmenter(2).fit(KMeansSegmenter.matrixTable(
                groups(new double[] {1.5, 40}, new int[] {400, 200}, 8)), before);
        SegmentAlignment report = after.alignment().orElseThrow();
        // in the new standardised units (sd about 18) the old centroids 0 and 3 are both within
        // 0.1 of the new one at 1.5, far inside the default threshold 1: one keeps its id, the
        // other merges into it
        int merged = idAt(after, 1.5);
        assertTrue(merged == idAt0 || merged == idAt3);
        int other = merged == idAt0 ? idAt3 : idAt0;
        assertEquals(Map.of(other, merged), report.merged());
        assertTrue(report.gone().isEmpty());
        assertEquals(idAt(before, 40), idAt(after, 40));
    }

    @Test
    void fit_previousOnOtherColumns_throws() {
        SegmentModel before = segmenter(2).fit(new double[][] {{0, 0}, {0, 1}, {9, 9}, {9, 8}});
        double[][] oneColumn = {{0}, {1}, {9}, {8}};
        assertThrows(IllegalArgumentException.class,
                () -> segmenter(2).fit(KMeansSegmenter.matrixTable(oneColumn), before));
    }
}
