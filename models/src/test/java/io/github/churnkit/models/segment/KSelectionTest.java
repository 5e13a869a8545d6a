package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KSelectionTest {

    private static final List<KScore> SCORES = List.of(
            new KScore(2, 100.0, 0.5, 80.0),
            new KScore(3, 40.0, 0.7, 150.0));

    @Test
    void chosen_returnsRowOfChosenK() {
        KSelection s = new KSelection(SCORES, 3, KMeansSegmenter.Criterion.SILHOUETTE);
        assertEquals(SCORES.get(1), s.chosen());
    }

    @Test
    void toTable_oneLinePerKWithChosenMarked() {
        String table = new KSelection(SCORES, 3, KMeansSegmenter.Criterion.SILHOUETTE).toTable();
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertTrue(lines[2].startsWith("  3*"), table);
        assertTrue(lines[1].contains("0.5000") && lines[1].contains("100.000"), table);
    }

    @Test
    void new_chosenKNotScored_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new KSelection(SCORES, 4, KMeansSegmenter.Criterion.SILHOUETTE));
        assertThrows(IllegalArgumentException.class, () -> new KScore(0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new KScore(2, Double.NaN, 0, 0));
    }
}
