package io.github.churnkit.core.transactions;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Streams transactions to CSV one row at a time, with the header {@code customer_id,date,amount},
 * dates in ISO {@code yyyy-MM-dd} and amounts written with {@link Double#toString(double)}, which
 * reads back to exactly the same double. Ids holding a comma, quote or line break are quoted as in
 * RFC 4180. Lines end with {@code \n}. The output is a pure function of the rows written, so two
 * runs that write the same rows produce the same bytes.
 *
 * <p>The writer does not close the underlying {@link Writer}; wrap it in a
 * {@link java.io.BufferedWriter} for speed. Not thread-safe.
 */
public final class TransactionCsvWriter implements Flushable {

    private final Writer out;
    private long rows;

    private TransactionCsvWriter(Writer out) {
        this.out = out;
    }

    /**
     * A writer that has already written the header line to {@code out}.
     *
     * @throws UncheckedIOException if writing the header fails
     */
    public static TransactionCsvWriter to(Writer out) {
        Objects.requireNonNull(out, "out");
        TransactionCsvWriter w = new TransactionCsvWriter(out);
        try {
            out.write("customer_id,date,amount\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transaction CSV header", e);
        }
        return w;
    }

    /**
     * Writes one transaction.
     *
     * @param customerId the customer id; not null
     * @param epochDay   the date as {@link LocalDate#toEpochDay()}
     * @param amount     the amount; written as {@link Double#toString(double)}
     * @throws UncheckedIOException if writing fails
     */
    public void write(String customerId, int epochDay, double amount) {
        Objects.requireNonNull(customerId, "customerId");
        try {
            writeField(customerId);
            out.write(',');
            out.write(LocalDate.ofEpochDay(epochDay).toString());
            out.write(',');
            out.write(Double.toString(amount));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write transaction row " + (rows + 1), e);
        }
        rows++;
    }

    /** Number of transaction rows written (the header not counted). */
    public long rowsWritten() {
        return rows;
    }

    /** Flushes the underlying writer. */
    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the transaction CSV", e);
        }
    }

    private void writeField(String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }
}
