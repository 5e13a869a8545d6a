package io.github.churnkit.scoring;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Reads a customer map into a scratch buffer, converting each value to its slot's type. */
final class MapValues {

    private MapValues() {
    }

    static void fill(Layout layout, Map<String, ?> customer, Scratch s, boolean strict) {
        for (int i = 0; i < layout.slotCount(); i++) {
            String name = layout.name(i);
            Object v = customer.get(name);
            switch (layout.type(i)) {
                case CATEGORICAL:
                    s.categories[i] = v == null ? null : v.toString();
                    break;
                case DATE:
                    s.days[i] = date(name, v, strict);
                    break;
                case BOOLEAN:
                    s.numbers[i] = bool(name, v, strict);
                    break;
                default:
                    s.numbers[i] = number(name, v, strict);
                    break;
            }
        }
    }

    private static double number(String name, Object v, boolean strict) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1.0 : 0.0;
        }
        String text = v.toString().trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return bad(name, v, "a number", strict);
        }
    }

    private static double bool(String name, Object v, boolean strict) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1.0 : 0.0;
        }
        if (v == null || v instanceof Number) {
            return number(name, v, strict);
        }
        String text = v.toString().trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "":
                return Double.NaN;
            case "true": case "yes": case "y": case "1":
                return 1.0;
            case "false": case "no": case "n": case "0":
                return 0.0;
            default:
                return bad(name, v, "a boolean", strict);
        }
    }

    private static int date(String name, Object v, boolean strict) {
        if (v == null) {
            return DateColumn.MISSING;
        }
        if (v instanceof LocalDate) {
            return Math.toIntExact(((LocalDate) v).toEpochDay());
        }
        if (v instanceof Number) {
            return ((Number) v).intValue();
        }
        String text = v.toString().trim();
        if (text.isEmpty()) {
            return DateColumn.MISSING;
        }
        try {
            return Math.toIntExact(LocalDate.parse(text).toEpochDay());
        } catch (DateTimeParseException e) {
            bad(name, v, "an ISO date", strict);
            return DateColumn.MISSING;
        }
    }

    private static double bad(String name, Object v, String expected, boolean strict) {
        if (strict) {
            throw new IllegalArgumentException("column '" + name + "': value '" + v + "' is not " + expected);
        }
        return Double.NaN;
    }
}
