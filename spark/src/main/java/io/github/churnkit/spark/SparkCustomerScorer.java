package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import io.github.churnkit.core.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a Spark Dataset of customers with a churnkit model bundle: returns the Dataset with eight
 * columns added, {@value #CHURN_PROBABILITY} (double), {@value #RISK_BAND} (string),
 * {@value #SEGMENT_ID} (int), {@value #SEGMENT_NAME} (string), {@value #EXPECTED_CLV} (double),
 * {@value #EXPECTED_CLV_LOW} (double), {@value #EXPECTED_CLV_HIGH} (double) and
 * {@value #TOP_REASONS} (array of struct {@code column: string, value: string, contribution: double,
 * direction: string}, largest absolute contribution first, at most {@link Options#topReasons()}
 * entries).
 *
 * <pre>{@code
 * try (SparkCustomerScorer scorer = SparkCustomerScorer.of(spark, Path.of("churn.ckb"),
 *         SparkCustomerScorer.Options.defaults())) {
 *     scorer.score(spark.read().parquet("/data/customers")).write().parquet("/data/scored");
 * }
 * }</pre>
 *
 * Each row gets exactly what churnkit's in-process {@code CustomerScorer.score(customer, topReasons)}
 * gives for the same values. A reason mirrors the score's {@code ScoreReason}: {@code column} is the
 * input column (or a derived feature's name, for a ratio of two columns), {@code value} the
 * customer's raw value as text ({@code "missing"} when it was missing), {@code contribution} the
 * change in the model's uncalibrated log-odds against the average customer (non-zero), and
 * {@code direction} {@code INCREASES_RISK} (positive contribution) or {@code DECREASES_RISK}.
 *
 * <h2>CLV and its interval</h2>
 * {@value #EXPECTED_CLV} is the score's {@code clv()}; {@value #EXPECTED_CLV_LOW} and
 * {@value #EXPECTED_CLV_HIGH} are its {@code clvLow()} and {@code clvHigh()}: the delta-method
 * confidence interval of the <i>expected</i> CLV from the uncertainty of the bundle's sBG parameters
 * (section {@code clv.sbg.interval}, at the level stored there), not the range of what one customer
 * will pay. The three columns are non-nullable doubles and say "no value" the same way, with NaN:
 * the CLV is NaN when the bundle has no CLV model or the customer's revenue (or renewals) is missing;
 * the bounds are NaN whenever the CLV is, and also for a bundle without an interval (see
 * {@code CustomerScorer.hasClvInterval()}: the churn-probability CLV method, or an sBG bundle
 * exported without the interval section). Spark SQL aggregates NaN as a value, not as a null
 * ({@code NaN} is larger than any other double, and {@code avg} over it is NaN), so filter with
 * {@code isnan(..)} before aggregating.
 *
 * <h2>How the work is distributed</h2>
 * <ul>
 *   <li>The bundle's bytes are broadcast once; every executor fetches them once.</li>
 *   <li>Each executor JVM decodes the bundle once, on the first task that needs it, and keeps the
 *       model in a small per-JVM cache keyed by the bundle's SHA-256 checksum; later partitions and
 *       later jobs with the same bundle reuse it. The driver decodes it once too, when the scorer
 *       is created, to learn the model's inputs (and to reject a bad bundle before any job).</li>
 *   <li>Each partition is scored in chunks of 1,024 rows with one chunk scorer, one reusable
 *       score buffer and reusable row views, all bound to the model once per JVM. With
 *       {@code topReasons = 0} a chunk goes through the in-process scorer's batch path
 *       ({@code BoundScorer.scoreBatch}; a tree ensemble walks the chunk's rows together) and the
 *       model allocates nothing per row. With reasons, rows are explained one by one, and each
 *       explanation allocates its working arrays and reasons: several times the cost of the score
 *       itself for a tree ensemble (TreeSHAP). Spark's own {@code Row} objects for the output are
 *       allocated per row by Spark's row API.</li>
 * </ul>
 *
 * <h2>Input columns</h2>
 * The model's inputs are matched to the Dataset's columns by name (exactly, case-sensitive); order
 * and extra columns do not matter. Every input is checked when {@link #score(Dataset)} is called,
 * before any job: a missing column, or one whose type does not fit, throws
 * {@link IllegalArgumentException} naming it. Accepted types: NUMERIC inputs any numeric type;
 * BOOLEAN inputs boolean (true = 1) or numeric; CATEGORICAL inputs string; DATE inputs date,
 * timestamp (its date in the session time zone) or timestamp_ntz. Nulls are missing values,
 * which the model handles as it was trained to (imputation, an "unknown" level). The output
 * columns must not already exist in the input.
 *
 * <p>Thread-safe. {@link #close()} releases the broadcast bundle; score no more after it.
 */
public final class SparkCustomerScorer implements AutoCloseable {

    /** Name of the churn probability column. */
    public static final String CHURN_PROBABILITY = "churn_probability";
    /** Name of the risk band column. */
    public static final String RISK_BAND = "risk_band";
    /** Name of the segment id column. */
    public static final String SEGMENT_ID = "segment_id";
    /** Name of the segment name column. */
    public static final String SEGMENT_NAME = "segment_name";
    /** Name of the expected customer lifetime value column. */
    public static final String EXPECTED_CLV = "expected_clv";
    /** Name of the column holding the lower end of the expected CLV's confidence interval. */
    public static final String EXPECTED_CLV_LOW = "expected_clv_low";
    /** Name of the column holding the upper end of the expected CLV's confidence interval. */
    public static final String EXPECTED_CLV_HIGH = "expected_clv_high";
    /** Name of the top reasons column. */
    public static final String TOP_REASONS = "top_reasons";

    private static final List<String> OUTPUTS = List.of(CHURN_PROBABILITY, RISK_BAND, SEGMENT_ID, SEGMENT_NAME,
            EXPECTED_CLV, EXPECTED_CLV_LOW, EXPECTED_CLV_HIGH, TOP_REASONS);
    private static final String INPUT_PREFIX = "_ck_input_";

    /**
     * Scoring settings.
     *
     * @param topReasons how many reasons to report per customer, 0 to 20; 0 scores each chunk
     *                   through the scorer's batch path, several times faster than explaining rows
     */
    public record Options(int topReasons) {

        /** Validates the fields. */
        public Options {
            if (topReasons < 0 || topReasons > 20) {
                throw new IllegalArgumentException("topReasons must be in [0, 20], found " + topReasons);
            }
        }

        /** Three reasons per customer. */
        public static Options defaults() {
            return new Options(3);
        }

        /** A copy with another number of reasons. */
        public Options withTopReasons(int n) {
            return new Options(n);
        }
    }

    private final BatchModel model;
    private final BatchModel.Loader loader;
    private final Broadcast<byte[]> bundle;
    private final String key;
    private final Options options;

    private SparkCustomerScorer(BatchModel model, BatchModel.Loader loader, Broadcast<byte[]> bundle, String key,
                                Options options) {
        this.model = model;
        this.loader = loader;
        this.bundle = bundle;
        this.key = key;
        this.options = options;
    }

    /**
     * A scorer for the bundle file at {@code bundle}, read on the driver, validated there (a bad
     * bundle fails now, before any job) and broadcast to the executors.
     *
     * @throws io.github.churnkit.scoring.bundle.BundleFormatException if the file is not a valid scoring bundle
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static SparkCustomerScorer of(SparkSession spark, Path bundle, Options options) {
        Objects.requireNonNull(bundle, "bundle");
        try {
            return of(spark, Files.readAllBytes(bundle), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundle " + bundle, e);
        }
    }

    /**
     * A scorer for a bundle held in memory (the array is copied), validated on the driver and
     * broadcast to the executors.
     *
     * @throws io.github.churnkit.scoring.bundle.BundleFormatException if the bytes are not a valid scoring bundle
     */
    public static SparkCustomerScorer of(SparkSession spark, byte[] bundle, Options options) {
        return create(spark, bundle, new CustomerScorerModel.Loader(), options);
    }

    /**
     * Decodes {@code bundleBytes} on the driver with {@code loader} (through this JVM's model
     * cache) and broadcasts the bytes.
     *
     * @throws IllegalArgumentException if the loader rejects the bundle
     */
    static SparkCustomerScorer create(SparkSession spark, byte[] bundleBytes, BatchModel.Loader loader,
                                      Options options) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(bundleBytes, "bundleBytes");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(options, "options");
        byte[] bytes = bundleBytes.clone();
        String key = loader.getClass().getName() + "@" + sha256(bytes);
        BatchModel model = ModelCache.get(key, () -> loader.load(bytes));
        for (int i = 0; i < model.inputNames().size(); i++) {
            ColumnType t = model.inputType(i);
            if (t == ColumnType.TEXT) {
                throw new IllegalArgumentException("model input '" + model.inputNames().get(i)
                        + "' has type TEXT, which batch scoring does not feed to models");
            }
        }
        Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new SparkCustomerScorer(model, loader, broadcast, key, options);
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    /** The model's input column names, in the model's order. */
    public List<String> inputColumns() {
        return model.inputNames();
    }

    /**
     * The schema of the added columns, in output order: {@code churn_probability double,
     * risk_band string, segment_id int, segment_name string, expected_clv double,
     * expected_clv_low double, expected_clv_high double, top_reasons array<struct<column: string,
     * value: string, contribution: double, direction: string>>}. The three CLV columns are not
     * nullable: NaN means "no value" (see the class documentation).
     */
    public static StructType scoreSchema() {
        StructType reason = new StructType()
                .add("column", DataTypes.StringType, false)
                .add("value", DataTypes.StringType, false)
                .add("contribution", DataTypes.DoubleType, false)
                .add("direction", DataTypes.StringType, false);
        return new StructType()
                .add(CHURN_PROBABILITY, DataTypes.DoubleType, false)
                .add(RISK_BAND, DataTypes.StringType, true)
                .add(SEGMENT_ID, DataTypes.IntegerType, false)
                .add(SEGMENT_NAME, DataTypes.StringType, true)
                .add(EXPECTED_CLV, DataTypes.DoubleType, false)
                .add(EXPECTED_CLV_LOW, DataTypes.DoubleType, false)
                .add(EXPECTED_CLV_HIGH, DataTypes.DoubleType, false)
                .add(TOP_REASONS, DataTypes.createArrayType(reason, false), false);
    }

    /**
     * The customers with the score columns added (see the class documentation). Lazy: scoring
     * happens when the result is written or collected; the column checks happen now.
     *
     * @throws IllegalArgumentException if an input column is missing or mistyped, or an output
     *     column already exists
     */
    public Dataset<Row> score(Dataset<Row> customers) {
        Objects.requireNonNull(customers, "customers");
        StructType schema = customers.schema();
        InputColumns.requireAbsent(schema, OUTPUTS);
        List<Column> projection = new ArrayList<>();
        for (String name : schema.fieldNames()) {
            projection.add(col(quote(name)));
        }
        List<String> names = model.inputNames();
        for (int i = 0; i < names.size(); i++) {
            projection.add(convert(schema, names.get(i), model.inputType(i)).as(INPUT_PREFIX + i));
        }
        Dataset<Row> prepared = customers.select(projection.toArray(new Column[0]));
        StructType out = schema;
        for (StructField f : scoreSchema().fields()) {
            out = out.add(f);
        }
        return prepared.mapPartitions(new ScorePartition(bundle, key, loader, schema.size(), options.topReasons()),
                Encoders.row(out));
    }

    private static Column convert(StructType schema, String name, ColumnType type) {
        Column c = col(quote(name));
        switch (type) {
            case NUMERIC: {
                InputColumns.require(schema, name, InputColumns.Kind.NUMBER, "numeric model input");
                return c.cast(DataTypes.DoubleType);
            }
            case BOOLEAN: {
                DataType t = InputColumns.require(schema, name, InputColumns.Kind.FLAG, "boolean model input").dataType();
                return t.equals(DataTypes.BooleanType)
                        ? when(c.isNull(), lit(null).cast(DataTypes.DoubleType)).when(c, lit(1.0)).otherwise(lit(0.0))
                        : c.cast(DataTypes.DoubleType);
            }
            case CATEGORICAL: {
                InputColumns.require(schema, name, InputColumns.Kind.TEXT, "categorical model input");
                return c;
            }
            case DATE: {
                DataType t = InputColumns.require(schema, name, InputColumns.Kind.TIME, "date model input").dataType();
                return unix_date(t.equals(DataTypes.DateType) ? c : to_date(c));
            }
            default:
                throw new IllegalArgumentException("model input '" + name + "' has unsupported type " + type);
        }
    }

    /** Quotes a column name for {@code col(..)} so dots and spaces in names are taken literally. */
    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Releases the broadcast bundle on the executors (their decoded models stay cached). */
    @Override
    public void close() {
        bundle.destroy();
    }

    @Override
    public String toString() {
        return "SparkCustomerScorer[" + key + ", inputs " + model.inputNames() + ", " + options + "]";
    }
}
