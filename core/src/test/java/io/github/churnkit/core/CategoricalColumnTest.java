package io.github.churnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalColumnTest {

    @Test
    void of_values_levelsInFirstSeenOrderNullMissing() {
        CategoricalColumn c = CategoricalColumn.of("plan", "Basic", "Premium", null, "Basic");
        assertEquals(List.of("Basic", "Premium"), c.levels());
        assertArrayEquals(new int[] {0, 1, CategoricalColumn.MISSING, 0}, c.toCodes());
        assertNull(c.get(2));
        assertEquals("", c.format(2));
        assertEquals("Premium", c.format(1));
        assertTrue(c.isMissing(2));
        assertEquals(1, c.missingCount());
        assertEquals(ColumnType.CATEGORICAL, c.type());
    }

    @Test
    void counts_perLevelMissingExcluded() {
        CategoricalColumn c = CategoricalColumn.of("x", "a", "b", "a", null, "a");
        assertArrayEquals(new int[] {3, 1}, c.counts());
    }

    @Test
    void codeOf_unknownLevel_missing() {
        CategoricalColumn c = CategoricalColumn.of("x", "a", "b");
        assertEquals(1, c.codeOf("b"));
        assertEquals(CategoricalColumn.MISSING, c.codeOf("z"));
        assertEquals("b", c.level(1));
        assertEquals(2, c.levelCount());
    }

    @Test
    void of_levelsAndCodes_validatesAndCopies() {
        int[] codes = {0, 1, -1};
        CategoricalColumn c = CategoricalColumn.of("x", List.of("a", "b"), codes);
        codes[0] = 1;
        assertEquals("a", c.get(0), "the column keeps its own copy of the codes");
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.of("x", List.of("a", "b"), new int[] {0, 2}));
        assertEquals("column 'x' row 1: code 2 is outside 0..1", out.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.of("x", List.of("a", "b"), new int[] {-2}));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.of("x", List.of("a", "a"), new int[0]));
        assertEquals("column 'x': duplicate level 'a'", dup.getMessage());
    }

    @Test
    void toCodes_isACopy() {
        CategoricalColumn c = CategoricalColumn.of("x", "a", "b");
        c.toCodes()[0] = 1;
        assertEquals("a", c.get(0));
    }

    @Test
    void select_keepsWholeDictionary() {
        CategoricalColumn c = CategoricalColumn.of("x", "a", "b", "c");
        CategoricalColumn s = c.select(new int[] {2, 2, 0});
        assertEquals(c.levels(), s.levels());
        assertArrayEquals(new int[] {2, 2, 0}, s.toCodes());
    }

    @Test
    void equals_sameNameLevelsAndCodes() {
        assertEquals(CategoricalColumn.of("x", "a", "b"), CategoricalColumn.of("x", "a", "b"));
        assertEquals(CategoricalColumn.of("x", "a", "b").hashCode(), CategoricalColumn.of("x", "a", "b").hashCode());
        assertNotEquals(CategoricalColumn.of("x", "a", "b"), CategoricalColumn.of("y", "a", "b"));
        assertNotEquals(CategoricalColumn.of("x", "a", "b"), CategoricalColumn.of("x", "b", "a"));
    }
}
