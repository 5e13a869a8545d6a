package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.features.NumericSource.Operand;
import org.junit.jupiter.api.Test;

class NumericSourceTest {

    private static TestRow two(double a, double b) {
        TestRow r = new TestRow(2);
        r.numbers[0] = a;
        r.numbers[1] = b;
        return r;
    }

    private static final NumericSource RATIO = NumericSource.derived(NumericSource.RATIO,
            new Operand(0, "a", false), new Operand(1, "b", false));

    @Test
    void ratio_divides() {
        assertEquals(2.5, RATIO.read(two(5, 2), true));
    }

    @Test
    void ratio_zeroDenominator_missing() {
        assertTrue(Double.isNaN(RATIO.read(two(5, 0), true)));
        assertTrue(Double.isNaN(RATIO.read(two(0, 0), true)));
        assertTrue(Double.isNaN(RATIO.read(two(5, -0.0), true)));
    }

    @Test
    void ratio_overflow_missing() {
        assertTrue(Double.isNaN(RATIO.read(two(1e308, 1e-308), false)));
    }

    @Test
    void difference_ofDates_daysBetween() {
        NumericSource d = NumericSource.derived(NumericSource.DIFFERENCE,
                new Operand(0, "last", true), new Operand(1, "joined", true));
        TestRow r = new TestRow(2);
        r.days[0] = 19_800;
        r.days[1] = 19_700;
        assertEquals(100.0, d.read(r, true));
        r.days[1] = io.github.churnkit.core.DateColumn.MISSING;
        assertTrue(Double.isNaN(d.read(r, true)));
    }

    @Test
    void daysSince_countsFromReference() {
        NumericSource s = NumericSource.daysSince(0, "joined", 20_000);
        TestRow r = new TestRow(1);
        r.days[0] = 19_990;
        assertEquals(10.0, s.read(r, true));
    }

    @Test
    void number_infinite_missingWhenLenientThrowsWhenStrict() {
        NumericSource s = NumericSource.number(0, "fee");
        assertTrue(Double.isNaN(s.read(TestRow.ofNumber(Double.POSITIVE_INFINITY), false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.read(TestRow.ofNumber(Double.NEGATIVE_INFINITY), true));
        assertTrue(e.getMessage().contains("'fee'") && e.getMessage().contains("-Infinity"), e.getMessage());
    }

    @Test
    void bool_notZeroOne_missingWhenLenientThrowsWhenStrict() {
        NumericSource s = NumericSource.bool(0, "paper");
        assertEquals(1.0, s.read(TestRow.ofNumber(1), true));
        assertTrue(Double.isNaN(s.read(TestRow.ofNumber(2), false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.read(TestRow.ofNumber(2), true));
        assertTrue(e.getMessage().contains("'paper'") && e.getMessage().contains("2.0"), e.getMessage());
    }
}
