package io.github.churnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnBuilderTest {

    @Test
    void build_numericBeyondInitialCapacity_keepsEveryValueInOrder() {
        ColumnBuilder b = ColumnBuilder.of("x", ColumnType.NUMERIC, 2);
        for (int i = 0; i < 1000; i++) {
            b.addDouble(i * 0.5);
        }
        b.addMissing();
        NumericColumn c = assertInstanceOf(NumericColumn.class, b.build());
        assertEquals(1001, c.size());
        assertEquals(499.5, c.get(999));
        assertTrue(c.isMissing(1000));
    }

    @Test
    void addDouble_booleanOtherThanZeroOneNaN_throws() {
        ColumnBuilder b = ColumnBuilder.of("flag", ColumnType.BOOLEAN);
        b.addDouble(1).addDouble(0).addDouble(Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.addDouble(2));
        assertEquals("boolean column 'flag': expected 0, 1 or NaN, found 2.0", e.getMessage());
        assertEquals(ColumnType.BOOLEAN, b.build().type());
    }

    @Test
    void add_wrongKindForType_throwsNamingTypes() {
        ColumnBuilder num = ColumnBuilder.of("x", ColumnType.NUMERIC);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> num.addString("a"));
        assertTrue(e.getMessage().contains("'x' is NUMERIC"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ColumnBuilder.of("d", ColumnType.DATE).addDouble(1));
        assertThrows(IllegalStateException.class, () -> ColumnBuilder.of("c", ColumnType.CATEGORICAL).addEpochDay(1));
    }

    @Test
    void build_categorical_levelsInFirstSeenOrderWithMissing() {
        ColumnBuilder b = ColumnBuilder.of("plan", ColumnType.CATEGORICAL);
        b.addString("Pro").addString("Free").addString(null).addString("Pro");
        CategoricalColumn c = assertInstanceOf(CategoricalColumn.class, b.build());
        assertEquals(List.of("Pro", "Free"), c.levels());
        assertEquals(0, c.code(0));
        assertEquals(1, c.code(1));
        assertEquals(CategoricalColumn.MISSING, c.code(2));
        assertEquals(0, c.code(3));
    }

    @Test
    void categorical_presetLevels_keptEvenIfUnused() {
        ColumnBuilder b = ColumnBuilder.categorical("y", List.of("No", "Yes"));
        b.addString("Yes").addString("Maybe");
        CategoricalColumn c = (CategoricalColumn) b.build();
        assertEquals(List.of("No", "Yes", "Maybe"), c.levels());
        assertEquals(1, c.code(0));
    }

    @Test
    void removeLast_dropsRowAndALevelOnlyThatRowIntroduced() {
        ColumnBuilder b = ColumnBuilder.categorical("c", List.of("a"));
        b.addString("a").addString("b").addString("b").addString("c");
        b.removeLast(); // "c" was new with this row: gone
        b.removeLast(); // "b" is still used by row 1: stays
        b.addString("d");
        CategoricalColumn c = (CategoricalColumn) b.build();
        assertEquals(List.of("a", "b", "d"), c.levels());
        assertEquals(3, c.size());
        assertEquals("d", c.get(2));
    }

    @Test
    void removeLast_presetLevelNeverDropped() {
        ColumnBuilder b = ColumnBuilder.categorical("c", List.of("a"));
        b.addString("a");
        b.removeLast();
        assertEquals(List.of("a"), ((CategoricalColumn) b.build()).levels());
    }

    @Test
    void removeLast_otherTypes_dropLastValue() {
        ColumnBuilder t = ColumnBuilder.of("t", ColumnType.TEXT);
        t.addString("x").addString("y");
        t.removeLast();
        TextColumn text = (TextColumn) t.build();
        assertEquals(1, text.size());
        assertEquals("x", text.get(0));
        ColumnBuilder d = ColumnBuilder.of("d", ColumnType.DATE);
        d.addEpochDay(10).addEpochDay(20);
        d.removeLast();
        assertEquals(1, d.build().size());
    }

    @Test
    void removeLast_emptyOrBuilt_throws() {
        ColumnBuilder b = ColumnBuilder.of("x", ColumnType.NUMERIC);
        assertThrows(IllegalStateException.class, b::removeLast);
        b.addDouble(1);
        b.build();
        assertThrows(IllegalStateException.class, b::removeLast);
    }

    @Test
    void build_twiceOrAddAfterBuild_throws() {
        ColumnBuilder b = ColumnBuilder.of("x", ColumnType.TEXT);
        b.addString("a");
        b.build();
        assertThrows(IllegalStateException.class, b::build);
        assertThrows(IllegalStateException.class, () -> b.addString("b"));
        assertThrows(IllegalStateException.class, b::addMissing);
    }

    @Test
    void build_exactCapacity_columnUnaffectedByLaterBuilderUse() {
        // the builder hands its array over when it is exactly full; a later add must not reach it
        ColumnBuilder b = ColumnBuilder.of("x", ColumnType.NUMERIC, 16);
        for (int i = 0; i < 16; i++) {
            b.addDouble(i);
        }
        NumericColumn c = (NumericColumn) b.build();
        assertThrows(IllegalStateException.class, () -> b.addDouble(99));
        assertEquals(15.0, c.get(15));
    }

    @Test
    void addMissing_eachType_missingInColumn() {
        for (ColumnType type : ColumnType.values()) {
            Column c = ColumnBuilder.of("m", type).addMissing().build();
            assertTrue(c.isMissing(0), type.name());
            assertEquals("", c.format(0), type.name());
        }
        DateColumn d = (DateColumn) ColumnBuilder.of("d", ColumnType.DATE)
                .addEpochDay((int) LocalDate.of(2024, 3, 1).toEpochDay()).addMissing().build();
        assertEquals(LocalDate.of(2024, 3, 1), d.get(0));
        assertNull(d.get(1));
    }
}
