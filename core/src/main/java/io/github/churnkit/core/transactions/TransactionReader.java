package io.github.churnkit.core.transactions;

import io.github.churnkit.core.io.CsvFormatException;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.io.IngestReport;
import io.github.churnkit.core.io.RejectedRow;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a transaction log (customer id, date, amount) from a comma-separated file with a header
 * row (RFC 4180 quoting, UTF-8, an optional byte order mark), using Apache Commons CSV. The caller
 * names the three columns; other columns are ignored. If a name occurs twice in the header, the
 * first occurrence is used.
 *
 * <pre>{@code
 * TransactionReader.Result r = TransactionReader.of(TransactionReader.Options
 *         .columns("CustomerID", "InvoiceDate", "Revenue")
 *         .withDatePattern("M/d/yyyy H:mm")
 *         .withMode(CsvIngest.Mode.LENIENT))
 *     .read(Path.of("retail.csv"));
 * TransactionLog log = r.log();
 * IngestReport report = r.report(); // rowsRead == rowsAccepted + rowsRejected
 * }</pre>
 *
 * <h2>Validation</h2>
 * A row is bad when the customer id is blank, the date does not parse (ISO {@code yyyy-MM-dd}
 * unless a pattern is given; a pattern with a time of day keeps only the date), or the amount is
 * not a finite number of at least 0 (refunds and negative amounts are rejected: net them out
 * before reading). Fields are trimmed; blank lines are skipped and not counted. The policy is the
 * one of CSV ingest ({@link CsvIngest.Mode}): with {@code STRICT} the first bad row throws a
 * {@link CsvFormatException} naming the file, line, column and value, in the same words as
 * {@link RejectedRow#message(String)}; with {@code LENIENT} bad rows are counted in the
 * {@link IngestReport} and the first {@value #MAX_KEPT_REJECTS} are kept with their reasons. Either
 * way {@code rowsRead = rowsAccepted + rowsRejected}. Line numbers are physical lines (1 = the
 * header) where the record starts. A malformed file (unterminated quote) throws a
 * {@link CsvFormatException} in both modes. A missing column in the
 * header is always an error.
 *
 * <p>Instances are immutable and thread-safe; each {@code read} call uses its own parser.
 */
public final class TransactionReader {

    /** How many rejected rows lenient reading keeps with their reasons (all are counted). */
    public static final int MAX_KEPT_REJECTS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(TransactionReader.class);

    /**
     * The names of the three columns to read.
     *
     * @param customer the customer id column; not blank
     * @param date     the date column; not blank
     * @param amount   the amount column; not blank
     */
    public record Columns(String customer, String date, String amount) {

        /** Validates the names. */
        public Columns {
            requireName(customer, "customer");
            requireName(date, "date");
            requireName(amount, "amount");
        }

        private static void requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " column name must not be blank");
            }
        }
    }

    /**
     * Reader settings.
     *
     * @param columns     which columns hold the id, date and amount; not null
     * @param datePattern a {@link DateTimeFormatter} pattern (read with {@link Locale#ROOT}), or
     *                    null for ISO {@code yyyy-MM-dd}
     * @param mode        the bad-row policy, shared with CSV ingest: {@link CsvIngest.Mode#STRICT}
     *                    throws at the first bad row, {@link CsvIngest.Mode#LENIENT} sets bad rows
     *                    aside in the report; not null
     */
    public record Options(Columns columns, String datePattern, CsvIngest.Mode mode) {

        /** Validates the fields (including that the date pattern compiles). */
        public Options {
            Objects.requireNonNull(columns, "columns");
            Objects.requireNonNull(mode, "mode");
            if (datePattern != null) {
                try {
                    DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("invalid date pattern '" + datePattern + "': " + e.getMessage(), e);
                }
            }
        }

        /** The columns {@code customer_id, date, amount} (as written by {@link TransactionCsvWriter}), ISO dates, strict. */
        public static Options defaults() {
            return columns("customer_id", "date", "amount");
        }

        /** The given columns, ISO dates, strict. */
        public static Options columns(String customer, String date, String amount) {
            return new Options(new Columns(customer, date, amount), null, CsvIngest.Mode.STRICT);
        }

        /** A copy with a date pattern (null for ISO). */
        public Options withDatePattern(String pattern) {
            return new Options(columns, pattern, mode);
        }

        /** A copy with another bad-row policy. */
        public Options withMode(CsvIngest.Mode newMode) {
            return new Options(columns, datePattern, newMode);
        }
    }

    /**
     * The outcome of a read.
     *
     * @param log    the accepted transactions
     * @param report rows read, accepted and rejected, and the first {@value #MAX_KEPT_REJECTS}
     *               rejected rows with their reasons (its missing counts are empty: a row with a
     *               missing field is rejected, not accepted with a gap)
     */
    public record Result(TransactionLog log, IngestReport report) {

        /** Validates that the report accounts for exactly the rows in the log. */
        public Result {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(report, "report");
            if (report.rowsAccepted() != log.size()) {
                throw new IllegalArgumentException("report says " + report.rowsAccepted()
                        + " rows accepted but the log holds " + log.size());
            }
        }
    }

    private final Options options;
    private final DateTimeFormatter dates;

    private TransactionReader(Options options) {
        this.options = options;
        this.dates = options.datePattern() == null ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern(options.datePattern(), Locale.ROOT);
    }

    /** A reader with the given options. */
    public static TransactionReader of(Options options) {
        return new TransactionReader(Objects.requireNonNull(options, "options"));
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /**
     * Reads a UTF-8 CSV file.
     *
     * @throws UncheckedIOException       if the file cannot be read
     * @throws IllegalArgumentException   if a named column is missing from the header
     * @throws CsvFormatException on the first bad row in strict mode, or on malformed CSV
     */
    public Result read(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transactions from " + file, e);
        }
    }

    /**
     * Reads CSV text from {@code in} (not closed); {@code source} names it in messages.
     *
     * @throws UncheckedIOException       if reading fails
     * @throws IllegalArgumentException   if a named column is missing from the header
     * @throws CsvFormatException on the first bad row in strict mode, or on malformed CSV
     */
    public Result read(Reader in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        // blank lines are parsed (not ignored) so that physical line numbers stay exact
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        TransactionLog.Builder log = TransactionLog.builder();
        List<RejectedRow> rejects = new ArrayList<>();
        long rowsRead = 0;
        long rejected = 0;
        long lastEndLine = 0;
        long line = 1;
        try {
            CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get();
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException(source + ": the file is empty; expected a header naming the columns "
                        + options.columns());
            }
            CSVRecord headerRecord = records.next();
            lastEndLine = parser.getCurrentLineNumber();
            Map<String, Integer> header = new LinkedHashMap<>();
            for (int i = 0; i < headerRecord.size(); i++) {
                String name = headerRecord.get(i).strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1).strip(); // a UTF-8 byte order mark
                }
                header.putIfAbsent(name, i);
            }
            Columns cols = options.columns();
            int idCol = column(header, cols.customer(), source);
            int dateCol = column(header, cols.date(), source);
            int amountCol = column(header, cols.amount(), source);
            while (true) {
                line = lastEndLine + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                lastEndLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                rowsRead++;
                RejectedRow bad = check(record, line, idCol, dateCol, amountCol);
                if (bad == null) {
                    int day = Math.toIntExact(parseDate(field(record, dateCol)).toEpochDay());
                    log.add(log.customer(field(record, idCol)), day, Double.parseDouble(field(record, amountCol)));
                } else if (options.mode() == CsvIngest.Mode.STRICT) {
                    throw CsvFormatException.of(source, bad);
                } else {
                    rejected++;
                    if (rejects.size() < MAX_KEPT_REJECTS) {
                        rejects.add(bad);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed CSV (e.g. an unterminated quote) this way from its iterator
            CsvFormatException ex = CsvFormatException.of(source, new RejectedRow(line, null, null,
                    "malformed CSV (for example an unterminated quote): " + e.getCause().getMessage()));
            ex.initCause(e.getCause());
            throw ex;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transactions from " + source, e);
        }
        if (rejected > 0) {
            LOG.warn("{}: rejected {} of {} transaction rows; first: {}", source, rejected, rowsRead,
                    rejects.get(0).message(source));
        }
        TransactionLog built = log.build();
        return new Result(built, new IngestReport(source, rowsRead, built.size(), rejected, rejects, Map.of()));
    }

    /** The problem with a record, or null when it is good. */
    private RejectedRow check(CSVRecord record, long line, int idCol, int dateCol, int amountCol) {
        Columns cols = options.columns();
        String id = field(record, idCol);
        if (id == null || id.isEmpty()) {
            return new RejectedRow(line, cols.customer(), id, "expected a customer id, the field is blank or absent");
        }
        String dateText = field(record, dateCol);
        if (parseDate(dateText) == null) {
            return new RejectedRow(line, cols.date(), dateText, "expected a date"
                    + (options.datePattern() == null ? " in ISO yyyy-MM-dd" : " matching '" + options.datePattern() + "'"));
        }
        String amountText = field(record, amountCol);
        String why = amountProblem(amountText);
        return why == null ? null : new RejectedRow(line, cols.amount(), amountText, why);
    }

    /** The date, or null when absent or unparsable. */
    private LocalDate parseDate(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, dates);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String amountProblem(String text) {
        if (text == null || text.isEmpty()) {
            return "expected an amount, the field is blank or absent";
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return "expected a number";
        }
        if (!Double.isFinite(v)) {
            return "expected a finite amount";
        }
        if (v < 0) {
            return "expected an amount >= 0 (net refunds out before reading)";
        }
        return null;
    }

    private static String field(CSVRecord record, int col) {
        return col < record.size() ? record.get(col).trim() : null;
    }

    private static int column(Map<String, Integer> header, String name, String source) {
        Integer i = header.get(name);
        if (i == null) {
            throw new IllegalArgumentException(source + ": no column named '" + name + "'; the header has "
                    + header.keySet());
        }
        return i;
    }
}
