package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.DateColumn;
import org.junit.jupiter.api.Test;

class RowBufferTest {

    private static final FittedPipeline F = FeaturePipeline.defaults(Tables.small().schema()).fit(Tables.small());

    @Test
    void of_newBuffer_allMissing() {
        RowBuffer b = RowBuffer.of(F);
        assertTrue(Double.isNaN(b.number(F.inputIndex("fee"))));
        assertNull(b.category(F.inputIndex("plan")));
        assertEquals(DateColumn.MISSING, b.epochDay(F.inputIndex("joined")));
    }

    @Test
    void clear_afterSet_missingAgain() {
        RowBuffer b = RowBuffer.of(F).setNumber("fee", 3).setCategory("plan", "Basic");
        assertEquals(3.0, b.number(F.inputIndex("fee")));
        b.clear();
        assertTrue(Double.isNaN(b.number(F.inputIndex("fee"))));
        assertNull(b.category(F.inputIndex("plan")));
    }

    @Test
    void set_wrongTypeOrUnknownColumn_throws() {
        RowBuffer b = RowBuffer.of(F);
        assertThrows(IllegalArgumentException.class, () -> b.setCategory("fee", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.setNumber("plan", 1));
        assertThrows(IllegalArgumentException.class, () -> b.setEpochDay(F.inputIndex("fee"), 1));
        assertThrows(IllegalArgumentException.class, () -> b.setNumber("note", 1));
        assertThrows(IndexOutOfBoundsException.class, () -> b.setNumber(99, 1));
    }
}
