package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.xxhash64;

import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Throughput of {@link SparkTransactionSummarizer} in {@code local[2]}, for
 * {@code docs/benchmarks.md}: events per second from a cached event table to per-customer
 * summaries (written to the {@code noop} sink), and to the collapsed triples (collected). Run like
 * {@link ScoringThroughputHarness}; arguments: events (default 20,000,000), customers (default
 * 1,000,000).
 *
 * <p>Events are generated inside Spark: customer {@code xxhash64(id) mod customers}, a day uniform
 * over 2024 (cut-off 2024-09-30, holdout to 2024-12-31, weeks), an amount uniform in [1, 101).
 * Median of 3 timed runs after 1 warm-up run.
 */
public final class SummaryThroughputHarness {

    private SummaryThroughputHarness() {
    }

    /** Runs the harness. */
    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        long customers = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("churnkit-summary-throughput")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "16")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int start = (int) LocalDate.of(2024, 1, 1).toEpochDay();
        Dataset<Row> tx = spark.range(0, events, 1, 16).select(
                pmod(xxhash64(col("id")), lit(customers)).cast("string").as("customer_id"),
                date_from_unix_date(floor(rand(1).multiply(366)).plus(start).cast("int")).as("date"),
                rand(2).multiply(100).plus(1).as("amount"))
                .persist(StorageLevel.MEMORY_ONLY());
        System.out.println("events cached: " + tx.count());
        SparkTransactionSummarizer s = SparkTransactionSummarizer.of(
                new TransactionSummarizer.Config(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 12, 31), PeriodUnit.WEEKS),
                SparkTransactionSummarizer.Columns.defaults());
        long[] summarised = new long[1];
        double perCustomer = median(() -> s.summarize(tx).write().format("noop").mode("overwrite").save());
        double collapsed = median(() -> {
            summarised[0] = SparkTransactionSummarizer.collapse(s.summarize(tx)).collectAsList().size();
        });
        System.out.println(String.format(Locale.ROOT, "events %,d, customers %,d, distinct triples %,d, java %s",
                events, customers, summarised[0], System.getProperty("java.version")));
        System.out.println(String.format(Locale.ROOT, "summaries (noop sink)   %7.2f s  %,12.0f events/s", perCustomer,
                events / perCustomer));
        System.out.println(String.format(Locale.ROOT, "collapsed (collected)   %7.2f s  %,12.0f events/s", collapsed,
                events / collapsed));
        spark.stop();
    }

    private static double median(Runnable job) {
        job.run();
        double[] t = new double[3];
        for (int i = 0; i < t.length; i++) {
            long begin = System.nanoTime();
            job.run();
            t[i] = (System.nanoTime() - begin) / 1e9;
        }
        Arrays.sort(t);
        return t[1];
    }
}
