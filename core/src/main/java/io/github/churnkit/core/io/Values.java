package io.github.churnkit.core.io;

import java.time.LocalDate;
import java.util.List;

/**
 * Strict, allocation-light parsers for the text of one CSV field: numbers, booleans and dates.
 * Every method expects a value that is already trimmed and known not to be a missing marker.
 * Stateless and thread-safe.
 */
final class Values {

    /** The date layouts recognised, by the index {@link #dateShape(String)} returns. */
    static final List<String> DATE_PATTERNS =
            List.of("yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "dd-MM-yy", "dd/MM/yy");

    /** Human-readable list of {@link #DATE_PATTERNS} for messages. */
    static final String DATE_PATTERN_LIST = "yyyy-MM-dd, dd-MM-yyyy, dd/MM/yyyy, dd-MM-yy or dd/MM/yy";

    /** Returned by {@link #epochDay(String, int)} for a value that is not a calendar date. */
    static final int NOT_A_DATE = Integer.MIN_VALUE;

    private Values() {
    }

    /**
     * Whether {@code s} is a plain decimal number: optional sign, digits with at most one decimal
     * point (at least one digit), optional exponent. Rejects what {@link Double#parseDouble} would
     * also accept but a CSV author rarely means: {@code NaN}, {@code Infinity}, hex, a trailing
     * {@code d} or {@code f}, thousands separators.
     */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        char e = s.charAt(i);
        if (e != 'e' && e != 'E') {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int expDigits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            expDigits++;
        }
        return expDigits > 0;
    }

    /** The number in {@code s}, or NaN when {@link #isNumber(String)} is false. */
    static double parseNumber(String s) {
        return isNumber(s) ? Double.parseDouble(s) : Double.NaN;
    }

    /** Whether {@code s} is an integer (optional sign and digits only). */
    static boolean isInteger(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * 1 for yes/true/1, 0 for no/false/0 (letters in any case), -1 for anything else.
     */
    static int parseBoolean(String s) {
        switch (s.length()) {
            case 1:
                return s.charAt(0) == '1' ? 1 : s.charAt(0) == '0' ? 0 : -1;
            case 2:
                return s.equalsIgnoreCase("no") ? 0 : -1;
            case 3:
                return s.equalsIgnoreCase("yes") ? 1 : -1;
            case 4:
                return s.equalsIgnoreCase("true") ? 1 : -1;
            case 5:
                return s.equalsIgnoreCase("false") ? 0 : -1;
            default:
                return -1;
        }
    }

    /**
     * The layout of a date-like value, as an index into {@link #DATE_PATTERNS}, or -1 when the
     * value has none of those shapes. Only the shape is checked (digit positions and separators);
     * {@link #epochDay(String, int)} checks the calendar.
     */
    static int dateShape(String s) {
        int n = s.length();
        if (n == 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
                && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
            return 0;
        }
        if ((n == 10 || n == 8) && digits(s, 0, 2) && digits(s, 3, 5) && digits(s, 6, n)) {
            char a = s.charAt(2);
            char b = s.charAt(5);
            if (a != b) {
                return -1;
            }
            if (a == '-') {
                return n == 10 ? 1 : 3;
            }
            if (a == '/') {
                return n == 10 ? 2 : 4;
            }
        }
        return -1;
    }

    /**
     * The epoch day of {@code s} read with the layout {@code shape} (from {@link #dateShape}), or
     * {@link #NOT_A_DATE} when the shape is -1 or the day does not exist (month 13, 30 February).
     * Two-digit years mean 2000 to 2099, as {@code yy} does in {@code java.time}.
     */
    static int epochDay(String s, int shape) {
        int year;
        int month;
        int day;
        switch (shape) {
            case 0:
                year = number(s, 0, 4);
                month = number(s, 5, 7);
                day = number(s, 8, 10);
                break;
            case 1:
            case 2:
                day = number(s, 0, 2);
                month = number(s, 3, 5);
                year = number(s, 6, 10);
                break;
            case 3:
            case 4:
                day = number(s, 0, 2);
                month = number(s, 3, 5);
                year = 2000 + number(s, 6, 8);
                break;
            default:
                return NOT_A_DATE;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return NOT_A_DATE;
        }
        return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
    }

    /** The epoch day of {@code s} in any recognised layout, or {@link #NOT_A_DATE}. */
    static int epochDay(String s) {
        return epochDay(s, dateShape(s));
    }

    private static int daysIn(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
