package io.github.churnkit.core.transactions;

import io.github.churnkit.core.io.RejectedRow;

/**
 * A bad row in a transaction file read in strict mode, or a malformed file: the message names the
 * file, line, column, value and reason in the words of {@link RejectedRow#message(String)}
 * (for example {@code sales.csv line 12, column 'date': expected a date in ISO yyyy-MM-dd, found "2024-13-01"}),
 * and the same details are available as fields.
 */
public final class TransactionFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String value;
    private final String reason;

    TransactionFormatException(String source, RejectedRow row) {
        super(row.message(source));
        this.source = source;
        this.line = row.line();
        this.column = row.column();
        this.value = row.value();
        this.reason = row.reason();
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** The physical line (1 = header) where the offending record starts. */
    public long line() {
        return line;
    }

    /** The offending column, or null when the problem concerns the whole row or file. */
    public String column() {
        return column;
    }

    /** The offending value, or null when the field was absent. */
    public String value() {
        return value;
    }

    /** What was expected or what went wrong, without the location. */
    public String reason() {
        return reason;
    }
}
