package io.github.churnkit.features;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Derives a churn label from activity, for data that records when customers were last active
 * (last login, last payment) but has no churn column: a customer has churned at the snapshot date
 * when their last activity lies more than the inactivity window before it,
 *
 * <pre>{@code churned = (snapshot - lastActivity) > inactivityDays}</pre>
 *
 * counted in whole days. Activity on or after the snapshot date, or within the window, is
 * "active" (0); a missing activity date gives a missing label (NaN), which the trainers leave out.
 *
 * <pre>{@code
 * ActivityLabeler labeler = ActivityLabeler.of(LocalDate.of(2023, 7, 1), 30);
 * CustomerTable labelled = labeler.labelled(users, "Last Payment Date", "churned");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ActivityLabeler {

    private final LocalDate snapshot;
    private final int inactivityDays;

    private ActivityLabeler(LocalDate snapshot, int inactivityDays) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        if (inactivityDays < 1) {
            throw new IllegalArgumentException("inactivityDays must be at least 1, found " + inactivityDays);
        }
        this.inactivityDays = inactivityDays;
    }

    /**
     * A labeler for {@code snapshot} and a window of {@code inactivityDays} days.
     *
     * @throws IllegalArgumentException if {@code inactivityDays < 1}
     */
    public static ActivityLabeler of(LocalDate snapshot, int inactivityDays) {
        return new ActivityLabeler(snapshot, inactivityDays);
    }

    /** The snapshot date. */
    public LocalDate snapshot() {
        return snapshot;
    }

    /** The inactivity window in days. */
    public int inactivityDays() {
        return inactivityDays;
    }

    /**
     * The label as a BOOLEAN column called {@code labelName}: 1 churned, 0 active, NaN when the
     * activity date is missing.
     *
     * @throws IllegalArgumentException if {@code lastActivityColumn} is absent or not a DATE column
     */
    public NumericColumn label(CustomerTable table, String lastActivityColumn, String labelName) {
        DateColumn last = table.date(lastActivityColumn);
        long snap = snapshot.toEpochDay();
        double[] y = new double[last.size()];
        for (int r = 0; r < y.length; r++) {
            int d = last.epochDay(r);
            y[r] = d == DateColumn.MISSING ? Double.NaN : snap - d > inactivityDays ? 1.0 : 0.0;
        }
        return NumericColumn.ofBoolean(labelName, y);
    }

    /**
     * {@code table} with the label appended as its TARGET column. A previous target becomes
     * IGNORED, and so does the activity column itself, since it determines the label and would
     * leak it into the features.
     *
     * @throws IllegalArgumentException if {@code labelName} is already a column name
     */
    public CustomerTable labelled(CustomerTable table, String lastActivityColumn, String labelName) {
        if (table.schema().contains(labelName)) {
            throw new IllegalArgumentException("column '" + labelName + "' already exists");
        }
        NumericColumn label = label(table, lastActivityColumn, labelName);
        Schema.Builder b = Schema.builder();
        for (ColumnSpec c : table.schema().columns()) {
            boolean demote = c.role() == ColumnRole.TARGET || c.name().equals(lastActivityColumn);
            b.add(demote ? c.withRole(ColumnRole.IGNORED).withReason("replaced by the activity label '"
                    + labelName + "'") : c);
        }
        b.add(new ColumnSpec(labelName, ColumnRole.TARGET, ColumnType.BOOLEAN, "last activity in '"
                + lastActivityColumn + "' more than " + inactivityDays + " days before " + snapshot));
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(label);
        return CustomerTable.of(b.build(), columns);
    }
}
