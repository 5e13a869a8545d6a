package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IngestReport}, {@link RejectedRow} and the message format of {@link CsvFormatException}. */
class IngestReportTest {

    @Test
    void constructor_countsThatDoNotAddUp_throw() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IngestReport("f.csv", 10, 8, 1, List.of(), Map.of()));
        assertEquals("rows read (10) must equal rows accepted (8) plus rows rejected (1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IngestReport("f.csv", 1, 1, 0,
                List.of(new RejectedRow(2, null, null, "bad")), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new IngestReport("f.csv", 0, 1, -1, List.of(), Map.of()));
    }

    @Test
    void constructor_copiesCollections() {
        List<RejectedRow> rows = new ArrayList<>(List.of(new RejectedRow(2, "x", "a", "expected a number")));
        IngestReport r = new IngestReport("f.csv", 3, 1, 2, rows, Map.of("x", 4L));
        rows.clear();
        assertEquals(1, r.rejected().size());
        assertTrue(r.rejectedTruncated());
        assertEquals(4, r.missing("x"));
        assertEquals(0, r.missing("unknown"));
        assertEquals("f.csv: 3 rows read, 1 accepted, 2 rejected", r.summary());
        assertThrows(UnsupportedOperationException.class, () -> r.missingCounts().put("y", 1L));
    }

    @Test
    void rejectedRow_validatesAndFormatsLikeTheException() {
        RejectedRow row = new RejectedRow(12, "TotalCharges", "abc", "expected a number");
        assertEquals("telco.csv line 12, column 'TotalCharges': expected a number, found \"abc\"",
                row.message("telco.csv"));
        assertFalse(row.message("x").contains("null"));
        assertThrows(IllegalArgumentException.class, () -> new RejectedRow(0, null, null, "bad"));
        assertThrows(IllegalArgumentException.class, () -> new RejectedRow(1, null, null, " "));
    }

    @Test
    void exceptionMessage_longValueCut() {
        String longValue = "x".repeat(200);
        CsvFormatException e = new CsvFormatException("f.csv", 3, "c", longValue, "expected a number");
        assertEquals("f.csv line 3, column 'c': expected a number, found \"" + "x".repeat(80) + "\u2026\"",
                e.getMessage());
        assertEquals(longValue, e.value(), "the field keeps the whole value");
        assertEquals("expected a number", e.problem());
    }
}
