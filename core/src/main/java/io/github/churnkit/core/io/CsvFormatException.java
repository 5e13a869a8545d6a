package io.github.churnkit.core.io;

/**
 * A CSV file that cannot be read as asked: a missing or malformed header, a row with the wrong
 * number of fields, an unterminated quote, or (in {@link CsvIngest.Mode#STRICT strict} mode) a value
 * that does not fit its column's type. The message names the source, the line, the column, the
 * value found and what was expected, for example
 *
 * <pre>telco.csv line 12, column 'TotalCharges': expected a number, found "abc"</pre>
 *
 * <p>The same details are available as fields, so callers can point a user at the exact cell.
 * Line numbers count physical lines from 1 (the header); a record whose quoted field spans several
 * lines is reported at the line it starts on.
 */
public final class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Longest value quoted in a message; longer values are cut and marked with an ellipsis. */
    static final int MAX_QUOTED = 80;

    private final String source;
    private final long line;
    private final String column;
    private final String value;
    private final String problem;

    CsvFormatException(String source, long line, String column, String value, String problem) {
        super(message(source, line, column, value, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
        this.problem = problem;
    }

    /**
     * The exception for a row rejected while reading {@code source}, with the same message as
     * {@link RejectedRow#message(String)}. Other readers of CSV files in this library (for example
     * the transaction-log reader) throw it too, so callers handle one type for every CSV problem.
     */
    public static CsvFormatException of(String source, RejectedRow row) {
        return new CsvFormatException(source, row.line(), row.column(), row.value(), row.reason());
    }

    /** Builds the message used by this exception and by {@link RejectedRow#message(String)}. */
    static String message(String source, long line, String column, String value, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (column != null) {
            sb.append(line > 0 ? ", " : " ").append("column '").append(column).append('\'');
        }
        sb.append(": ").append(problem);
        if (value != null) {
            sb.append(", found ").append(quote(value));
        }
        return sb.toString();
    }

    /** The value in double quotes, cut to {@link #MAX_QUOTED} characters. */
    static String quote(String value) {
        String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "\u2026" : value;
        return '"' + v + '"';
    }

    /** The file name or the source name given with a {@link java.io.Reader}. */
    public String source() {
        return source;
    }

    /** The physical line (1 = header) where the offending record starts, or 0 when not tied to a line. */
    public long line() {
        return line;
    }

    /** The column name, or null when the problem concerns the whole row or file. */
    public String column() {
        return column;
    }

    /** The offending value as read (trimmed), or null when there is none. */
    public String value() {
        return value;
    }

    /** What was expected or what went wrong, without the location (for example "expected a number"). */
    public String problem() {
        return problem;
    }
}
