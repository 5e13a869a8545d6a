package io.github.churnkit.core.io;

import java.util.Objects;

/**
 * One data row that lenient ingest set aside, with the same details a strict ingest would have
 * thrown in a {@link CsvFormatException}.
 *
 * @param line   the physical line (1 = header) where the record starts; positive
 * @param column the first offending column, or null when the whole row is wrong (wrong number of
 *               fields)
 * @param value  the offending value as read (trimmed), or null when there is none
 * @param reason what was expected, for example "expected a number"; not blank
 */
public record RejectedRow(long line, String column, String value, String reason) {

    /** Validates the fields. */
    public RejectedRow {
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, found " + line);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }

    /**
     * The full message, in the same words as the exception strict mode throws, for example
     * {@code telco.csv line 12, column 'TotalCharges': expected a number, found "abc"}.
     */
    public String message(String source) {
        return CsvFormatException.message(source, line, column, value, reason);
    }
}
