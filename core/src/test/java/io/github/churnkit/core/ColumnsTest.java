package io.github.churnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link NumericColumn}, {@link DateColumn} and {@link TextColumn}: small value classes tested together. */
class ColumnsTest {

    @Test
    void numeric_formatAndMissing() {
        NumericColumn c = NumericColumn.of("x", new double[] {3, 29.85, Double.NaN, -0.5, 1e20});
        assertEquals("3", c.format(0));
        assertEquals("29.85", c.format(1));
        assertEquals("", c.format(2));
        assertEquals("-0.5", c.format(3));
        assertEquals("1.0E20", c.format(4));
        assertEquals(1, c.missingCount());
        assertEquals(ColumnType.NUMERIC, c.type());
    }

    @Test
    void numeric_copiesInAndOut() {
        double[] v = {1, 2};
        NumericColumn c = NumericColumn.of("x", v);
        v[0] = 9;
        c.toArray()[1] = 9;
        assertArrayEquals(new double[] {1, 2}, c.toArray());
    }

    @Test
    void ofBoolean_rejectsOtherValues() {
        NumericColumn b = NumericColumn.ofBoolean("f", new double[] {0, 1, Double.NaN});
        assertEquals(ColumnType.BOOLEAN, b.type());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumericColumn.ofBoolean("f", new double[] {0, 0.5}));
        assertEquals("boolean column 'f' row 1: expected 0, 1 or NaN, found 0.5", e.getMessage());
        assertNotEquals(NumericColumn.of("f", new double[] {0, 1}), NumericColumn.ofBoolean("f", new double[] {0, 1}));
    }

    @Test
    void numeric_select_repeatsAndReorders() {
        NumericColumn c = NumericColumn.of("x", new double[] {10, 20, 30});
        assertArrayEquals(new double[] {30, 30, 10}, c.select(new int[] {2, 2, 0}).toArray());
    }

    @Test
    void date_roundTripsLocalDateAndFormatsIso() {
        DateColumn d = DateColumn.of("d", LocalDate.of(2022, 1, 15), null);
        assertEquals(LocalDate.of(2022, 1, 15), d.get(0));
        assertEquals("2022-01-15", d.format(0));
        // 2022-01-15 is 19007 days after 1970-01-01 (52 years incl. 13 leap days: 52*365 + 13 = 18993, + 14)
        assertEquals(19007, d.epochDay(0));
        assertNull(d.get(1));
        assertEquals(DateColumn.MISSING, d.epochDay(1));
        assertTrue(d.isMissing(1));
        assertEquals("", d.format(1));
        assertEquals(DateColumn.of("d", new int[] {19007, DateColumn.MISSING}), d);
    }

    @Test
    void text_nullIsMissingAndCopied() {
        String[] v = {"a", null};
        TextColumn t = TextColumn.of("t", v);
        v[0] = "z";
        assertEquals("a", t.get(0));
        assertTrue(t.isMissing(1));
        assertEquals("", t.format(1));
        assertEquals(TextColumn.of("t", "a", null), t);
        assertEquals("b", TextColumn.of("t", "a", "b").select(new int[] {1}).get(0));
    }
}
