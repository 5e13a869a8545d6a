package io.github.churnkit.core.transactions;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.TextColumn;
import java.time.LocalDate;
import java.util.List;

/**
 * Per-customer summaries of a transaction log at a cut-off date: the (frequency, recency, age)
 * triple that BG/NBD and Pareto/NBD models are fitted on, the mean repeat spend that the
 * Gamma-Gamma model is fitted on, and the purchases in a holdout period after the cut-off for
 * evaluating forecasts. Produced by {@link TransactionSummarizer}; see there for the exact
 * definitions.
 *
 * <p>Stored column-wise in primitive arrays: customer {@code i} (0-based) has
 * {@link #customerId(int)}, {@link #frequency(int)}, and so on. Immutable and thread-safe.
 */
public final class CustomerSummaries {

    /** Column names used by {@link #toTable()}. */
    public static final String ID = "customer_id";
    /** Column name of the first purchase date. */
    public static final String FIRST_PURCHASE = "first_purchase";
    /** Column name of the frequency x. */
    public static final String FREQUENCY = "frequency";
    /** Column name of the recency t_x. */
    public static final String RECENCY = "recency";
    /** Column name of the age T. */
    public static final String AGE = "T";
    /** Column name of the mean repeat spend. */
    public static final String MONETARY = "monetary";
    /** Column name of the total calibration spend. */
    public static final String TOTAL_SPEND = "total_spend";
    /** Column name of the holdout purchase count. */
    public static final String HOLDOUT_PURCHASES = "holdout_purchases";
    /** Column name of the holdout spend. */
    public static final String HOLDOUT_SPEND = "holdout_spend";

    private final TransactionSummarizer.Config config;
    private final String[] ids;
    private final int[] firstDay;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetary;
    private final double[] totalSpend;
    private final int[] holdoutPurchases;
    private final double[] holdoutSpend;
    private final int excluded;

    // Package-private: arrays are handed over by TransactionSummarizer and never exposed.
    CustomerSummaries(TransactionSummarizer.Config config, Columns c, int excluded) {
        this.config = config;
        this.ids = c.ids;
        this.firstDay = c.firstDay;
        this.frequency = c.frequency;
        this.recency = c.recency;
        this.age = c.age;
        this.monetary = c.monetary;
        this.totalSpend = c.totalSpend;
        this.holdoutPurchases = c.holdoutPurchases;
        this.holdoutSpend = c.holdoutSpend;
        this.excluded = excluded;
    }

    /** Mutable array holder used while summarising (package-private). */
    static final class Columns {
        final String[] ids;
        final int[] firstDay;
        final int[] frequency;
        final double[] recency;
        final double[] age;
        final double[] monetary;
        final double[] totalSpend;
        final int[] holdoutPurchases;
        final double[] holdoutSpend;

        Columns(int n) {
            ids = new String[n];
            firstDay = new int[n];
            frequency = new int[n];
            recency = new double[n];
            age = new double[n];
            monetary = new double[n];
            totalSpend = new double[n];
            holdoutPurchases = new int[n];
            holdoutSpend = new double[n];
        }

        Columns trim(int n) {
            if (n == ids.length) {
                return this;
            }
            Columns t = new Columns(n);
            System.arraycopy(ids, 0, t.ids, 0, n);
            System.arraycopy(firstDay, 0, t.firstDay, 0, n);
            System.arraycopy(frequency, 0, t.frequency, 0, n);
            System.arraycopy(recency, 0, t.recency, 0, n);
            System.arraycopy(age, 0, t.age, 0, n);
            System.arraycopy(monetary, 0, t.monetary, 0, n);
            System.arraycopy(totalSpend, 0, t.totalSpend, 0, n);
            System.arraycopy(holdoutPurchases, 0, t.holdoutPurchases, 0, n);
            System.arraycopy(holdoutSpend, 0, t.holdoutSpend, 0, n);
            return t;
        }
    }

    /** The settings (cut-off, holdout end, unit) these summaries were computed with. */
    public TransactionSummarizer.Config config() {
        return config;
    }

    /** Number of summarised customers (those whose first purchase is on or before the cut-off). */
    public int size() {
        return ids.length;
    }

    /**
     * Number of customers in the log left out because their first purchase is after the cut-off
     * (they had not yet been acquired at the cut-off, so they have no calibration history).
     */
    public int excludedAfterCutoff() {
        return excluded;
    }

