package io.github.churnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static Schema telcoLike() {
        return Schema.builder()
                .add(new ColumnSpec("customerID", ColumnRole.ID, ColumnType.TEXT, "distinct text"))
                .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("SeniorCitizen", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("Churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
                .build();
    }

    @Test
    void lookups_byNameAndIndex() {
        Schema s = telcoLike();
        assertEquals(4, s.size());
        assertEquals(List.of("customerID", "tenure", "SeniorCitizen", "Churn"), s.names());
        assertEquals(1, s.indexOf("tenure"));
        assertEquals("Churn", s.column(3).name());
        assertTrue(s.contains("tenure"));
        assertFalse(s.contains("Tenure"));
        assertEquals("Churn", s.target().orElseThrow().name());
        assertEquals("customerID", s.id().orElseThrow().name());
    }

    @Test
    void indexOf_unknown_throwsListingColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> telcoLike().indexOf("churn"));
        assertEquals("no column named 'churn'; columns are [customerID, tenure, SeniorCitizen, Churn]", e.getMessage());
    }

    @Test
    void build_duplicateNameOrTwoTargetsOrTwoIds_throws() {
        assertEquals("duplicate column name 'a'", assertThrows(IllegalArgumentException.class,
                () -> Schema.builder().add("a", ColumnRole.FEATURE, ColumnType.NUMERIC)
                        .add("a", ColumnRole.FEATURE, ColumnType.TEXT).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schema.of(
                ColumnSpec.of("a", ColumnRole.TARGET, ColumnType.BOOLEAN),
                ColumnSpec.of("b", ColumnRole.TARGET, ColumnType.BOOLEAN)));
        assertThrows(IllegalArgumentException.class, () -> Schema.of(
                ColumnSpec.of("a", ColumnRole.ID, ColumnType.TEXT),
                ColumnSpec.of("b", ColumnRole.ID, ColumnType.TEXT)));
    }

    @Test
    void toBuilder_roleTarget_demotesOldTargetAndLeavesOriginalUnchanged() {
        Schema s = telcoLike();
        Schema t = s.toBuilder().type("SeniorCitizen", ColumnType.BOOLEAN).role("SeniorCitizen", ColumnRole.TARGET)
                .build();
        assertEquals("SeniorCitizen", t.target().orElseThrow().name());
        assertEquals(ColumnRole.FEATURE, t.column("Churn").role());
        assertEquals("set by the caller", t.column("SeniorCitizen").reason());
        assertEquals("Churn", s.target().orElseThrow().name(), "schemas are immutable");
    }

    @Test
    void toBuilder_roleId_demotesOldIdToIgnored() {
        Schema t = telcoLike().toBuilder().type("tenure", ColumnType.TEXT).role("tenure", ColumnRole.ID).build();
        assertEquals(ColumnRole.IGNORED, t.column("customerID").role());
        assertEquals("tenure", t.id().orElseThrow().name());
    }

    @Test
    void toBuilder_numericTarget_throwsNamingColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> telcoLike().toBuilder().role("tenure", ColumnRole.TARGET));
        assertEquals("target column 'tenure' must be BOOLEAN or CATEGORICAL, found NUMERIC", e.getMessage());
    }

    @Test
    void toBuilder_removeAndUnknownColumn() {
        Schema t = telcoLike().toBuilder().remove("tenure").build();
        assertEquals(List.of("customerID", "SeniorCitizen", "Churn"), t.names());
        assertThrows(IllegalArgumentException.class, () -> telcoLike().toBuilder().remove("nope"));
    }

    @Test
    void explain_oneLinePerColumnWithReason() {
        String text = telcoLike().explain();
        assertEquals("customerID: ID TEXT (distinct text)\ntenure: FEATURE NUMERIC\n"
                + "SeniorCitizen: FEATURE NUMERIC\nChurn: TARGET BOOLEAN\n", text);
    }

    @Test
    void equals_sameColumns() {
        assertEquals(telcoLike(), telcoLike());
        assertEquals(telcoLike().hashCode(), telcoLike().hashCode());
        assertTrue(!telcoLike().equals(telcoLike().toBuilder().remove("tenure").build()));
    }

    @Test
    void columnSpec_validation() {
        assertThrows(IllegalArgumentException.class, () -> ColumnSpec.of(" ", ColumnRole.FEATURE, ColumnType.TEXT));
        assertThrows(NullPointerException.class, () -> new ColumnSpec("a", ColumnRole.FEATURE, ColumnType.TEXT, null));
        ColumnSpec c = ColumnSpec.of("a", ColumnRole.FEATURE, ColumnType.CATEGORICAL);
        assertEquals(ColumnRole.TARGET, c.withRole(ColumnRole.TARGET).role());
        assertEquals("why", c.withReason("why").reason());
        assertEquals(ColumnType.TEXT, c.withType(ColumnType.TEXT).type());
    }
}
