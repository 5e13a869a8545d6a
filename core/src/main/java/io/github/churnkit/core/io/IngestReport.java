package io.github.churnkit.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened while a CSV file was read: how many data rows were read, accepted and rejected,
 * why rows were rejected, and how many values were missing per column.
 *
 * <p>Every data row is accounted for: {@code rowsRead == rowsAccepted + rowsRejected} always holds
 * (the constructor checks it). Blank lines and the header are not data rows. To keep memory
 * bounded, {@link #rejected()} holds at most {@link CsvIngest.Options#maxRejectsKept()} rows; all
 * rejected rows go to the rejects file when one is configured.
 *
 * @param source        the file or source name
 * @param rowsRead      data rows read
 * @param rowsAccepted  rows that became table rows
 * @param rowsRejected  rows set aside (lenient mode only)
 * @param rejected      the first rejected rows, in file order; at most {@code rowsRejected}
 * @param missingCounts missing values per column of the table, in schema order
 */
public record IngestReport(String source, long rowsRead, long rowsAccepted, long rowsRejected,
                           List<RejectedRow> rejected, Map<String, Long> missingCounts) {

    /** Validates the counts and copies the collections. */
    public IngestReport {
        Objects.requireNonNull(source, "source");
        if (rowsAccepted < 0 || rowsRejected < 0) {
            throw new IllegalArgumentException("row counts must not be negative, found accepted "
                    + rowsAccepted + ", rejected " + rowsRejected);
        }
        if (rowsRead != rowsAccepted + rowsRejected) {
            throw new IllegalArgumentException("rows read (" + rowsRead + ") must equal rows accepted ("
                    + rowsAccepted + ") plus rows rejected (" + rowsRejected + ")");
        }
        rejected = List.copyOf(rejected);
        if (rejected.size() > rowsRejected) {
            throw new IllegalArgumentException(rejected.size() + " rejected rows listed but only "
                    + rowsRejected + " rejected");
        }
        missingCounts = Collections.unmodifiableMap(new LinkedHashMap<>(missingCounts));
    }

    /** Whether {@link #rejected()} lists fewer rows than were rejected. */
    public boolean rejectedTruncated() {
        return rejected.size() < rowsRejected;
    }

    /** The missing count of {@code column}; 0 for an unknown column. */
    public long missing(String column) {
        Long n = missingCounts.get(column);
        return n == null ? 0 : n;
    }

    /** One line, for logs: {@code telco.csv: 7043 rows read, 7043 accepted, 0 rejected}. */
    public String summary() {
        return source + ": " + rowsRead + " rows read, " + rowsAccepted + " accepted, " + rowsRejected
                + " rejected";
    }
}
