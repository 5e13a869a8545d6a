package io.github.churnkit.core.transactions;

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
import java.util.Collections;
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
 * Reads a transaction log (customer id, date, amount) from a CSV file with a header row, using
 * Apache Commons CSV. The caller names the three columns; other columns are ignored.
 *
 * <pre>{@code
 * TransactionReader.Result r = TransactionReader.of(TransactionReader.Options
 *         .columns("CustomerID", "InvoiceDate", "Revenue")
 *         .withDatePattern("M/d/yyyy H:mm")
 *         .withBadRows(TransactionReader.BadRows.LENIENT))
 *     .read(Path.of("retail.csv"));
 * TransactionLog log = r.log();   // r.rowsRead() == r.accepted() + r.rejected()
 * }</pre>
 *
 * <h2>Validation</h2>
 * A row is bad when the customer id is blank, the date does not parse (ISO {@code yyyy-MM-dd}
 * unless a pattern is given; a pattern with a time of day keeps only the date), or the amount is
 * not a finite number of at least 0 (refunds and negative amounts are rejected: net them out
 * before reading). Fields are trimmed. With {@link BadRows#STRICT} the first bad row throws a
 * {@link TransactionFormatException} naming the file, line, column and value; with
 * {@link BadRows#LENIENT} bad rows are counted and the first {@value #MAX_KEPT_REJECTS} are kept
 * with their reasons. Either way {@code rowsRead = accepted + rejected}. A missing column in the
 * header is always an error.
 *
 * <p>Instances are immutable and thread-safe; each {@code read} call uses its own parser.
 */
public final class TransactionReader {

    /** How many rejected rows {@link BadRows#LENIENT} keeps with their reasons (all are counted). */
    public static final int MAX_KEPT_REJECTS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(TransactionReader.class);

    /** What to do with a bad row. */
    public enum BadRows {
        /** Throw {@link TransactionFormatException} at the first bad row. */
        STRICT,
        /** Skip bad rows, count them and keep the first {@value #MAX_KEPT_REJECTS} with reasons. */
        LENIENT
    }

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
     * @param badRows     the bad-row policy; not null
     */
    public record Options(Columns columns, String datePattern, BadRows badRows) {

        /** Validates the fields (including that the date pattern compiles). */
        public Options {
            Objects.requireNonNull(columns, "columns");
            Objects.requireNonNull(badRows, "badRows");
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
            return new Options(new Columns(customer, date, amount), null, BadRows.STRICT);
        }

        /** A copy with a date pattern (null for ISO). */
        public Options withDatePattern(String pattern) {
            return new Options(columns, pattern, badRows);
        }

        /** A copy with another bad-row policy. */
        public Options withBadRows(BadRows policy) {
            return new Options(columns, datePattern, policy);
        }
    }

    /**
     * A rejected row.
     *
     * @param line   the 1-based line number in the file (the header is line 1)
     * @param column the offending column name
     * @param value  the offending value as read (null when the field was absent)
     * @param reason why it was rejected
     */
    public record Rejected(long line, String column, String value, String reason) {
    }

    /**
     * The outcome of a read.
     *
     * @param log          the accepted transactions
     * @param rowsRead     data rows read (header excluded)
     * @param rejected     rows rejected ({@code rowsRead - log.size()})
     * @param firstRejects the first {@value #MAX_KEPT_REJECTS} rejected rows, in file order
     */
    public record Result(TransactionLog log, long rowsRead, long rejected, List<Rejected> firstRejects) {

        /** Validates the counts and copies the list. */
        public Result {
            Objects.requireNonNull(log, "log");
            firstRejects = List.copyOf(firstRejects);
            if (rowsRead != log.size() + rejected) {
                throw new IllegalArgumentException("rows read " + rowsRead + " != accepted " + log.size()
                        + " + rejected " + rejected);
            }
        }

        /** Rows accepted, the size of the log. */
        public long accepted() {
            return log.size();
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
     * @throws TransactionFormatException on the first bad row under {@link BadRows#STRICT}
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
     * @throws TransactionFormatException on the first bad row under {@link BadRows#STRICT}
     */
    public Result read(Reader in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        TransactionLog.Builder log = TransactionLog.builder();
        List<Rejected> rejects = new ArrayList<>();
        long rowsRead = 0;
        long rejected = 0;
        try {
            CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get();
            Map<String, Integer> header = parser.getHeaderMap();
            Columns cols = options.columns();
            int idCol = column(header, cols.customer(), source);
            int dateCol = column(header, cols.date(), source);
            int amountCol = column(header, cols.amount(), source);
            long line = 1;
            for (CSVRecord record : parser) {
                rowsRead++;
                line = Math.max(line + 1, parser.getCurrentLineNumber());
                Rejected bad = null;
                String id = field(record, idCol);
                String dateText = field(record, dateCol);
                String amountText = field(record, amountCol);
                int day = 0;
                double amount = 0;
                if (id == null || id.isEmpty()) {
                    bad = new Rejected(line, cols.customer(), id, "customer id is blank or absent");
                } else {
                    LocalDate date = parseDate(dateText);
                    if (date == null) {
                        bad = new Rejected(line, cols.date(), dateText, "not a date"
                                + (options.datePattern() == null ? " in ISO yyyy-MM-dd" : " matching '" + options.datePattern() + "'"));
                    } else {
                        day = Math.toIntExact(date.toEpochDay());
                    }
                    if (bad == null) {
                        String why = amountProblem(amountText);
                        if (why == null) {
                            amount = Double.parseDouble(amountText);
                        } else {
                            bad = new Rejected(line, cols.amount(), amountText, why);
                        }
                    }
                }
                if (bad == null) {
                    log.add(log.customer(id), day, amount);
                } else if (options.badRows() == BadRows.STRICT) {
                    throw new TransactionFormatException(source, bad);
                } else {
                    rejected++;
                    if (rejects.size() < MAX_KEPT_REJECTS) {
                        rejects.add(bad);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transactions from " + source, e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed CSV (e.g. an unterminated quote) this way from its iterator
            throw new UncheckedIOException("malformed CSV in " + source + " after " + rowsRead
                    + " data rows: " + e.getMessage(), e.getCause());
        }
        if (rejected > 0) {
            LOG.warn("{}: rejected {} of {} transaction rows; first: {}", source, rejected, rowsRead,
                    rejects.isEmpty() ? "" : rejects.get(0));
        }
        return new Result(log.build(), rowsRead, rejected, Collections.unmodifiableList(rejects));
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
            return "amount is blank or absent";
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return "not a number";
        }
        if (!Double.isFinite(v)) {
            return "amount is not finite";
        }
        if (v < 0) {
            return "amount is negative (refunds must be netted out before reading)";
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
