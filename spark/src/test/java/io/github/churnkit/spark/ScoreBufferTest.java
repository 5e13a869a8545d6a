package io.github.churnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.ScoreReason;
import org.junit.jupiter.api.Test;

/** The chunk result buffer, without Spark. */
class ScoreBufferTest {

    @Test
    void addReason_rowsKeepTheirOwnReasons() {
        ScoreBuffer b = new ScoreBuffer(2, 2);
        b.set(0, 0.25, "low", 10, "loyal", 120.0, 100.0, 150.0);
        b.set(1, 0.75, "high", -1, "", Double.NaN, Double.NaN, Double.NaN);
        b.addReason(1, "tenure", "3.0", 0.5, ScoreReason.Direction.INCREASES_RISK);
        b.addReason(0, "contract", "missing", -0.25, ScoreReason.Direction.DECREASES_RISK);
        b.addReason(1, "charges", "95.5", 0.125, ScoreReason.Direction.INCREASES_RISK);
        assertEquals(1, b.reasonCount(0));
        assertEquals(2, b.reasonCount(1));
        assertEquals("contract", b.reasonColumn(0, 0));
        assertEquals("missing", b.reasonValue(0, 0));
        assertEquals(-0.25, b.reasonContribution(0, 0));
        assertEquals(ScoreReason.Direction.DECREASES_RISK, b.reasonDirection(0, 0));
        assertEquals("charges", b.reasonColumn(1, 1));
        assertEquals("95.5", b.reasonValue(1, 1));
        assertEquals(0.75, b.churnProbability(1));
        assertEquals("high", b.riskBand(1));
        assertEquals(10, b.segmentId(0));
        assertEquals("loyal", b.segmentName(0));
        assertEquals(120.0, b.expectedClv(0));
        assertEquals(100.0, b.expectedClvLow(0));
        assertEquals(150.0, b.expectedClvHigh(0));
        assertTrue(Double.isNaN(b.expectedClvLow(1)) && Double.isNaN(b.expectedClvHigh(1)));
    }

    @Test
    void set_rowScoredAgain_clearsItsReasons() {
        ScoreBuffer b = new ScoreBuffer(1, 3);
        b.set(0, 0.5, "medium", 1, "a", 1.0, 0.5, 2.0);
        b.addReason(0, "tenure", "3.0", 0.5, ScoreReason.Direction.INCREASES_RISK);
        b.set(0, 0.5, "medium", 1, "a", 1.0, 0.5, 2.0);
        assertEquals(0, b.reasonCount(0));
    }

    @Test
    void addReason_beyondMaxReasons_throwsNamingLimitAndRow() {
        ScoreBuffer b = new ScoreBuffer(2, 1);
        b.set(1, 0.5, "medium", 1, "a", 1.0, 0.5, 2.0);
        b.addReason(1, "tenure", "3.0", 0.5, ScoreReason.Direction.INCREASES_RISK);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> b.addReason(1, "charges", "9.0", 0.25, ScoreReason.Direction.INCREASES_RISK));
        assertEquals("the score buffer holds at most 1 reasons per row (row 1)", e.getMessage());
    }

    @Test
    void constructor_noRowsOrNegativeReasons_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScoreBuffer(0, 3));
        assertEquals("a score buffer needs capacity >= 1 and maxReasons >= 0, found 0 and 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScoreBuffer(4, -1));
    }
}
