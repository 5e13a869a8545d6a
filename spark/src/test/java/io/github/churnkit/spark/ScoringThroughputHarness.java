package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

import io.github.churnkit.scoring.ScorerFixtures;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Throughput of Spark batch scoring in {@code local[2]} next to a single-thread in-process loop
 * over the same model, for {@code docs/benchmarks.md}. Not a unit test: a harness run by hand on a
 * Java 17 runtime (Spark 4 does not run on newer JDKs), from the repository root:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl spark -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * /usr/lib/jvm/java-17-openjdk-amd64/bin/java -Xmx6g $(spark's module options from spark/pom.xml) \
 *     -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/test.classpath) \
 *     io.github.churnkit.spark.ScoringThroughputHarness 5000000
 * </pre>
 *
 * <p>Method: the customers are generated inside Spark from seeded {@code rand} columns and cached
 * in memory (materialised before timing), so the timed jobs read rows from memory. Each figure is
 * the median of five timed runs after two warm-up runs. "Spark, no scoring" writes the cached rows
 * to Spark's {@code noop} sink (the cost of moving rows through a job); "Spark, scoring" writes
 * the scored rows to the same sink. The in-process loop scores arrays of the same kind of values
 * with one row scorer on one thread.
 */
public final class ScoringThroughputHarness {

    private ScoringThroughputHarness() {
    }

    /** Runs the harness; the argument is the number of customers (default 5,000,000). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        // "fixture": churnkit's CustomerScorer over scoring's fixture bundle (30 trees of depth 4,
        // segments, CLV); otherwise the tests' stand-in model
        boolean real = args.length > 1 && args[1].equals("fixture");
        byte[] bundle = real ? ScorerFixtures.bundle().toBytes() : TestModel.bundle(-0.5);
        BatchModel.Loader loader = real ? new CustomerScorerModel.Loader() : new TestModel.Loader();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("churnkit-scoring-throughput")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> customers = spark.range(0, n, 1, 8).select(
                col("id").cast("string").as("customer_id"),
                when(rand(1).lt(0.1), lit(null)).otherwise(floor(rand(2).multiply(72)).cast("int")).as("tenure"),
                rand(3).multiply(100).plus(18).as("monthly_charges"),
                when(rand(4).lt(0.5), lit(real ? "Month" : "Month-to-month")).when(rand(5).lt(0.5), lit("One year"))
                        .otherwise(lit("Two year")).as("contract"),
                date_from_unix_date(floor(rand(6).multiply(3000)).plus(17_000).cast("int")).as("signup"),
                rand(7).lt(0.6).as("paperless"),
                rand(8).multiply(100).plus(18).as("charges"),
                element_at(array(lit("Card"), lit("Bank"), lit("Check"), lit("Mail")),
                        floor(rand(9).multiply(4)).plus(1).cast("int")).as("payment"))
                .persist(StorageLevel.MEMORY_ONLY());
        System.out.println("customers cached: " + customers.count());

        try (SparkCustomerScorer scorer = SparkCustomerScorer.create(spark, bundle, loader,
                SparkCustomerScorer.Options.defaults())) {
            double baseline = medianSeconds(() -> customers.write().format("noop").mode("overwrite").save());
            double scoring = medianSeconds(() -> scorer.score(customers).write().format("noop").mode("overwrite").save());
            double inProcess = inProcessSeconds(n, loader.load(bundle));
            System.out.println(String.format(Locale.ROOT, "model %s, customers %d, java %s, cores %d",
                    real ? "CustomerScorer (fixture bundle)" : "stand-in TestModel", n,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
            report("Spark local[2], no scoring (noop sink)", n, baseline);
            report("Spark local[2], scoring (noop sink)", n, scoring);
            report("in-process, 1 thread, same model", n, inProcess);
            System.out.println("bundle decodes through the Spark model cache: " + ModelCache.loads());
        }
        spark.stop();
    }

    private static void report(String what, int n, double seconds) {
        System.out.println(String.format(Locale.ROOT, "%-42s %8.2f s  %,12.0f rows/s", what, seconds, n / seconds));
    }

    private static double medianSeconds(Runnable job) {
        for (int i = 0; i < 2; i++) {
            job.run();
        }
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            job.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** Scores n generated customers in a single thread, the values held in primitive arrays. */
    private static double inProcessSeconds(int n, BatchModel model) {
        SplittableRandom rng = new SplittableRandom(11);
        double[] tenure = new double[n];
        double[] monthly = new double[n];
        String[] contract = new String[n];
        int[] signup = new int[n];
        double[] paperless = new double[n];
        double[] charges = new double[n];
        String[] payment = new String[n];
        String[] payments = {"Card", "Bank", "Check", "Mail"};
        String[] levels = {model instanceof CustomerScorerModel ? "Month" : "Month-to-month", "One year", "Two year"};
        for (int i = 0; i < n; i++) {
            tenure[i] = rng.nextDouble() < 0.1 ? Double.NaN : rng.nextInt(72);
            monthly[i] = 18 + 100 * rng.nextDouble();
            contract[i] = levels[rng.nextInt(3)];
            signup[i] = 17_000 + rng.nextInt(3000);
            paperless[i] = rng.nextDouble() < 0.6 ? 1 : 0;
            charges[i] = 18 + 100 * rng.nextDouble();
            payment[i] = payments[rng.nextInt(4)];
        }
        java.util.List<String> names = model.inputNames();
        int[] row = new int[1];
        InputRow in = new InputRow() {
            @Override
            public double number(int input) {
                int i = row[0];
                switch (names.get(input)) {
                    case "tenure":
                        return tenure[i];
                    case "monthly_charges":
                        return monthly[i];
                    case "charges":
                        return charges[i];
                    default:
                        return paperless[i];
                }
            }

            @Override
            public String category(int input) {
                return names.get(input).equals("payment") ? payment[row[0]] : contract[row[0]];
            }

            @Override
            public int epochDay(int input) {
                return signup[row[0]];
            }
        };
        BatchModel.RowScorer scorer = model.newRowScorer();
        ScoreBuffer out = new ScoreBuffer(3);
        double[] times = new double[7];
        double sink = 0;
        for (int rep = 0; rep < times.length; rep++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                row[0] = i;
                scorer.score(in, out);
                sink += out.churnProbability();
            }
            times[rep] = (System.nanoTime() - start) / 1e9;
        }
        System.out.println("(checksum " + sink + ")");
        double[] measured = Arrays.copyOfRange(times, 2, times.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
