package io.github.churnkit.core.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
        assertEquals(3, r.rowsRead());
        assertEquals(3, r.accepted());
        assertEquals(0, r.rejected());
        assertEquals(2, log.customerCount());
        assertEquals("B", log.customerId(1), "fields are trimmed");
        assertEquals(LocalDate.of(2024, 2, 1), log.date(2));
        assertEquals(10.0, log.amount(2));
        assertEquals(0, log.customerIndex(2));
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
        TransactionFormatException e = assertThrows(TransactionFormatException.class,
                () -> read(TransactionReader.Options.defaults(), csv));
        assertEquals(3, e.line());
        assertEquals("date", e.column());
        assertEquals("2024-13-01", e.value());
        assertTrue(e.getMessage().contains("test.csv, line 3, column 'date'"), e.getMessage());
    }

    @Test
    void read_lenient_countsAndKeepsRejects() {
        String csv = "customer_id,date,amount\n"
                + "A,2024-01-01,1\n"        // line 2 ok
                + ",2024-01-01,1\n"         // line 3 blank id
                + "B,yesterday,1\n"         // line 4 bad date
                + "C,2024-01-03,-5\n"       // line 5 negative amount
                + "D,2024-01-03,abc\n"      // line 6 not a number
                + "E,2024-01-03\n"          // line 7 amount absent
                + "F,2024-01-04,NaN\n"      // line 8 not finite
                + "G,2024-01-05,7\n";       // line 9 ok
        TransactionReader.Result r = read(TransactionReader.Options.defaults()
                .withBadRows(TransactionReader.BadRows.LENIENT), csv);
        assertEquals(8, r.rowsRead());
        assertEquals(2, r.accepted());
        assertEquals(6, r.rejected());
        assertEquals(r.rowsRead(), r.accepted() + r.rejected());
        assertEquals(6, r.firstRejects().size());
        TransactionReader.Rejected first = r.firstRejects().get(0);
        assertEquals(3, first.line());
        assertEquals("customer_id", first.column());
        assertEquals(4, r.firstRejects().get(1).line());
        assertEquals("yesterday", r.firstRejects().get(1).value());
        assertEquals("amount", r.firstRejects().get(2).column());
        assertEquals(7, r.firstRejects().get(4).line());
        assertEquals(null, r.firstRejects().get(4).value());
        assertEquals("G", r.log().customerId(1));
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
