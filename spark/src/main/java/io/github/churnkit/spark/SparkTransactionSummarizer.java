package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Per-customer purchase summaries of a transaction table, computed with Spark SQL aggregations:
 * the distributed counterpart of core's {@link TransactionSummarizer}, with the same definitions
 * (frequency {@code x}, recency {@code t_x}, age {@code T}, mean repeat spend, total spend and
 * holdout counts at a cut-off date and unit; see that class) and the same output column names as
 * {@link CustomerSummaries#toTable()}.
 *
 * <pre>{@code
 * Dataset<Row> events = spark.read().parquet("s3://shop/transactions");
 * SparkTransactionSummarizer summarizer = SparkTransactionSummarizer.of(
 *         TransactionSummarizer.Config.at(LocalDate.of(2025, 12, 31)).withHoldoutDays(90),
 *         SparkTransactionSummarizer.Columns.of("customer", "ts", "revenue"));
 * Dataset<Row> perCustomer = summarizer.summarize(events);           // one row per customer
 * List<Row> triples = SparkTransactionSummarizer.collapse(perCustomer).collectAsList();
 * // each row: frequency, recency, T, count -- a few thousand rows, enough for a BG/NBD fit on one machine
 * }</pre>
 *
 * <h2>Input</h2>
 * Three columns, matched by name and checked before any job runs ({@link IllegalArgumentException}
 * naming the column otherwise): the customer id (string, int or long; compared as text), the time
 * (date, timestamp or timestamp_ntz; a timestamp counts on its calendar date in the session time
 * zone {@code spark.sql.session.timeZone}, a timestamp_ntz on its local date) and the amount (any
 * numeric type, read as a double). Other columns are ignored. A null id, time or amount, or a NaN
 * or infinite amount, fails the job when the row is reached, with a message naming the column
 * (core's {@code TransactionLog} refuses the same values): drop or repair such rows first.
 * Amounts are summed as given (negative amounts too).
 *
 * <h2>Output</h2>
 * One row per customer whose first purchase is on or before the cut-off (customers first seen
 * later are left out, as in core): {@value CustomerSummaries#ID} (string),
 * {@value CustomerSummaries#FIRST_PURCHASE} (date), {@value CustomerSummaries#FREQUENCY} (int),
 * {@value CustomerSummaries#RECENCY}, {@value CustomerSummaries#AGE} (double, in the unit),
 * {@value CustomerSummaries#MONETARY} (double, <b>NaN</b> when the frequency is 0, as in core),
 * {@value CustomerSummaries#TOTAL_SPEND} (double), {@value CustomerSummaries#HOLDOUT_PURCHASES}
 * (int) and {@value CustomerSummaries#HOLDOUT_SPEND} (double, 0 without holdout purchases).
 * Counts, dates, recency and age equal core's exactly; the three sums equal core's up to the order
 * of floating-point additions, which Spark does not fix (a relative difference of the order of
 * {@code n * 2^-53} for {@code n} purchases of a customer), and exactly whenever every partial
 * sum is representable as a double (for example whole-unit amounts with totals below 2^53).
 *
 * <h2>Plan</h2>
 * Transactions after the holdout end are dropped, the rest are shuffled once by customer; then,
 * within each partition, amounts are summed per (customer, day), each customer's first day is
 * found with a window over the customer, and one aggregation per customer gives the summary. One
 * shuffle, no per-customer arrays: the length of a customer's history is not bounded by executor
 * memory beyond what Spark's sort-based window needs.
 *
 * <p>Immutable and thread-safe; {@link #summarize(Dataset)} only builds a lazy plan.
 */
public final class SparkTransactionSummarizer {

    /**
     * Names of the input columns.
     *
     * @param customerId the customer id column
     * @param time       the transaction date or timestamp column
     * @param amount     the transaction amount column
     */
    public record Columns(String customerId, String time, String amount) {

        /** Validates that every name is non-blank. */
        public Columns {
            requireName(customerId, "customerId");
            requireName(time, "time");
            requireName(amount, "amount");
        }

        private static void requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " column name is blank");
            }
        }

        /** {@code customer_id}, {@code date}, {@code amount}: the names core's transaction CSV uses. */
        public static Columns defaults() {
            return new Columns("customer_id", "date", "amount");
        }

        /** The given names. */
        public static Columns of(String customerId, String time, String amount) {
            return new Columns(customerId, time, amount);
        }
    }

    /** Name of the customer-count column of {@link #collapse(Dataset)}. */
    public static final String COUNT = "count";

    // internal column names, prefixed to stay clear of anything a caller might pass through
    private static final String ID = "_ck_id";
    private static final String DAY = "_ck_day";
    private static final String AMOUNT = "_ck_amount";
    private static final String DAY_SUM = "_ck_day_sum";
    private static final String FIRST = "_ck_first";
    private static final String LAST = "_ck_last";
    private static final String CAL_DAYS = "_ck_cal_days";
    private static final String REPEAT_SUM = "_ck_repeat_sum";
    private static final String TOTAL = "_ck_total";
    private static final String HOLD_DAYS = "_ck_hold_days";
    private static final String HOLD_SUM = "_ck_hold_sum";

    private final TransactionSummarizer.Config config;
    private final Columns columns;

    private SparkTransactionSummarizer(TransactionSummarizer.Config config, Columns columns) {
        this.config = config;
        this.columns = columns;
    }

    /** A summarizer with core's settings (cut-off, holdout end, unit) and the given input column names. */
    public static SparkTransactionSummarizer of(TransactionSummarizer.Config config, Columns columns) {
        return new SparkTransactionSummarizer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(columns, "columns"));
    }

    /** The summary settings. */
    public TransactionSummarizer.Config config() {
        return config;
    }

    /** The input column names. */
    public Columns columns() {
        return columns;
    }

    /**
     * The per-customer summaries of {@code transactions} (see the class documentation). Lazy: the
     * work happens when the result is written or collected; the column checks happen now.
     *
     * @throws IllegalArgumentException if a column is missing or of an unsupported type
     */
    public Dataset<Row> summarize(Dataset<Row> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        InputColumns.require(transactions.schema(), columns.customerId(), InputColumns.Kind.ID, "customer id");
        StructField time = InputColumns.require(transactions.schema(), columns.time(), InputColumns.Kind.TIME,
                "transaction time");
        InputColumns.require(transactions.schema(), columns.amount(), InputColumns.Kind.NUMBER, "transaction amount");

        long cutoff = config.cutoff().toEpochDay();
        long holdoutEnd = config.holdoutEnd().toEpochDay();
        double unitDays = config.unit().days();

        Column rawId = col(columns.customerId()).cast(DataTypes.StringType);
        Column rawTime = col(columns.time());
        Column rawDay = unix_date(time.dataType().equals(DataTypes.DateType) ? rawTime : to_date(rawTime));
        Column rawAmount = col(columns.amount()).cast(DataTypes.DoubleType);
        Dataset<Row> tx = transactions.select(
                failIfNull(rawId, columns.customerId(), "customer id").as(ID),
                failIfNull(rawDay, columns.time(), "transaction time").as(DAY),
                when(rawAmount.isNull(), raise_error(lit(nullMessage(columns.amount(), "transaction amount"))))
                        .when(rawAmount.between(-Double.MAX_VALUE, Double.MAX_VALUE), rawAmount)
                        .otherwise(raise_error(lit(String.format(Locale.ROOT,
                                "column '%s' (transaction amount) holds a NaN or infinite value; "
                                        + "drop or repair such rows before summarising", columns.amount()))))
                        .as(AMOUNT));

        Column inCalibration = col(DAY).leq(lit(cutoff));
        Column inHoldout = col(DAY).gt(lit(cutoff));
        Dataset<Row> perCustomer = tx
                .where(col(DAY).leq(lit(holdoutEnd)))
                // one shuffle by customer serves the day sums, the window and the final aggregation
                .repartition(col(ID))
                .groupBy(col(ID), col(DAY))
                .agg(sum(col(AMOUNT)).as(DAY_SUM))
                .withColumn(FIRST, min(col(DAY)).over(Window.partitionBy(col(ID))))
                .where(col(FIRST).leq(lit(cutoff)))
                .groupBy(col(ID))
                .agg(min(col(FIRST)).as(FIRST),
                        max(when(inCalibration, col(DAY))).as(LAST),
                        count(when(inCalibration, lit(1))).as(CAL_DAYS),
                        sum(when(inCalibration.and(col(DAY).gt(col(FIRST))), col(DAY_SUM))).as(REPEAT_SUM),
                        sum(when(inCalibration, col(DAY_SUM))).as(TOTAL),
                        count(when(inHoldout, lit(1))).as(HOLD_DAYS),
                        sum(when(inHoldout, col(DAY_SUM))).as(HOLD_SUM));

        Column frequency = col(CAL_DAYS).minus(lit(1)).cast(DataTypes.IntegerType);
        return perCustomer.select(
                col(ID).as(CustomerSummaries.ID),
                date_from_unix_date(col(FIRST)).as(CustomerSummaries.FIRST_PURCHASE),
                frequency.as(CustomerSummaries.FREQUENCY),
                col(LAST).minus(col(FIRST)).cast(DataTypes.DoubleType).divide(lit(unitDays))
                        .as(CustomerSummaries.RECENCY),
                lit(cutoff).minus(col(FIRST)).cast(DataTypes.DoubleType).divide(lit(unitDays))
                        .as(CustomerSummaries.AGE),
                when(frequency.equalTo(lit(0)), lit(Double.NaN))
                        .otherwise(col(REPEAT_SUM).divide(frequency.cast(DataTypes.DoubleType)))
                        .as(CustomerSummaries.MONETARY),
                col(TOTAL).as(CustomerSummaries.TOTAL_SPEND),
                col(HOLD_DAYS).cast(DataTypes.IntegerType).as(CustomerSummaries.HOLDOUT_PURCHASES),
                coalesce(col(HOLD_SUM), lit(0.0)).as(CustomerSummaries.HOLDOUT_SPEND));
    }

    /**
     * Collapses summaries (the output of {@link #summarize(Dataset)}, or any Dataset with the
     * columns {@value CustomerSummaries#FREQUENCY}, {@value CustomerSummaries#RECENCY} and
     * {@value CustomerSummaries#AGE}) into one row per distinct (frequency, recency, T) triple with
     * the number of customers sharing it, column {@value #COUNT} (long), sorted by frequency,
     * recency and T. With whole-day dates there are at most a few hundred thousand distinct
     * triples whatever the number of customers, which is what a BG/NBD likelihood needs: each
     * row contributes {@code count} times the log-likelihood of its triple.
     *
     * @throws IllegalArgumentException if one of the three columns is missing or not numeric
     */
    public static Dataset<Row> collapse(Dataset<Row> summaries) {
        Objects.requireNonNull(summaries, "summaries");
        InputColumns.require(summaries.schema(), CustomerSummaries.FREQUENCY, InputColumns.Kind.NUMBER, "frequency x");
        InputColumns.require(summaries.schema(), CustomerSummaries.RECENCY, InputColumns.Kind.NUMBER, "recency t_x");
        InputColumns.require(summaries.schema(), CustomerSummaries.AGE, InputColumns.Kind.NUMBER, "age T");
        return summaries
                .groupBy(col(CustomerSummaries.FREQUENCY), col(CustomerSummaries.RECENCY), col(CustomerSummaries.AGE))
                .agg(count(lit(1)).as(COUNT))
                .orderBy(col(CustomerSummaries.FREQUENCY), col(CustomerSummaries.RECENCY), col(CustomerSummaries.AGE));
    }

    private static Column failIfNull(Column c, String name, String what) {
        return when(c.isNull(), raise_error(lit(nullMessage(name, what)))).otherwise(c);
    }

    private static String nullMessage(String name, String what) {
        return String.format(Locale.ROOT, "column '%s' (%s) holds a null; drop or repair such rows before summarising",
                name, what);
    }

    @Override
    public String toString() {
        return "SparkTransactionSummarizer[" + config + ", " + columns + "]";
    }
}
