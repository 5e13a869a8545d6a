package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.DateColumn;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark side of batch scoring against the stand-in {@link TestModel}: column matching and
 * conversion of every input type, the output schema, the load-once guarantee, and up-front
 * failures. {@link CustomerScorerModelTest} checks the same against the real CustomerScorer.
 */
class SparkCustomerScorerTest {

    private static final String[] CONTRACTS = {"Month-to-month", "One year", "Two year", "Weekly"};
    private static SparkSession spark;
    private static SparkCustomerScorer scorer;

    /** A customer as the in-process reference sees it. */
    private record Customer(String id, Integer tenure, Double monthly, String contract, LocalDate signup,
                            Boolean paperless) implements InputRow {
        @Override
        public double number(int input) {
            if (input == 0) {
                return tenure == null ? Double.NaN : tenure;
            }
            if (input == 1) {
                return monthly == null ? Double.NaN : monthly;
            }
            return paperless == null ? Double.NaN : paperless ? 1 : 0;
        }

        @Override
        public String category(int input) {
            return contract;
        }

        @Override
        public int epochDay(int input) {
            return signup == null ? DateColumn.MISSING : (int) signup.toEpochDay();
        }
    }

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        scorer = SparkCustomerScorer.create(spark, TestModel.bundle(-0.5), new TestModel.Loader(),
                SparkCustomerScorer.Options.defaults());
    }

    @AfterAll
    static void stop() {
        scorer.close();
    }

    /** Seeded customers, every fifth value of each input missing somewhere. */
    private static List<Customer> customers(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Customer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Customer("C" + i,
                    rng.nextInt(10) == 0 ? null : rng.nextInt(72),
                    rng.nextInt(10) == 0 ? null : 18 + 100 * rng.nextDouble(),
                    rng.nextInt(10) == 0 ? null : CONTRACTS[rng.nextInt(CONTRACTS.length)],
                    rng.nextInt(10) == 0 ? null : LocalDate.ofEpochDay(17_000 + rng.nextInt(3000)),
                    rng.nextInt(10) == 0 ? null : rng.nextBoolean()));
        }
        return out;
    }

    /**
     * The customers as a Dataset whose columns are in another order than the model's inputs, with
     * an extra column, tenure as int and signup as a timestamp at noon UTC.
     */
    private static Dataset<Row> frame(List<Customer> customers, int partitions) {
        StructType schema = new StructType()
                .add("paperless", DataTypes.BooleanType, true)
                .add("customer_id", DataTypes.StringType, false)
                .add("signup", DataTypes.TimestampType, true)
                .add("contract", DataTypes.StringType, true)
                .add("region", DataTypes.StringType, true)
                .add("monthly_charges", DataTypes.DoubleType, true)
                .add("tenure", DataTypes.IntegerType, true);
        List<Row> rows = new ArrayList<>();
        for (Customer c : customers) {
            Timestamp at = c.signup() == null ? null
                    : Timestamp.from(c.signup().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
            rows.add(RowFactory.create(c.paperless(), c.id(), at, c.contract(), "north", c.monthly(), c.tenure()));
        }
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    @Test
    void score_mixedTypesAndMissingValues_equalsInProcessScorerExactly() {
        List<Customer> customers = customers(400, 1L);
        List<Row> scored = scorer.score(frame(customers, 5)).collectAsList();
        assertEquals(customers.size(), scored.size());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : scored) {
            byId.put(r.getString(r.fieldIndex("customer_id")), r);
        }
        // the reference: the same model, one customer at a time, on the in-process values
        BatchModel.ChunkScorer reference = new TestModel.Loader().load(TestModel.bundle(-0.5)).newChunkScorer();
        ScoreBuffer expected = new ScoreBuffer(1, 3);
        int withoutBounds = 0;
        for (Customer c : customers) {
            reference.score(List.of(c), expected);
            Row r = byId.get(c.id());
            assertEquals(expected.churnProbability(0), r.getDouble(r.fieldIndex(SparkCustomerScorer.CHURN_PROBABILITY)), c.id());
            assertEquals(expected.riskBand(0), r.getString(r.fieldIndex(SparkCustomerScorer.RISK_BAND)), c.id());
            assertEquals(expected.segmentId(0), r.getInt(r.fieldIndex(SparkCustomerScorer.SEGMENT_ID)), c.id());
            assertEquals(expected.segmentName(0), r.getString(r.fieldIndex(SparkCustomerScorer.SEGMENT_NAME)), c.id());
            assertEquals(expected.expectedClv(0), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV)), c.id());
            assertEquals(expected.expectedClvLow(0), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_LOW)),
                    c.id());
            assertEquals(expected.expectedClvHigh(0), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_HIGH)),
                    c.id());
            withoutBounds += Double.isNaN(expected.expectedClvLow(0)) ? 1 : 0;
            List<Row> reasons = r.getList(r.fieldIndex(SparkCustomerScorer.TOP_REASONS));
            assertEquals(expected.reasonCount(0), reasons.size(), c.id());
            for (int k = 0; k < reasons.size(); k++) {
                Row reason = reasons.get(k);
                assertEquals(expected.reasonColumn(0, k), reason.getString(reason.fieldIndex("column")), c.id());
                assertEquals(expected.reasonValue(0, k), reason.getString(reason.fieldIndex("value")), c.id());
                assertEquals(expected.reasonContribution(0, k), reason.getDouble(reason.fieldIndex("contribution")), c.id());
                assertEquals(expected.reasonDirection(0, k).name(), reason.getString(reason.fieldIndex("direction")), c.id());
            }
            assertEquals("north", r.getString(r.fieldIndex("region")), "input columns pass through");
        }
        // a NaN bound (tenure missing, about one customer in ten) must arrive as NaN, not as a null or 0
        assertTrue(withoutBounds > 0 && withoutBounds < customers.size(), "customers without CLV bounds: " + withoutBounds);
    }

    @Test
    void score_outputSchema_inputColumnsThenScores() {
        Dataset<Row> scored = scorer.score(frame(customers(3, 2L), 1));
        List<String> expected = new ArrayList<>(List.of("paperless", "customer_id", "signup", "contract", "region",
                "monthly_charges", "tenure"));
        expected.addAll(List.of(SparkCustomerScorer.CHURN_PROBABILITY, SparkCustomerScorer.RISK_BAND,
                SparkCustomerScorer.SEGMENT_ID, SparkCustomerScorer.SEGMENT_NAME, SparkCustomerScorer.EXPECTED_CLV,
                SparkCustomerScorer.EXPECTED_CLV_LOW, SparkCustomerScorer.EXPECTED_CLV_HIGH,
                SparkCustomerScorer.TOP_REASONS));
        assertEquals(expected, Arrays.asList(scored.columns()));
        StructField reasons = scored.schema().apply(SparkCustomerScorer.TOP_REASONS);
        assertEquals("array<struct<column:string,value:string,contribution:double,direction:string>>",
                reasons.dataType().simpleString());
        assertEquals("expected_clv_low", SparkCustomerScorer.EXPECTED_CLV_LOW);
        assertEquals("expected_clv_high", SparkCustomerScorer.EXPECTED_CLV_HIGH);
        for (String bound : List.of(SparkCustomerScorer.EXPECTED_CLV_LOW, SparkCustomerScorer.EXPECTED_CLV_HIGH)) {
            StructField f = scored.schema().apply(bound);
            assertEquals(DataTypes.DoubleType, f.dataType(), bound);
            assertTrue(!f.nullable(), bound + " says 'no value' with NaN, as expected_clv does");
        }
        assertEquals(SparkCustomerScorer.scoreSchema(),
                new StructType(Arrays.copyOfRange(scored.schema().fields(), expected.size() - 8, expected.size())));
    }

    @Test
    void score_twelvePartitionsTwice_decodesBundleOncePerJvm() {
        int before = TestModel.LOADS.get();
        long cacheBefore = ModelCache.loads();
        long lookupsBefore = ModelCache.lookups();
        // a bundle no other test uses, so the first decode happens here
        try (SparkCustomerScorer s = SparkCustomerScorer.create(spark, TestModel.bundle(0.125), new TestModel.Loader(),
                SparkCustomerScorer.Options.defaults())) {
            assertEquals(before + 1, TestModel.LOADS.get(), "the driver decodes once to learn the inputs");
            Dataset<Row> scored = s.score(frame(customers(600, 3L), 12));
            assertEquals(12, scored.rdd().getNumPartitions());
            assertEquals(600, scored.count());
            assertEquals(600, scored.where(col(SparkCustomerScorer.CHURN_PROBABILITY).gt(0)).count());
            // local mode: the executor is the driver's JVM, so its cache already holds the model
            assertEquals(before + 1, TestModel.LOADS.get(), "decodes after 2 jobs x 12 partitions x 50 rows");
            assertEquals(cacheBefore + 1, ModelCache.loads());
            // the driver's lookup plus one per partition task: each task asked the cache (and found the model)
            assertEquals(lookupsBefore + 1 + 24, ModelCache.lookups(), "model cache lookups");
        }
    }

    @Test
    void score_twoReasons_reportsTheTwoLargest() {
        List<Customer> customers = customers(50, 4L);
        Map<String, Row> byId = new HashMap<>();
        try (SparkCustomerScorer s = SparkCustomerScorer.create(spark, TestModel.bundle(-0.5), new TestModel.Loader(),
                SparkCustomerScorer.Options.defaults().withTopReasons(2))) {
            for (Row r : s.score(frame(customers, 2)).collectAsList()) {
                byId.put(r.getString(r.fieldIndex("customer_id")), r);
            }
        }
        BatchModel.ChunkScorer reference = new TestModel.Loader().load(TestModel.bundle(-0.5)).newChunkScorer();
        ScoreBuffer three = new ScoreBuffer(1, 3);
        int withTwo = 0;
        for (Customer c : customers) {
            reference.score(List.of(c), three);
            List<Row> reasons = byId.get(c.id()).getList(byId.get(c.id()).fieldIndex(SparkCustomerScorer.TOP_REASONS));
            // the first two of the three largest (fewer when fewer contributions are non-zero)
            assertEquals(Math.min(2, three.reasonCount(0)), reasons.size(), c.id());
            for (int k = 0; k < reasons.size(); k++) {
                assertEquals(three.reasonColumn(0, k), reasons.get(k).getString(0), c.id());
            }
            withTwo += reasons.size() == 2 ? 1 : 0;
        }
        assertTrue(withTwo > 0, "some customer has two reasons");
    }

    @Test
    void score_zeroReasons_emptyReasonArrays() {
        try (SparkCustomerScorer s = SparkCustomerScorer.create(spark, TestModel.bundle(-0.5), new TestModel.Loader(),
                SparkCustomerScorer.Options.defaults().withTopReasons(0))) {
            List<Row> rows = s.score(frame(customers(20, 8L), 2)).collectAsList();
            assertEquals(20, rows.size());
            for (Row r : rows) {
                assertTrue(r.getList(r.fieldIndex(SparkCustomerScorer.TOP_REASONS)).isEmpty());
            }
        }
    }

    @Test
    void score_missingInputColumn_failsBeforeAnyJobNamingIt() {
        Dataset<Row> noTenure = frame(customers(10, 5L), 1).drop("tenure");
        String group = "scorer-missing-column";
        spark.sparkContext().setJobGroup(group, "no job expected", false);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(noTenure));
            assertTrue(e.getMessage().startsWith("input has no column 'tenure' (numeric model input)"), e.getMessage());
            assertEquals(0, spark.sparkContext().statusTracker().getJobIdsForGroup(group).length, "jobs run");
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    @Test
    void score_mistypedInputColumn_namesColumnAndTypes() {
        Dataset<Row> intContract = frame(customers(10, 6L), 1)
                .withColumn("contract", col("tenure"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(intContract));
        assertEquals("column 'contract' (categorical model input) has type int, expected string", e.getMessage());
    }

    @Test
    void score_outputColumnAlreadyPresent_throws() {
        Dataset<Row> clash = frame(customers(10, 7L), 1).withColumn("Risk_Band", col("contract"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(clash));
        assertTrue(e.getMessage().contains("'Risk_Band'"), e.getMessage());
    }

    @Test
    void score_emptyDataset_givesNoRows() {
        assertEquals(0, scorer.score(frame(List.of(), 1)).count());
    }

    @Test
    void create_invalidBundle_throwsOnDriver() {
        assertThrows(IllegalArgumentException.class, () -> SparkCustomerScorer.create(spark,
                "not a bundle".getBytes(java.nio.charset.StandardCharsets.UTF_8), new TestModel.Loader(),
                SparkCustomerScorer.Options.defaults()));
    }
}
