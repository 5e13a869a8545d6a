package io.github.churnkit.core;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A column of calendar dates stored as epoch days ({@link LocalDate#toEpochDay()}) in an
 * {@code int[]}, with {@link #MISSING} for a missing value. Immutable and thread-safe.
 */
public final class DateColumn implements Column {

    /** The stored value of a missing date. */
    public static final int MISSING = Integer.MIN_VALUE;

    private final String name;
    private final int[] days;

    private DateColumn(String name, int[] days) {
        this.name = Objects.requireNonNull(name, "name");
        this.days = days;
    }

    /** A column holding a copy of {@code epochDays} ({@link #MISSING} = missing). */
    public static DateColumn of(String name, int[] epochDays) {
        return new DateColumn(name, epochDays.clone());
    }

    /** A column of dates; null means missing. */
    public static DateColumn of(String name, LocalDate... dates) {
        int[] d = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            d[i] = dates[i] == null ? MISSING : Math.toIntExact(dates[i].toEpochDay());
        }
        return new DateColumn(name, d);
    }

    /** Wraps without copying; for builders inside this library that hand over ownership. */
    static DateColumn wrap(String name, int[] epochDays) {
        return new DateColumn(name, epochDays);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DATE;
    }

    @Override
    public int size() {
        return days.length;
    }

    /** The epoch day in {@code row}, or {@link #MISSING}. */
    public int epochDay(int row) {
        return days[row];
    }

    /** The date in {@code row}, or null when missing. */
    public LocalDate get(int row) {
        int d = days[row];
        return d == MISSING ? null : LocalDate.ofEpochDay(d);
    }

    @Override
    public boolean isMissing(int row) {
        return days[row] == MISSING;
    }

    @Override
    public String format(int row) {
        int d = days[row];
        return d == MISSING ? "" : LocalDate.ofEpochDay(d).toString();
    }

    /** A copy of all epoch days. */
    public int[] toArray() {
        return days.clone();
    }

    @Override
    public DateColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = days[rows[i]];
        }
        return new DateColumn(name, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateColumn c && c.name.equals(name) && Arrays.equals(c.days, days);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(days));
    }

    @Override
    public String toString() {
        return "DateColumn[" + name + ", " + days.length + " rows]";
    }
}
