package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, strict and lenient handling of bad rows, and the error for each malformed file. */
class CsvIngestTest {

    private static final CsvIngest STRICT = CsvIngest.withDefaults();
    private static final CsvIngest LENIENT = CsvIngest.of(CsvIngest.Options.defaults().withMode(CsvIngest.Mode.LENIENT));

    @TempDir
    Path dir;

    private static CsvIngest.Result read(CsvIngest ingest, String csv) {
        return ingest.read(new StringReader(csv), "t.csv");
    }

    private static void assertAccounted(IngestReport r) {
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsRejected(), r.summary());
    }

    @Test
    void read_quotedFieldsWithDelimiterQuoteAndNewline_keepsValues() {
        String csv = "id,note,amount\n"
                + "a,\"one, two\",1\n"
                + "b,\"line1\nline2\",2\n"
                + "c,\"say \"\"hi\"\"\",3\n";
        CustomerTable t = read(STRICT, csv).table();
        assertEquals(3, t.rowCount());
        assertEquals("one, two", t.categorical("note").get(0));
        assertEquals("line1\nline2", t.categorical("note").get(1));
        assertEquals("say \"hi\"", t.categorical("note").get(2));
        assertEquals(3.0, t.numeric("amount").get(2));
    }

    @Test
    void read_badValueAfterMultiLineRecord_reportsPhysicalLine() {
        // line 1 header, record 1 spans lines 2-3, record 2 is line 4, bad record 3 on line 5
        String csv = "note,amount\n\"a\nb\",1\nc,2\nd,x\n";
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withType("amount", ColumnType.NUMERIC));
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(ingest, csv));
        assertEquals(5, e.line());
    }

    @Test
    void read_crlfAndCrLineEnds_lineNumbersCountPhysicalLines() {
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withType("x", ColumnType.NUMERIC));
        assertEquals(4, assertThrows(CsvFormatException.class,
                () -> read(ingest, "x\r\n1\r\n2\r\nbad\r\n")).line());
        assertEquals(3, assertThrows(CsvFormatException.class,
                () -> read(ingest, "x\r1\rbad\r")).line());
    }

    @Test
    void read_bomThroughReader_isSkipped() {
        assertEquals(List.of("a", "b"), read(STRICT, "\uFEFFa,b\n1,2\n").table().schema().names());
    }

    @Test
    void read_semicolonAndTab_detected() {
        CustomerTable semi = read(STRICT, "a;b\n1;\"x;y\"\n2;z\n").table();
        assertEquals(List.of("a", "b"), semi.schema().names());
        assertEquals("x;y", semi.categorical("b").get(0));
        CustomerTable tab = read(STRICT, "a\tb\n1,5\tx\n2,5\ty\n").table();
        assertEquals(List.of("a", "b"), tab.schema().names());
        assertEquals("1,5", tab.categorical("a").get(0), "a comma inside a tab file is data");
    }

    @Test
    void read_givenDelimiter_overridesDetection() {
        CsvIngest pipe = CsvIngest.of(CsvIngest.Options.defaults().withDelimiter('|'));
        CustomerTable t = read(pipe, "a|b,c\n1|2\n").table();
        assertEquals(List.of("a", "b,c"), t.schema().names());
    }

    @Test
    void read_utf8Bom_isSkipped() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(f, ("\uFEFFcustomer,spend\nx,1\ny,2\n").getBytes(StandardCharsets.UTF_8));
        CustomerTable t = STRICT.read(f).table();
        assertEquals(List.of("customer", "spend"), t.schema().names());
    }

    @Test
    void read_defaultMissingMarkers_readAsMissing() {
        String csv = "x,c\n1,a\nNA,na\nN/A,b\nnull,NULL\n?,a\n  ,b\n,a\n6,b\n";
        CsvIngest.Result r = read(STRICT, csv);
        assertEquals(ColumnType.NUMERIC, r.table().schema().column("x").type());
        assertEquals(6, r.table().numeric("x").missingCount());
        assertEquals(2, r.table().categorical("c").missingCount());
        assertEquals(6, r.report().missing("x"));
        assertEquals(List.of("a", "b"), r.table().categorical("c").levels());
    }

    @Test
    void read_customMissingMarkers_replaceDefaults() {
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withMissingMarkers(List.of("-")));
        CustomerTable t = read(ingest, "x,c\n1,NA\n-,-\n3,b\n").table();
        assertEquals(1, t.numeric("x").missingCount());
        assertEquals("NA", t.categorical("c").get(0), "NA is a value once the markers are replaced");
    }

    @Test
    void read_strictBadNumber_throwsNamingFileLineColumnValueAndExpectation() {
        String csv = "customerID,TotalCharges\nA,1.5\nB,2\nC,abc\n";
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withType("TotalCharges", ColumnType.NUMERIC));
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> ingest.read(new StringReader(csv), "telco.csv"));
        assertEquals("telco.csv line 4, column 'TotalCharges': expected a number, found \"abc\"", e.getMessage());
        assertEquals("telco.csv", e.source());
        assertEquals(4, e.line());
        assertEquals("TotalCharges", e.column());
        assertEquals("abc", e.value());
    }

    @Test
    void read_strictBadValueAfterInferenceSample_throws() {
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withInferenceRows(2));
        String csv = "d,b\n2024-01-31,yes\n2024-02-29,no\n2023-02-29,yes\n";
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(ingest, csv));
        assertEquals(4, e.line());
        assertEquals("d", e.column());
        assertTrue(e.getMessage().contains("expected a date (yyyy-MM-dd"), e.getMessage());
    }

    @Test
    void read_lenient_rejectsBadRowsWholeAndCountsEveryRow() {
        // row 3 has a good first field and a bad second one: nothing of it may reach the table
        String csv = "n,b,d\n1,yes,2024-01-01\n2,maybe,2024-01-02\n3,no,not-a-date\n4,no,2024-01-04\n";
        CsvIngest ingest = CsvIngest.of(LENIENT.options().withType("n", ColumnType.NUMERIC)
                .withType("b", ColumnType.BOOLEAN).withType("d", ColumnType.DATE));
        CsvIngest.Result r = read(ingest, csv);
        IngestReport rep = r.report();
        assertAccounted(rep);
        assertEquals(4, rep.rowsRead());
        assertEquals(2, rep.rowsAccepted());
        assertEquals(2, rep.rowsRejected());
        CustomerTable t = r.table();
        assertEquals(2, t.rowCount());
        assertEquals(1.0, t.numeric("n").get(0));
        assertEquals(4.0, t.numeric("n").get(1));
        assertEquals(0.0, t.numeric("b").get(1));
        assertEquals("2024-01-04", t.date("d").format(1));
        RejectedRow first = rep.rejected().get(0);
        assertEquals(new RejectedRow(3, "b", "maybe", "expected a boolean (yes/no, true/false or 1/0)"), first);
        assertEquals("t.csv line 3, column 'b': expected a boolean (yes/no, true/false or 1/0), found \"maybe\"",
                first.message("t.csv"));
        assertEquals(4, rep.rejected().get(1).line());
        assertEquals("d", rep.rejected().get(1).column());
    }

    @Test
    void read_lenientWithRejectsFile_writesOriginalFieldsLineAndReason() throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        CsvIngest ingest = CsvIngest.of(LENIENT.options().withType("x", ColumnType.NUMERIC).withRejectsFile(rejects));
        CsvIngest.Result r = read(ingest, "id,x\na,1\nb,\"1,5\"\nc,2,extra\n");
        assertAccounted(r.report());
        assertEquals(2, r.report().rowsRejected());
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals(List.of("rejected_line,rejected_reason,id,x",
                "3,\"column 'x': expected a number, found \"\"1,5\"\"\",b,\"1,5\"",
                "4,\"expected 2 fields as in the header, found 3\",c,2,extra"), lines);
    }

    @Test
    void read_lenientManyRejects_keepsBoundedListButCountsAll() {
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i % 2 == 0 ? "1\n" : "bad\n");
        }
        CsvIngest ingest = CsvIngest.of(LENIENT.options().withType("x", ColumnType.NUMERIC).withMaxRejectsKept(3));
        IngestReport rep = read(ingest, csv.toString()).report();
        assertAccounted(rep);
        assertEquals(25, rep.rowsRejected());
        assertEquals(3, rep.rejected().size());
        assertTrue(rep.rejectedTruncated());
    }

    @Test
    void read_emptyFile_throwsClearMessage() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(STRICT, ""));
        assertEquals("t.csv: the file is empty; the first line must be a header row naming the columns",
                e.getMessage());
        CsvFormatException bomOnly = assertThrows(CsvFormatException.class, () -> read(STRICT, "\uFEFF"));
        assertTrue(bomOnly.getMessage().contains("the file is empty"));
    }

    @Test
    void read_headerOnly_givesEmptyTableWithColumns() {
        CsvIngest.Result r = read(CsvIngest.of(CsvIngest.Options.defaults().withTarget("Churn")), "id,Churn,x\n");
        assertEquals(0, r.table().rowCount());
        assertEquals(List.of("id", "Churn", "x"), r.table().schema().names());
        assertEquals(ColumnRole.TARGET, r.table().schema().column("Churn").role());
        assertEquals(0, r.report().rowsRead());
        assertTrue(r.table().schema().column("x").reason().contains("header only"));
    }

    @Test
    void read_duplicateHeader_throwsNamingColumnAndPositions() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(STRICT, "a,b,a\n1,2,3\n"));
        assertEquals("t.csv line 1, column 'a': duplicate column name in the header (columns 1 and 3); "
                + "column names must be unique", e.getMessage());
    }

    @Test
    void read_blankHeaderName_throwsNamingPosition() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(STRICT, "a, ,c\n1,2,3\n"));
        assertEquals("t.csv line 1: header column 2 of 3 has a blank name; every column needs a name",
                e.getMessage());
        CsvFormatException blankLine = assertThrows(CsvFormatException.class, () -> read(STRICT, "\na,b\n1,2\n"));
        assertTrue(blankLine.getMessage().contains("line 1 is blank"), blankLine.getMessage());
    }

    @Test
    void read_raggedRows_strictThrowsWithCounts() {
        CsvFormatException fewer = assertThrows(CsvFormatException.class, () -> read(STRICT, "a,b,c\n1,2,3\n4,5\n"));
        assertEquals("t.csv line 3: expected 3 fields as in the header, found 2", fewer.getMessage());
        CsvFormatException more = assertThrows(CsvFormatException.class,
                () -> read(STRICT, "a,b,c\n1,2,3\n4,5,6,7\n"));
        assertEquals("t.csv line 3: expected 3 fields as in the header, found 4", more.getMessage());
    }

    @Test
    void read_raggedRows_lenientRejects() {
        IngestReport rep = read(LENIENT, "a,b\n1,2\n3\n4,5,6\n7,8\n").report();
        assertAccounted(rep);
        assertEquals(2, rep.rowsAccepted());
        assertEquals(List.of(3L, 4L), rep.rejected().stream().map(RejectedRow::line).toList());
        assertNull(rep.rejected().get(0).column());
    }

    @Test
    void read_unterminatedQuote_throwsInBothModesWithStartLine() {
        String csv = "a,b\n1,2\n3,\"open\n4,5\n";
        for (CsvIngest ingest : List.of(STRICT, LENIENT)) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(ingest, csv));
            assertEquals("t.csv line 3: a quoted field opened on this line is never closed (unterminated quote)",
                    e.getMessage());
        }
    }

    @Test
    void read_textAfterClosingQuote_throwsExplainingDoubling() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(STRICT, "a,b\n1,\"x\"y,2\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("must be doubled"), e.getMessage());
    }

    @Test
    void read_blankLines_skippedNotCounted() {
        IngestReport rep = read(STRICT, "a,b\n1,2\n\n3,4\n\n").report();
        assertEquals(2, rep.rowsRead());
    }

    @Test
    void read_targetWithThreeValues_throwsListingValues() {
        String csv = "plan,x\nBasic,1\nPremium,2\nStandard,3\nBasic,4\n";
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withTarget("plan"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(ingest, csv));
        assertEquals("t.csv: target column 'plan' should be binary (two values such as yes/no) but has 3 distinct "
                + "values (Basic: 2, Premium: 1, Standard: 1); for a multi-class target use "
                + "Options.withBinaryTarget(false)", e.getMessage());
        CustomerTable multi = read(CsvIngest.of(ingest.options().withBinaryTarget(false)), csv).table();
        assertEquals(ColumnType.CATEGORICAL, multi.schema().column("plan").type());
        assertEquals(ColumnRole.TARGET, multi.schema().column("plan").role());
    }

    @Test
    void read_twoValuedTextTarget_rejectsThirdValueAfterSample() {
        String csv = "status,x\nstayed,1\nleft,2\nunknown,3\nleft,4\n";
        CsvIngest ingest = CsvIngest.of(LENIENT.options().withTarget("status").withInferenceRows(2));
        CsvIngest.Result r = read(ingest, csv);
        assertEquals(ColumnType.CATEGORICAL, r.table().schema().column("status").type());
        assertEquals(1, r.report().rowsRejected());
        assertEquals("expected one of the two values of the binary target (left, stayed)",
                r.report().rejected().get(0).reason());
        // sorted, not first-seen, so that the class codes do not depend on the row order
        assertEquals(List.of("left", "stayed"), r.table().categorical("status").levels());
        assertTrue(r.table().schema().column("status").reason().endsWith("coded in sorted order: left = 0, stayed = 1"),
                r.table().schema().column("status").reason());
        assertEquals(List.of(1, 0, 0), java.util.Arrays.stream(r.table().targetLabels()).boxed().toList());
    }

    @Test
    void read_targetOrIdNotInHeader_throwsListingColumns() {
        CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withTarget("Churn"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(ingest, "a,b\n1,2\n"));
        assertEquals("t.csv: the target column 'Churn' given in the options is not in the header; columns are [a, b]",
                e.getMessage());
    }

    @Test
    void read_givenSchema_usesItsTypesAndOrderAndSkipsOtherColumns() {
        Schema schema = Schema.builder().add("b", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("a", ColumnRole.ID, ColumnType.TEXT).build();
        CustomerTable t = STRICT.read(new StringReader("a,b,c\n1,2,3\n4,5,6\n"), "t.csv", schema).table();
        assertEquals(List.of("b", "a"), t.schema().names());
        assertEquals(5.0, t.numeric("b").get(1));
        assertEquals("4", t.text("a").get(1));
    }

    @Test
    void read_givenSchemaWithUnknownColumn_throws() {
        Schema schema = Schema.builder().add("z", ColumnRole.FEATURE, ColumnType.NUMERIC).build();
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> STRICT.read(new StringReader("a,b\n1,2\n"), "t.csv", schema));
        assertEquals("t.csv line 1, column 'z': the schema names this column but the header does not; "
                + "header columns are [a, b]", e.getMessage());
    }

    @Test
    void inferSchema_path_thenOverrideThroughBuilder() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "user,flag,n\nu1,1,5\nu2,0,6\nu1,1,7\n", StandardCharsets.UTF_8);
        Schema inferred = STRICT.inferSchema(f);
        assertEquals(ColumnType.BOOLEAN, inferred.column("flag").type());
        Schema fixed = inferred.toBuilder().role("flag", ColumnRole.TARGET).type("n", ColumnType.CATEGORICAL).build();
        CustomerTable t = STRICT.read(f, fixed).table();
        assertEquals(List.of(1, 0, 1), java.util.Arrays.stream(t.targetLabels()).boxed().toList());
        assertEquals(List.of("5", "6", "7"), t.categorical("n").levels());
    }

    @Test
    void read_missingFile_throwsUncheckedIoNamingPath() {
        Path missing = dir.resolve("nope.csv");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> STRICT.read(missing));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    }

    @Test
    void read_latin1File_throwsSayingNotUtf8() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "name,city\nA,Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> STRICT.read(f));
        assertTrue(e.getMessage().startsWith("latin1.csv: not valid UTF-8"), e.getMessage());
    }

    @Test
    void read_listener_receivesProgressAtIntervalAndAtEnd() {
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < 25; i++) {
            csv.append(i == 7 ? "bad" : Integer.toString(i)).append('\n');
        }
        List<long[]> calls = new ArrayList<>();
        CsvIngest ingest = CsvIngest.of(LENIENT.options().withType("x", ColumnType.NUMERIC).withProgressInterval(10))
                .withListener((src, read, rejected) -> calls.add(new long[] {read, rejected}));
        read(ingest, csv.toString());
        assertEquals(3, calls.size());
        assertEquals(List.of(10L, 20L, 25L), calls.stream().map(c -> c[0]).toList());
        assertEquals(1L, calls.get(2)[1]);
    }

    @Test
    void options_invalidValues_throwNamingValue() {
        CsvIngest.Options d = CsvIngest.Options.defaults();
        assertEquals("inferenceRows must be at least 1, found 0",
                assertThrows(IllegalArgumentException.class, () -> d.withInferenceRows(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxCategoryLevels(1));
        assertThrows(IllegalArgumentException.class, () -> d.withProgressInterval(0));
        assertThrows(IllegalArgumentException.class, () -> d.withTarget("x").withId("x"));
        assertThrows(IllegalArgumentException.class, () -> d.withTarget(" "));
    }
}
