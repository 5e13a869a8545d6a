package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.Schema;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The inference rules of {@link SchemaInference}, driven through {@link CsvIngest#inferSchema}. */
class SchemaInferenceTest {

    private static Schema infer(CsvIngest.Options options, String csv) {
        return CsvIngest.of(options).inferSchema(new StringReader(csv), "t.csv");
    }

    private static Schema infer(String csv) {
        return infer(CsvIngest.Options.defaults(), csv);
    }

    /** A CSV with one column {@code name} holding {@code values}, one per row. */
    private static String column(String name, String... values) {
        return name + "\n" + String.join("\n", values) + "\n";
    }

    private static String uniqueRows(String header, int n, String format) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            sb.append(String.format(java.util.Locale.ROOT, format, i, i % 3)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void infer_numbersWithMissing_numericAndReasonCounts() {
        ColumnSpec c = infer(column("x", "1.5", "NA", "2", "-3e2")).column("x");
        assertEquals(ColumnType.NUMERIC, c.type());
        assertEquals(ColumnRole.FEATURE, c.role());
        assertEquals("3 of 3 non-missing values parse as numbers; 1 missing", c.reason());
    }

    @Test
    void infer_mostlyNumbersWithJunk_categoricalPointingAtBadCell() {
        ColumnSpec c = infer(column("x", "1", "2", "abc", "4")).column("x");
        assertEquals(ColumnType.CATEGORICAL, c.type());
        assertTrue(c.reason().contains("3 of 4 values are numbers but not all, for example \"abc\" on line 4"),
                c.reason());
    }

    @Test
    void infer_booleanTokensInAnyCase_boolean() {
        assertEquals(ColumnType.BOOLEAN, infer(column("b", "YES", "no", "True", "FALSE", "")).column("b").type());
        assertEquals(ColumnType.BOOLEAN, infer(column("b", "0", "1", "1")).column("b").type());
        assertEquals(ColumnType.NUMERIC, infer(column("b", "0", "1", "2")).column("b").type());
    }

    @Test
    void infer_dates_eachLayoutNamedInReason() {
        ColumnSpec iso = infer(column("d", "2024-01-31", "2024-02-29")).column("d");
        assertEquals(ColumnType.DATE, iso.type());
        assertTrue(iso.reason().contains("(yyyy-MM-dd)"), iso.reason());
        assertEquals(ColumnType.DATE, infer(column("d", "31/01/2024", "29/02/2024")).column("d").type());
        assertEquals(ColumnType.DATE, infer(column("d", "31-01-2024", "NA")).column("d").type());
        // 31 February is no date, so the column is not a date column
        assertEquals(ColumnType.CATEGORICAL, infer(column("d", "2024-01-31", "2024-02-31")).column("d").type());
    }

    @Test
    void infer_uniqueTextManyRows_idText() {
        Schema s = infer(uniqueRows("code,grp", 25, "K-%04d,g%d"));
        assertEquals(ColumnRole.ID, s.column("code").role());
        assertEquals(ColumnType.TEXT, s.column("code").type());
        assertEquals(ColumnType.CATEGORICAL, s.column("grp").type());
    }

    @Test
    void infer_uniqueTextFewRows_categoricalUnlessIdLikeName() {
        assertEquals(ColumnType.CATEGORICAL, infer(column("plan", "Basic", "Premium", "Gold")).column("plan").type());
        ColumnSpec id = infer(column("account_id", "a1", "b2", "c3")).column("account_id");
        assertEquals(ColumnRole.ID, id.role());
    }

    @Test
    void infer_twoUniqueTextColumns_idLikeNameWinsOtherIgnored() {
        Schema s = infer(uniqueRows("comment,userId", 25, "note %1$d,u%1$d"));
        assertEquals(ColumnRole.ID, s.column("userId").role());
        ColumnSpec comment = s.column("comment");
        assertEquals(ColumnRole.IGNORED, comment.role());
        assertEquals(ColumnType.TEXT, comment.type());
        assertTrue(comment.reason().endsWith("IGNORED because column 'userId' is the id"), comment.reason());
    }

    @Test
    void infer_uniqueIntegers_idOnlyWithIdLikeName() {
        assertEquals(ColumnRole.ID, infer(column("User ID", "1", "2", "3")).column("User ID").role());
        assertEquals(ColumnType.NUMERIC, infer(column("amount", "1", "2", "3")).column("amount").type());
    }

    @Test
    void infer_manyDistinctRepeatedText_textIgnored() {
        CsvIngest.Options few = CsvIngest.Options.defaults().withMaxCategoryLevels(3);
        ColumnSpec c = infer(few, column("city", "a", "b", "c", "d", "a")).column("city");
        assertEquals(ColumnType.TEXT, c.type());
        assertEquals(ColumnRole.IGNORED, c.role());
        assertTrue(c.reason().startsWith("more than 3 distinct values"), c.reason());
    }

    @Test
    void infer_allMissing_ignored() {
        ColumnSpec c = infer("a,b\n1,\n2,NA\n").column("b");
        assertEquals(ColumnRole.IGNORED, c.role());
        assertEquals("all 2 values are missing", c.reason());
    }

    @Test
    void infer_usualTargetNames_guessed() {
        Schema s = infer("x,Exited\n1,0\n2,1\n");
        assertEquals(ColumnRole.TARGET, s.column("Exited").role());
        assertEquals(ColumnType.BOOLEAN, s.column("Exited").type());
        Schema text = infer("x,churn\n1,left\n2,stayed\n3,left\n");
        assertEquals(ColumnRole.TARGET, text.column("churn").role());
        assertEquals(ColumnType.CATEGORICAL, text.column("churn").type());
        assertTrue(infer("x,status\n1,yes\n2,no\n").target().isEmpty());
    }

    @Test
    void infer_optionsOverrideIdTargetAndTypes() {
        CsvIngest.Options o = CsvIngest.Options.defaults().withId("ref").withTarget("flag")
                .withType("n", ColumnType.CATEGORICAL);
        Schema s = infer(o, "ref,flag,n\nr1,yes,1\nr1,no,2\n");
        assertEquals(ColumnRole.ID, s.column("ref").role());
        assertTrue(s.column("ref").reason().contains("warning: some values repeat"), s.column("ref").reason());
        assertEquals(ColumnRole.TARGET, s.column("flag").role());
        assertEquals(ColumnType.CATEGORICAL, s.column("n").type());
        assertTrue(s.column("n").reason().startsWith("type CATEGORICAL set in the options (the values suggested NUMERIC"),
                s.column("n").reason());
    }

    @Test
    void infer_targetForcedToNumeric_throws() {
        CsvIngest.Options o = CsvIngest.Options.defaults().withTarget("y").withType("y", ColumnType.NUMERIC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> infer(o, "y\n1\n0\n"));
        assertTrue(e.getMessage().contains("must be BOOLEAN or CATEGORICAL"), e.getMessage());
    }

    @Test
    void infer_sampleCutShort_reasonSaysSo() {
        CsvIngest.Options o = CsvIngest.Options.defaults().withInferenceRows(2);
        ColumnSpec c = infer(o, column("x", "1", "2", "oops")).column("x");
        assertEquals(ColumnType.NUMERIC, c.type());
        assertEquals("2 of 2 non-missing values in the first 2 rows parse as numbers", c.reason());
    }

    @Test
    void idLikeName_examples() {
        for (String yes : new String[] {"id", "ID", "customerID", "userId", "User ID", "user_id", "account-id"}) {
            assertTrue(SchemaInference.idLikeName(yes), yes);
        }
        for (String no : new String[] {"paid", "valid", "Idle", "identity", "ID card"}) {
            assertTrue(!SchemaInference.idLikeName(no), no);
        }
    }
}