    /** The id of customer {@code i}. */
    public String customerId(int i) {
        return ids[i];
    }

    /** The epoch day of customer {@code i}'s first purchase. */
    public int firstPurchaseDay(int i) {
        return firstDay[i];
    }

    /** The date of customer {@code i}'s first purchase. */
    public LocalDate firstPurchase(int i) {
        return LocalDate.ofEpochDay(firstDay[i]);
    }

    /** Frequency x: the number of repeat purchase days up to the cut-off (first purchase not counted). */
    public int frequency(int i) {
        return frequency[i];
    }

    /** Recency t_x: last purchase day minus first purchase day, in units; 0 when x = 0. */
    public double recency(int i) {
        return recency[i];
    }

    /** Age T: cut-off minus first purchase day, in units. */
    public double age(int i) {
        return age[i];
    }

    /**
     * Mean repeat spend: the mean over repeat purchase days of each day's summed amount; NaN when
     * x = 0 (the mean of no repeat purchases is undefined).
     */
    public double monetary(int i) {
        return monetary[i];
    }

    /** Total spend up to the cut-off, first purchase included. */
    public double totalSpend(int i) {
        return totalSpend[i];
    }

    /** Purchase days after the cut-off up to and including the holdout end (0 without a holdout). */
    public int holdoutPurchases(int i) {
        return holdoutPurchases[i];
    }

    /** Total amount spent after the cut-off up to and including the holdout end. */
    public double holdoutSpend(int i) {
        return holdoutSpend[i];
    }

    /** A copy of all frequencies. */
    public int[] frequencies() {
        return frequency.clone();
    }

    /** A copy of all recencies. */
    public double[] recencies() {
        return recency.clone();
    }

    /** A copy of all ages. */
    public double[] ages() {
        return age.clone();
    }

    /** A copy of all mean repeat spends (NaN where x = 0). */
    public double[] monetaryValues() {
        return monetary.clone();
    }

    /** A copy of all holdout purchase counts. */
    public int[] holdoutCounts() {
        return holdoutPurchases.clone();
    }

    /**
     * The summaries as a table with the schema
     * {@value #ID} (TEXT, ID), {@value #FIRST_PURCHASE} (DATE, FEATURE), {@value #FREQUENCY},
     * {@value #RECENCY}, {@value #AGE}, {@value #MONETARY}, {@value #TOTAL_SPEND} (NUMERIC,
     * FEATURE), and {@value #HOLDOUT_PURCHASES}, {@value #HOLDOUT_SPEND} (NUMERIC, IGNORED: they
     * describe the future after the cut-off, so a model must never see them as inputs; make one
     * the target only through a derived label). {@value #MONETARY} is NaN (missing) where x = 0.
     */
    public CustomerTable toTable() {
        Schema schema = Schema.builder()
                .add(ID, ColumnRole.ID, ColumnType.TEXT)
                .add(FIRST_PURCHASE, ColumnRole.FEATURE, ColumnType.DATE)
                .add(FREQUENCY, ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add(RECENCY, ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add(AGE, ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add(MONETARY, ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add(TOTAL_SPEND, ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add(HOLDOUT_PURCHASES, ColumnRole.IGNORED, ColumnType.NUMERIC)
                .add(HOLDOUT_SPEND, ColumnRole.IGNORED, ColumnType.NUMERIC)
                .build();
        int n = ids.length;
        double[] freq = new double[n];
        double[] hold = new double[n];
        for (int i = 0; i < n; i++) {
            freq[i] = frequency[i];
            hold[i] = holdoutPurchases[i];
        }
        return CustomerTable.of(schema, List.of(
                TextColumn.of(ID, ids),
                DateColumn.of(FIRST_PURCHASE, firstDay),
                NumericColumn.of(FREQUENCY, freq),
                NumericColumn.of(RECENCY, recency),
                NumericColumn.of(AGE, age),
                NumericColumn.of(MONETARY, monetary),
                NumericColumn.of(TOTAL_SPEND, totalSpend),
                NumericColumn.of(HOLDOUT_PURCHASES, hold),
                NumericColumn.of(HOLDOUT_SPEND, holdoutSpend)));
    }

    @Override
    public String toString() {
        return "CustomerSummaries[" + ids.length + " customers, cutoff " + config.cutoff()
                + ", unit " + config.unit() + ", " + excluded + " excluded]";
    }
}
