package io.github.churnkit.core.transactions;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Summarises a {@link TransactionLog} per customer at a cut-off date, the input of the BG/NBD
 * model (Fader, Hardie and Lee 2005, "Counting your customers the easy way", Marketing Science
 * 24(2)) and of the Gamma-Gamma spend model (Fader and Hardie 2013, "The Gamma-Gamma model of
 * monetary value").
 *
 * <h2>Definitions</h2>
 * Let {@code c} be the cut-off day, {@code h} the holdout end and {@code u} the unit length in
 * days (1 or 7). For one customer, let {@code d0 < d1 < ... < dx} be the distinct days on or
 * before {@code c} with at least one purchase (purchases on the same day are merged into one
 * purchase whose amount is the day's sum). Then
 * <ul>
 *   <li>frequency {@code x} = the number of repeat purchase days (the first purchase is not
 *       counted);</li>
 *   <li>recency {@code t_x = (dx - d0) / u} (0 when x = 0);</li>
 *   <li>age {@code T = (c - d0) / u}; a purchase on the cut-off day therefore has {@code t_x = T};</li>
 *   <li>monetary = the mean of the day sums on {@code d1..dx}; <b>NaN when x = 0</b> (undefined;
 *       fit the Gamma-Gamma model on customers with x &gt; 0, or impute explicitly);</li>
 *   <li>total spend = the sum of all amounts on or before {@code c}, first purchase included;</li>
 *   <li>holdout purchases = the number of distinct purchase days in {@code (c, h]}, and holdout
 *       spend their summed amount (both 0 when {@code h == c}).</li>
 * </ul>
 * Transactions after {@code c} never change {@code x}, {@code t_x}, {@code T} or the spends;
 * transactions after {@code h} are ignored. A customer whose first purchase is after {@code c}
 * has no calibration history: they are left out of the summaries and counted in
 * {@link CustomerSummaries#excludedAfterCutoff()}. Amounts are used as given (negative amounts,
 * which {@link TransactionReader} rejects, would simply be summed).
 *
 * <h2>Algorithm and memory</h2>
 * A counting sort groups the transactions by customer number (one {@code int} per transaction
 * plus one per customer), then each customer's transactions are sorted by day in a reusable
 * scratch array. No object is created per transaction; time is O(n log k) for n transactions and
 * at most k per customer. The log need not be sorted.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransactionSummarizer {

    /**
     * Summary settings.
     *
     * @param cutoff     the last day of the calibration period (inclusive); not null
     * @param holdoutEnd the last day of the holdout period (inclusive); equal to {@code cutoff}
     *                   for no holdout; not before it
     * @param unit       the unit of recency and age; not null
     */
    public record Config(LocalDate cutoff, LocalDate holdoutEnd, PeriodUnit unit) {

        /** Validates the fields. */
        public Config {
            Objects.requireNonNull(cutoff, "cutoff");
            Objects.requireNonNull(holdoutEnd, "holdoutEnd");
            Objects.requireNonNull(unit, "unit");
            if (holdoutEnd.isBefore(cutoff)) {
                throw new IllegalArgumentException("holdoutEnd " + holdoutEnd + " is before cutoff " + cutoff);
            }
        }

        /** Cut-off {@code cutoff}, no holdout, unit weeks. */
        public static Config at(LocalDate cutoff) {
            return new Config(cutoff, cutoff, PeriodUnit.WEEKS);
        }

        /** A copy with another cut-off (the holdout end moves with it if it would fall before). */
        public Config withCutoff(LocalDate newCutoff) {
            Objects.requireNonNull(newCutoff, "newCutoff");
            return new Config(newCutoff, holdoutEnd.isBefore(newCutoff) ? newCutoff : holdoutEnd, unit);
        }

        /** A copy with another holdout end. */
        public Config withHoldoutEnd(LocalDate newHoldoutEnd) {
            return new Config(cutoff, newHoldoutEnd, unit);
        }

        /** A copy with a holdout of {@code days} days after the cut-off. */
        public Config withHoldoutDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("holdout days must be >= 0, found " + days);
            }
            return new Config(cutoff, cutoff.plusDays(days), unit);
        }

        /** A copy with another unit. */
        public Config withUnit(PeriodUnit newUnit) {
            return new Config(cutoff, holdoutEnd, newUnit);
        }
    }

    private final Config config;

    private TransactionSummarizer(Config config) {
        this.config = config;
    }

    /** A summarizer with the given settings. */
    public static TransactionSummarizer of(Config config) {
        return new TransactionSummarizer(Objects.requireNonNull(config, "config"));
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /**
     * Summarises {@code log} per customer (see the class documentation for the definitions).
     * Customers appear in the order of their customer numbers in the log, minus those excluded
     * because their first purchase is after the cut-off. An empty log gives empty summaries.
     */
    public CustomerSummaries summarize(TransactionLog log) {
        Objects.requireNonNull(log, "log");
        int n = log.size();
        int m = log.customerCount();
        // counting sort by customer number
        int[] start = new int[m + 1];
        for (int i = 0; i < n; i++) {
            start[log.customerIndex(i) + 1]++;
        }
        int maxPerCustomer = 0;
        for (int c = 0; c < m; c++) {
            maxPerCustomer = Math.max(maxPerCustomer, start[c + 1]);
            start[c + 1] += start[c];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(start, m);
        for (int i = 0; i < n; i++) {
            order[fill[log.customerIndex(i)]++] = i;
        }

        long cutoff = config.cutoff().toEpochDay();
        long holdoutEnd = config.holdoutEnd().toEpochDay();
        double unitDays = config.unit().days();
        long[] keys = new long[maxPerCustomer];
        CustomerSummaries.Columns out = new CustomerSummaries.Columns(m);
        int k = 0;
        int excluded = 0;
        for (int c = 0; c < m; c++) {
            int from = start[c];
            int len = start[c + 1] - from;
            if (len == 0) {
                continue; // registered in the builder but without transactions: nothing to summarise
            }
            for (int j = 0; j < len; j++) {
                int t = order[from + j];
                // day in the high 32 bits (signed, so pre-1970 days sort correctly), position in the low
                keys[j] = ((long) log.epochDay(t) << 32) | j;
            }
            Arrays.sort(keys, 0, len);
            int first = (int) (keys[0] >> 32);
            if (first > cutoff) {
                excluded++;
                continue;
            }
            int repeatDays = 0;
            int lastDay = first;
            int prevDay = first;
            double daySum = 0;
            double repeatSum = 0;
            double total = 0;
            int holdDays = 0;
            double holdSpend = 0;
            for (int j = 0; j < len; j++) {
                int day = (int) (keys[j] >> 32);
                double amount = log.amount(order[from + (int) keys[j]]);
                if (day <= cutoff) {
                    total += amount;
                    if (day != prevDay) {
                        if (prevDay != first) {
                            repeatSum += daySum;
                        }
                        daySum = 0;
                        repeatDays++;
                        prevDay = day;
                        lastDay = day;
                    }
                    daySum += amount;
                } else if (day <= holdoutEnd) {
                    if (day != prevDay) {
                        holdDays++;
                        prevDay = day;
                    }
                    holdSpend += amount;
                }
            }
            if (lastDay != first) {
                repeatSum += daySum; // the last calibration day's sum
            }
            out.ids[k] = log.customerId(c);
            out.firstDay[k] = first;
            out.frequency[k] = repeatDays;
            out.recency[k] = (lastDay - first) / unitDays;
            out.age[k] = (cutoff - first) / unitDays;
            out.monetary[k] = repeatDays == 0 ? Double.NaN : repeatSum / repeatDays;
            out.totalSpend[k] = total;
            out.holdoutPurchases[k] = holdDays;
            out.holdoutSpend[k] = holdSpend;
            k++;
        }
        return new CustomerSummaries(config, out.trim(k), excluded);
    }
}
