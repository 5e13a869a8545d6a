package io.github.churnkit.models.survival;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Monthly cohort retention: rows are join months, columns are months since joining, cells the share
 * of the cohort still a customer.
 *
 * <p>A customer who joined in month J counts as retained at k months if they had not ended before
 * the first day of month {@code J + k} (so column 0 is always 1). A cell is observable only if that
 * first day is on or before the as-of date; later cells are NaN. End dates after the as-of date are
 * unknown at that date and treated as still active.
 *
 * <pre>{@code
 * CohortRetentionTable t = CohortRetentionTable.monthly(joined, ended, LocalDate.of(2024, 6, 30));
 * double januaryAfterThreeMonths = t.retention(0, 3);   // NaN if not yet observable
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CohortRetentionTable {

    private final List<YearMonth> cohorts;
    private final int[] sizes;
    private final int[][] retained;
    private final int[] observableMonths;

    private CohortRetentionTable(List<YearMonth> cohorts, int[] sizes, int[][] retained, int[] observableMonths) {
        this.cohorts = List.copyOf(cohorts);
        this.sizes = sizes;
        this.retained = retained;
        this.observableMonths = observableMonths;
    }

    /**
     * Builds the table.
     *
     * @param joined join date per customer, not null, not after {@code asOf}
     * @param ended end (churn) date per customer, or null while still a customer; not before the join
     *     date
     * @param asOf the date of the data
     * @return the table, one row per join month that has customers, in calendar order
     * @throws IllegalArgumentException on mismatched lengths, empty input, a null join date, a join
     *     after the as-of date or an end before the join (the message names the index)
     */
    public static CohortRetentionTable monthly(LocalDate[] joined, LocalDate[] ended, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (joined.length != ended.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "joined and ended must have the same length, found %d and %d", joined.length, ended.length));
        }
        if (joined.length == 0) {
            throw new IllegalArgumentException("no customers: joined is empty");
        }
        YearMonth last = YearMonth.from(asOf);
        TreeMap<YearMonth, Integer> index = new TreeMap<>();
        for (int i = 0; i < joined.length; i++) {
            if (joined[i] == null) {
                throw new IllegalArgumentException("customer " + i + ": join date is null");
            }
            if (joined[i].isAfter(asOf)) {
                throw new IllegalArgumentException("customer " + i + ": joined " + joined[i] + " after the as-of date "
                        + asOf);
            }
            if (ended[i] != null && ended[i].isBefore(joined[i])) {
                throw new IllegalArgumentException("customer " + i + ": ended " + ended[i] + " before joining "
                        + joined[i]);
            }
            index.putIfAbsent(YearMonth.from(joined[i]), 0);
        }
        List<YearMonth> cohorts = new ArrayList<>(index.keySet());
        int[] observable = new int[cohorts.size()];
        int[][] retained = new int[cohorts.size()][];
        for (int c = 0; c < cohorts.size(); c++) {
            index.put(cohorts.get(c), c);
            observable[c] = (int) ChronoUnit.MONTHS.between(cohorts.get(c), last) + 1;
            retained[c] = new int[observable[c]];
        }
        int[] sizes = new int[cohorts.size()];
        for (int i = 0; i < joined.length; i++) {
            YearMonth j = YearMonth.from(joined[i]);
            int c = index.get(j);
            sizes[c]++;
            for (int k = 0; k < observable[c]; k++) {
                LocalDate monthStart = j.plusMonths(k).atDay(1);
                boolean active = ended[i] == null || ended[i].isAfter(asOf) || !ended[i].isBefore(monthStart);
                if (k > 0 && !active) {
                    break;
                }
                retained[c][k]++;
            }
        }
        return new CohortRetentionTable(cohorts, sizes, retained, observable);
    }

    /** @return the number of cohorts (join months with customers) */
    public int cohortCount() {
        return cohorts.size();
    }

    /**
     * @param c cohort index
     * @return its join month
     */
    public YearMonth cohort(int c) {
        return cohorts.get(c);
    }

    /**
     * @param c cohort index
     * @return customers who joined in that month
     */
    public int cohortSize(int c) {
        return sizes[c];
    }

    /**
     * @param c cohort index
     * @return the number of observable columns (months since joining 0 .. n − 1)
     */
    public int observableMonths(int c) {
        return observableMonths[c];
    }

    /**
     * @param c cohort index
     * @param monthsSinceJoining column, {@code >= 0}
     * @return customers of the cohort still active at that month; -1 if not yet observable
     */
    public int retained(int c, int monthsSinceJoining) {
        if (monthsSinceJoining < 0) {
            throw new IllegalArgumentException("monthsSinceJoining must be >= 0, found " + monthsSinceJoining);
        }
        return monthsSinceJoining < observableMonths[c] ? retained[c][monthsSinceJoining] : -1;
    }

    /**
     * @param c cohort index
     * @param monthsSinceJoining column, {@code >= 0}
     * @return the retained share of the cohort; NaN if not yet observable
     */
    public double retention(int c, int monthsSinceJoining) {
        int r = retained(c, monthsSinceJoining);
        return r < 0 ? Double.NaN : (double) r / sizes[c];
    }
}
