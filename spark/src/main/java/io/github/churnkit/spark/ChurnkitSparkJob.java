package io.github.churnkit.spark;

import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runnable example for {@code spark-submit}: scores a customer table with a model bundle, or
 * summarises a transaction table per customer, and writes Parquet. Input files ending in {@code .csv} are read as CSV with a header row and
 * inferred types; anything else as Parquet.
 *
 * <pre>
 * spark-submit --class io.github.churnkit.spark.ChurnkitSparkJob \
 *     --jars churnkit-core.jar,churnkit-features.jar,churnkit-scoring.jar churnkit-spark.jar \
 *     score --bundle churn.ckb --input customers.csv --output scored.parquet [--reasons 3]
 *
 * spark-submit ... churnkit-spark.jar \
 *     summarize --input transactions.csv --output summaries.parquet \
 *     --cutoff 2025-12-31 [--holdout-days 90] [--unit weeks|days] \
 *     [--customer customer_id] [--time date] [--amount amount] [--collapsed triples.parquet]
 * </pre>
 *
 * {@code score} writes the input's columns plus the eight columns of
 * {@link SparkCustomerScorer#scoreSchema()}; with {@code --reasons N} (default 3, 0 to 20) each
 * row's {@code top_reasons} holds at most N structs {@code (column, value, contribution,
 * direction)}, and {@code --reasons 0} takes the faster batch path (no explanation).
 *
 * <p>Errors in the arguments end the program with an {@link IllegalArgumentException} whose message
 * says which argument is wrong; progress is logged through SLF4J.
 */
public final class ChurnkitSparkJob {

    private static final Logger LOG = LoggerFactory.getLogger(ChurnkitSparkJob.class);
    private static final String USAGE = "usage: score --bundle PATH --input PATH --output PATH [--reasons N]"
            + " [--overwrite] | summarize --input PATH --output PATH --cutoff YYYY-MM-DD"
            + " [--holdout-days N] [--unit weeks|days] [--customer COL] [--time COL] [--amount COL]"
            + " [--collapsed PATH] [--overwrite]";

    private ChurnkitSparkJob() {
    }

    /**
     * Runs the command in {@code args} with the active (or a new) Spark session.
     *
     * @throws IllegalArgumentException if the arguments are invalid (the message includes the usage)
     */
    public static void main(String[] args) {
        if (args.length == 0 || !(args[0].equals("summarize") || args[0].equals("score"))) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> options = parse(args);
        SparkSession spark = SparkSession.builder().appName("churnkit " + args[0]).getOrCreate();
        if (args[0].equals("score")) {
            score(spark, options);
        } else {
            summarize(spark, options);
        }
    }

    static void score(SparkSession spark, Map<String, String> o) {
        Path bundle = Path.of(required(o, "bundle"));
        SparkCustomerScorer.Options options = SparkCustomerScorer.Options.defaults()
                .withTopReasons(integer(o.getOrDefault("reasons", "3"), "reasons"));
        String output = required(o, "output");
        try (SparkCustomerScorer scorer = SparkCustomerScorer.of(spark, bundle, options)) {
            LOG.info("scoring {} with {} into {}", o.get("input"), bundle, output);
            scorer.score(read(spark, required(o, "input"))).write()
                    .mode(o.containsKey("overwrite") ? "overwrite" : "errorifexists").parquet(output);
        }
        LOG.info("wrote {}", output);
    }

    static void summarize(SparkSession spark, Map<String, String> o) {
        LocalDate cutoff = date(required(o, "cutoff"), "cutoff");
        int holdoutDays = integer(o.getOrDefault("holdout-days", "0"), "holdout-days");
        PeriodUnit unit = unit(o.getOrDefault("unit", "weeks"));
        TransactionSummarizer.Config config = TransactionSummarizer.Config.at(cutoff).withHoldoutDays(holdoutDays)
                .withUnit(unit);
        SparkTransactionSummarizer.Columns defaults = SparkTransactionSummarizer.Columns.defaults();
        SparkTransactionSummarizer summarizer = SparkTransactionSummarizer.of(config,
                SparkTransactionSummarizer.Columns.of(o.getOrDefault("customer", defaults.customerId()),
                        o.getOrDefault("time", defaults.time()), o.getOrDefault("amount", defaults.amount())));
        Dataset<Row> summaries = summarizer.summarize(read(spark, required(o, "input")));
        String mode = o.containsKey("overwrite") ? "overwrite" : "errorifexists";
        String output = required(o, "output");
        LOG.info("summarising {} at {} into {}", o.get("input"), config, output);
        summaries.write().mode(mode).parquet(output);
        if (o.containsKey("collapsed")) {
            SparkTransactionSummarizer.collapse(spark.read().parquet(output)).coalesce(1)
                    .write().mode(mode).parquet(o.get("collapsed"));
        }
        LOG.info("wrote {}", output);
    }

    static Dataset<Row> read(SparkSession spark, String path) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return spark.read().option("header", "true").option("inferSchema", "true").csv(path);
        }
        return spark.read().parquet(path);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; " + USAGE);
            }
            String name = a.substring(2);
            if (name.equals("overwrite")) {
                out.put(name, "true");
            } else if (i + 1 < args.length) {
                out.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value; " + USAGE);
            }
        }
        return out;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name + "; " + USAGE);
        }
        return v;
    }

    private static LocalDate date(String v, String name) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be a date like 2025-12-31, found '" + v + "'", e);
        }
    }

    private static int integer(String v, String name) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, found '" + v + "'", e);
        }
    }

    private static PeriodUnit unit(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "weeks":
                return PeriodUnit.WEEKS;
            case "days":
                return PeriodUnit.DAYS;
            default:
                throw new IllegalArgumentException("--unit must be weeks or days, found '" + v + "'");
        }
    }
}
