package io.github.churnkit.features;

import io.github.churnkit.core.DateColumn;
import java.util.Locale;

/**
 * Where a numeric feature's raw value comes from: one NUMERIC or BOOLEAN input, the days between
 * a DATE input and the reference day, or a ratio or difference of two inputs (dates count as
 * epoch days). Reads return NaN for missing; invalid values (infinite numbers, booleans other than
 * 0/1) are missing in lenient mode and an {@link IllegalArgumentException} in strict mode.
 * Immutable and thread-safe.
 */
final class NumericSource {

    static final int NUMBER = 0;
    static final int BOOLEAN = 1;
    static final int DAYS_SINCE = 2;
    static final int RATIO = 3;
    static final int DIFFERENCE = 4;

    final int kind;
    final int a;
    final int b;
    final boolean aDate;
    final boolean bDate;
    final int referenceDay;
    private final String aName;
    private final String bName;

    private NumericSource(int kind, Operand left, Operand right, int referenceDay) {
        this.kind = kind;
        this.a = left.index;
        this.aDate = left.date;
        this.aName = left.name;
        this.b = right == null ? -1 : right.index;
        this.bDate = right != null && right.date;
        this.bName = right == null ? null : right.name;
        this.referenceDay = referenceDay;
    }

    /** One input of a source: its index in the pipeline's inputs, name, and whether it is a date. */
    record Operand(int index, String name, boolean date) {
    }

    static NumericSource number(int input, String name) {
        return new NumericSource(NUMBER, new Operand(input, name, false), null, 0);
    }

    static NumericSource bool(int input, String name) {
        return new NumericSource(BOOLEAN, new Operand(input, name, false), null, 0);
    }

    static NumericSource daysSince(int input, String name, int referenceDay) {
        return new NumericSource(DAYS_SINCE, new Operand(input, name, true), null, referenceDay);
    }

    static NumericSource derived(int kind, Operand left, Operand right) {
        if (kind != RATIO && kind != DIFFERENCE) {
            throw new IllegalArgumentException("not a derived kind: " + kind);
        }
        return new NumericSource(kind, left, right, 0);
    }

    /** The input index of the single column this source reads, or -1 for a derived source. */
    int singleInput() {
        return kind == RATIO || kind == DIFFERENCE ? -1 : a;
    }

    /** The raw value in {@code row}; NaN when missing (or invalid, when not strict). */
    double read(RawRow row, boolean strict) {
        switch (kind) {
            case NUMBER:
                return finite(row.number(a), aName, strict);
            case BOOLEAN: {
                double v = row.number(a);
                if (v == 0.0 || v == 1.0 || Double.isNaN(v)) {
                    return v;
                }
                if (strict) {
                    throw new IllegalArgumentException("boolean column '" + aName + "': expected 0, 1 or missing, found "
                            + String.format(Locale.ROOT, "%s", v));
                }
                return Double.NaN;
            }
            case DAYS_SINCE: {
                int d = row.epochDay(a);
                return d == DateColumn.MISSING ? Double.NaN : (double) referenceDay - d;
            }
            case RATIO: {
                double x = operand(row, a, aDate, aName, strict);
                double y = operand(row, b, bDate, bName, strict);
                // division by zero (and 0/0) is defined as missing, so it is imputed downstream
                return y == 0.0 ? Double.NaN : bounded(x / y);
            }
            default: {
                double x = operand(row, a, aDate, aName, strict);
                double y = operand(row, b, bDate, bName, strict);
                return bounded(x - y);
            }
        }
    }

    private static double bounded(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    private static double operand(RawRow row, int input, boolean date, String name, boolean strict) {
        if (date) {
            int d = row.epochDay(input);
            return d == DateColumn.MISSING ? Double.NaN : d;
        }
        return finite(row.number(input), name, strict);
    }

    private static double finite(double v, String name, boolean strict) {
        if (Double.isInfinite(v)) {
            if (strict) {
                throw new IllegalArgumentException("column '" + name + "': value " + v + " is not finite");
            }
            return Double.NaN;
        }
        return v;
    }
}
