package io.github.churnkit.core.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.io.CsvFormatException;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.io.IngestReport;
import io.github.churnkit.core.io.RejectedRow;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionReaderTest {

    private static TransactionReader.Result read(TransactionReader.Options o, String csv) {
        return TransactionReader.of(o).read(new StringReader(csv), "test.csv");
    }

    @Test
    void read_isoDatesAndExtraColumns_readsNamedColumns() {
        String csv = "invoice,cust,day,value\n"
                + "1,A,2024-01-01,10.5\n"
                + "2, B ,2024-01-02, 3\n"
                + "3,A,2024-02-01,1e1\n";
        TransactionReader.Result r = read(TransactionReader.Options.columns("cust", "day", "value"), csv);
        TransactionLog log = r.log();
        assertEquals(3, r.report().rowsRead());
        assertEquals(3, r.report().rowsAccepted());
        assertEquals(0, r.report().rowsRejected());
        assertEquals(2, log.customerCount());
        assertEquals("B", log.customerId(1), "fields are trimmed");
        assertEquals(LocalDate.of(2024, 2, 1), log.date(2));
        assertEquals(10.0, log.amount(2));
        assertEquals(0, log.customerIndex(2));
    }

    @Test
    void read_byteOrderMark_headerStillMatches() {
        TransactionReader.Result r = read(TransactionReader.Options.defaults(), "\uFEFFcustomer_id,date,amount\nA,2024-01-01,1\n");
        assertEquals(1, r.log().size());
    }

    @Test
    void read_datePatternWithTime_keepsTheDate() {
        String csv = "c,d,a\nA,12/1/2010 8:26,2.55\n";
        TransactionReader.Result r = read(TransactionReader.Options.columns("c", "d", "a").withDatePattern("M/d/yyyy H:mm"), csv);
        assertEquals(LocalDate.of(2010, 12, 1), r.log().date(0));
    }

    @Test
    void read_strictBadDate_throwsWithLineColumnAndValue() {
        String csv = "customer_id,date,amount\nA,2024-01-01,1\nB,2024-13-01,2\n";
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read(TransactionReader.Options.defaults(), csv));
        assertEquals(3, e.line());
        assertEquals("date", e.column());
        assertEquals("2024-13-01", e.value());
        assertEquals("test.csv line 3, column 'date': expected a date in ISO yyyy-MM-dd, found \"2024-13-01\"",
                e.getMessage());
    }

    @Test
    void read_lenient_countsAndKeepsRejects() {
        String csv = "customer_id,date,amount\n"
                + "A,2024-01-01,1\n"        // line 2 ok
                + ",2024-01-01,1\n"         // line 3 blank id
                + "B,yesterday,1\n"         // line 4 bad date
                + "\n"                      // line 5 blank: skipped, not a data row
                + "C,2024-01-03,-5\n"       // line 6 negative amount
                + "D,2024-01-03,abc\n"      // line 7 not a number
                + "E,2024-01-03\n"          // line 8 amount absent
                + "F,2024-01-04,NaN\n"      // line 9 not finite
                + "G,\"2024-01-05\",7\n";   // line 10 ok
        TransactionReader.Result r = read(TransactionReader.Options.defaults()
                .withMode(CsvIngest.Mode.LENIENT), csv);
        IngestReport report = r.report();
        assertEquals(8, report.rowsRead());
        assertEquals(2, report.rowsAccepted());
        assertEquals(6, report.rowsRejected());
        List<RejectedRow> rej = report.rejected();
        assertEquals(6, rej.size());
        assertEquals(3, rej.get(0).line());
        assertEquals("customer_id", rej.get(0).column());
        assertEquals(4, rej.get(1).line());
        assertEquals("yesterday", rej.get(1).value());
        assertEquals(6, rej.get(2).line());
        assertEquals("amount", rej.get(2).column());
        assertEquals(8, rej.get(4).line());
        assertEquals(null, rej.get(4).value());
        assertEquals(9, rej.get(5).line());
        assertEquals("G", r.log().customerId(1));
    }

    /** A quoted field spanning two lines: the next record's line number still counts physical lines. */
    @Test
    void read_multiLineQuotedId_reportsStartLineOfLaterRecords() {
        String csv = "customer_id,date,amount\n\"A\nB\",2024-01-01,1\nC,bad,2\n";
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read(TransactionReader.Options.defaults(), csv));
        assertEquals(4, e.line());
    }

    @Test
    void read_unterminatedQuote_throwsWithLine() {
        String csv = "customer_id,date,amount\nA,2024-01-01,1\n\"B,2024-01-02,2\n";
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read(TransactionReader.Options.defaults().withMode(CsvIngest.Mode.LENIENT), csv));
        assertEquals(3, e.line());
    }

    @Test
    void read_missingColumn_throwsNamingHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(TransactionReader.Options.defaults(), "customer_id,day,amount\nA,2024-01-01,1\n"));
        assertTrue(e.getMessage().contains("no column named 'date'"), e.getMessage());
    }

    @Test
    void read_fileRoundTrip_equalsWrittenLog(@TempDir Path dir) throws Exception {
        TransactionLog log = TransactionLog.builder()
                .add("x,with comma", LocalDate.of(1969, 12, 31), 0.1 + 0.2)
                .add("plain", LocalDate.of(2024, 2, 29), 1e-7)
                .build();
        Path f = dir.resolve("t.csv");
        try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            log.writeCsv(w);
        }
        assertEquals(log, TransactionReader.of(TransactionReader.Options.defaults()).read(f).log());
    }

    @Test
    void read_absentFile_throwsUncheckedIo(@TempDir Path dir) {
        assertThrows(UncheckedIOException.class,
                () -> TransactionReader.of(TransactionReader.Options.defaults()).read(dir.resolve("none.csv")));
    }

    @Test
    void options_badPattern_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> TransactionReader.Options.defaults().withDatePattern("yyyy-MM-dd{{"));
    }
}
