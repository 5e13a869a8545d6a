package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

import io.github.churnkit.scoring.BoundScorer;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.ScoreBatch;
import io.github.churnkit.scoring.ScorerFixtures;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Throughput of Spark batch scoring with churnkit's real {@link CustomerScorer} in
 * {@code local[2]}, next to a single-thread in-process loop over the same scorer and bundle, for
 * {@code docs/benchmarks.md}. Not a unit test: a harness run by hand on a Java 17 runtime (Spark 4
 * does not run on newer JDKs), from the repository root:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl spark -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * OPTS=$(sed -n 's:.*&lt;churnkit.spark.moduleOptions&gt;\(.*\)&lt;/churnkit.spark.moduleOptions&gt;.*:\1:p' spark/pom.xml)
 * /usr/lib/jvm/java-17-openjdk-amd64/bin/java -Xmx6g $OPTS \
 *     -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/test.classpath) \
 *     io.github.churnkit.spark.ScoringThroughputHarness 5000000 500000
 * </pre>
 *
 * <p>Arguments: the number of customers scored without reasons (default 5,000,000) and the number
 * scored with three reasons each (default 500,000; 0 skips that part). The model is scoring's
 * fixture bundle ({@link ScorerFixtures#bundle()}: feature pipeline, 30 trees of depth 4, Platt
 * calibration, three risk bands, three segments, CLV from the churn probability).
 *
 * <p>Method: the customers (tenure, charges, paperless, contract, payment; about 3% of tenure,
 * charges and contract missing) are generated inside Spark from seeded {@code rand} columns and
 * cached in memory (materialised before timing), so the timed jobs read rows from memory. Each
 * figure is the median of five timed runs after two warm-up runs.
 * <ol>
 *   <li>No reasons, {@code customers} rows: "Spark, no scoring" writes the cached rows to Spark's
 *       {@code noop} sink (the cost of moving rows through a job); "Spark, scoring" writes the
 *       scored rows to the same sink (chunks of 1,024 through {@code BoundScorer.scoreBatch});
 *       "in-process" scores records of the same distribution held in a list, one thread, through
 *       {@code BoundScorer.scoreBatch} in chunks of 1,024 into one reused {@code ScoreBatch}.</li>
 *   <li>Three reasons, {@code customersWithReasons} rows: Spark scoring to the {@code noop} sink,
 *       and in-process {@code BoundScorer.score(record, 3)} one record at a time.</li>
 * </ol>
 * The last line gives the number of bundle decodes through the Spark side's per-JVM model cache
 * (expected: 1 for the whole run; the in-process scorer is decoded separately, once) and the
 * number of cache lookups (one per scorer created and one per partition task).
 */
public final class ScoringThroughputHarness {

    private static final int PARTITIONS = 8;
    private static final int WARMUPS = 2;
    private static final int RUNS = 5;

    private ScoringThroughputHarness() {
    }

    /** Runs the harness; arguments: customers without reasons, customers with three reasons. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int withReasons = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        if (n < 1 || withReasons < 0) {
            throw new IllegalArgumentException("customers must be >= 1 and customersWithReasons >= 0, found " + n
                    + " and " + withReasons);
        }
        byte[] bundle = ScorerFixtures.bundle().toBytes();
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(CustomerScorer.of(ModelBundle.parse(bundle)));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("churnkit-scoring-throughput")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "model CustomerScorer (scoring's fixture bundle), java %s, cores %d",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));

        Dataset<Row> customers = customers(spark, n);
        try (SparkCustomerScorer scorer = SparkCustomerScorer.of(spark, bundle,
                SparkCustomerScorer.Options.defaults().withTopReasons(0))) {
            lines.add(line("Spark local[2], no scoring (noop sink)", n, medianSeconds(() -> {
                customers.write().format("noop").mode("overwrite").save();
                return 0;
            })));
            lines.add(line("Spark local[2], scoring, 0 reasons", n, medianSeconds(() -> {
                scorer.score(customers).write().format("noop").mode("overwrite").save();
                return 0;
            })));
        }
        customers.unpersist(true);
        List<ScorerFixtures.Customer> records = records(n, 21L);
        ScoreBatch batch = ScoreBatch.withCapacity(ScoreBuffer.CHUNK);
        lines.add(line("in-process, 1 thread, scoreBatch, 0 reasons", n, medianSeconds(() -> {
            double sum = 0;
            for (int start = 0; start < records.size(); start += ScoreBuffer.CHUNK) {
                int end = Math.min(records.size(), start + ScoreBuffer.CHUNK);
                bound.scoreBatch(records.subList(start, end), batch);
                sum += batch.probabilities()[0];
            }
            return sum;
        })));
        records.clear();

        if (withReasons > 0) {
            Dataset<Row> explained = customers(spark, withReasons);
            try (SparkCustomerScorer scorer = SparkCustomerScorer.of(spark, bundle,
                    SparkCustomerScorer.Options.defaults().withTopReasons(3))) {
                lines.add(line("Spark local[2], scoring, 3 reasons", withReasons, medianSeconds(() -> {
                    scorer.score(explained).write().format("noop").mode("overwrite").save();
                    return 0;
                })));
            }
            explained.unpersist(true);
            List<ScorerFixtures.Customer> few = records(withReasons, 22L);
            lines.add(line("in-process, 1 thread, score(r, 3)", withReasons, medianSeconds(() -> {
                double sum = 0;
                for (ScorerFixtures.Customer c : few) {
                    CustomerScore s = bound.score(c, 3);
                    sum += s.churnProbability() + s.reasons().size();
                }
                return sum;
            })));
        }
        lines.add(String.format(Locale.ROOT, "bundle decodes through the Spark model cache: %d (lookups: %d)",
                ModelCache.loads(), ModelCache.lookups()));
        spark.stop();
        lines.forEach(System.out::println);
    }

    /** {@code n} customers generated inside Spark, cached in memory and materialised. */
    private static Dataset<Row> customers(SparkSession spark, int n) {
        Dataset<Row> d = spark.range(0, n, 1, PARTITIONS).select(
                col("id").cast("string").as("customer_id"),
                when(rand(1).lt(0.03), lit(null)).otherwise(floor(rand(2).multiply(72)).plus(1).cast("int")).as("tenure"),
                when(rand(3).lt(0.03), lit(null)).otherwise(rand(4).multiply(100).plus(18)).as("charges"),
                rand(5).lt(0.5).as("paperless"),
                when(rand(6).lt(0.03), lit(null))
                        .otherwise(element_at(array(lit("Month"), lit("One year"), lit("Two year")),
                                floor(rand(7).multiply(3)).plus(1).cast("int"))).as("contract"),
                element_at(array(lit("Card"), lit("Bank"), lit("Check"), lit("Mail")),
                        floor(rand(8).multiply(4)).plus(1).cast("int")).as("payment"))
                .persist(StorageLevel.MEMORY_ONLY());
        System.out.println("customers cached: " + d.count());
        return d;
    }

    /** {@code n} in-process records with the distribution of {@link #customers}. */
    private static List<ScorerFixtures.Customer> records(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] contracts = {"Month", "One year", "Two year"};
        String[] payments = {"Card", "Bank", "Check", "Mail"};
        List<ScorerFixtures.Customer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScorerFixtures.Customer(
                    r.nextDouble() < 0.03 ? Double.NaN : r.nextInt(1, 73),
                    r.nextDouble() < 0.03 ? Double.NaN : 18 + 100 * r.nextDouble(),
                    r.nextBoolean(),
                    r.nextDouble() < 0.03 ? null : contracts[r.nextInt(3)],
                    payments[r.nextInt(4)]));
        }
        return out;
    }

    private static String line(String what, int n, double seconds) {
        return String.format(Locale.ROOT, "%-46s %,11d rows %9.3f s %,12.0f rows/s", what, n, seconds, n / seconds);
    }

    /** The median of {@value #RUNS} timed runs after {@value #WARMUPS} warm-up runs; prints a checksum. */
    private static double medianSeconds(DoubleSupplier job) {
        double sink = 0;
        for (int i = 0; i < WARMUPS; i++) {
            sink += job.getAsDouble();
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            sink += job.getAsDouble();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        System.out.println("(checksum " + sink + ")"); // keeps the in-process results alive
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
