package io.github.churnkit.core.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What inference has learned about one column from the sample rows: counts of missing and
 * non-missing values, which types every value so far fits, and the distinct values with their
 * counts. The distinct values are kept while they may still matter (at most the category limit,
 * or as long as every value is unique, which is what marks an identifier), so memory stays
 * bounded by the sample size. Not thread-safe.
 */
final class ColumnProfile {

    final String name;
    private final int maxLevels;
    long missing;
    long nonMissing;
    /** Non-missing values that parse as numbers. */
    long numbers;
    boolean allBooleans = true;
    boolean allNumbers = true;
    boolean allIntegers = true;
    boolean allDates = true;
    /** Bit {@code i} set when a value had date layout {@code i}. */
    int dateShapes;
    /** The first value that is not a number, and its line, for the reason text. */
    String firstNonNumber;
    long firstNonNumberLine;
    private Map<String, long[]> counts = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    boolean duplicates;
    boolean levelsOverflow;

    ColumnProfile(String name, int maxLevels) {
        this.name = name;
        this.maxLevels = maxLevels;
    }

    void addMissing() {
        missing++;
    }

    /** Records one non-missing, trimmed value read on {@code line}. */
    void add(String v, long line) {
        nonMissing++;
        if (allBooleans && Values.parseBoolean(v) < 0) {
            allBooleans = false;
        }
        if (Values.isNumber(v)) {
            numbers++;
            if (allIntegers && !Values.isInteger(v)) {
                allIntegers = false;
            }
        } else if (allNumbers) {
            allNumbers = false;
            allIntegers = false;
            firstNonNumber = v;
            firstNonNumberLine = line;
        }
        if (allDates) {
            int shape = Values.dateShape(v);
            if (shape < 0 || Values.epochDay(v, shape) == Values.NOT_A_DATE) {
                allDates = false;
            } else {
                dateShapes |= 1 << shape;
            }
        }
        if (counts != null) {
            long[] c = counts.get(v);
            if (c == null) {
                counts.put(v, new long[] {1});
                order.add(v);
            } else {
                c[0]++;
                duplicates = true;
            }
            if (duplicates && counts.size() > maxLevels) {
                // neither a category nor an identifier: stop remembering values
                counts = null;
                order.clear();
                levelsOverflow = true;
            }
        }
    }

    /** Number of distinct values, or -1 once there were too many to keep. */
    int distinct() {
        return counts == null ? -1 : counts.size();
    }

    /** Whether every non-missing value seen so far was different. */
    boolean allUnique() {
        return counts != null && !duplicates;
    }

    /** Distinct values in order of first appearance (empty after overflow). */
    List<String> levels() {
        return List.copyOf(order);
    }

    /** How often {@code value} occurred, 0 if unknown. */
    long count(String value) {
        long[] c = counts == null ? null : counts.get(value);
        return c == null ? 0 : c[0];
    }

    /** "No: 5174, Yes: 1869" style listing of up to {@code limit} values, most frequent first. */
    String describeLevels(int limit) {
        List<String> sorted = new ArrayList<>(order);
        sorted.sort((a, b) -> Long.compare(count(b), count(a)));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size() && i < limit; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(sorted.get(i)).append(": ").append(count(sorted.get(i)));
        }
        if (sorted.size() > limit) {
            sb.append(", \u2026 (").append(sorted.size() - limit).append(" more)");
        }
        return sb.toString();
    }

    /** The date layouts seen, for example "dd-MM-yy". */
    String datePatterns() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Values.DATE_PATTERNS.size(); i++) {
            if ((dateShapes & (1 << i)) != 0) {
                out.add(Values.DATE_PATTERNS.get(i));
            }
        }
        return String.join(", ", out);
    }
}
