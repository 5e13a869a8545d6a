package io.github.churnkit.core.transactions;

/**
 * A bad row in a transaction file read with {@link TransactionReader.BadRows#STRICT}: the message
 * names the file, line, column, value and reason, which are also available as fields.
 */
public final class TransactionFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String value;

    TransactionFormatException(String source, TransactionReader.Rejected row) {
        super(source + ", line " + row.line() + ", column '" + row.column() + "': " + row.reason()
                + ", found " + (row.value() == null ? "nothing" : "'" + row.value() + "'"));
        this.source = source;
        this.line = row.line();
        this.column = row.column();
        this.value = row.value();
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** The 1-based line number (the header is line 1). */
    public long line() {
        return line;
    }

    /** The offending column. */
    public String column() {
        return column;
    }

    /** The offending value, or null when the field was absent. */
    public String value() {
        return value;
    }
}
