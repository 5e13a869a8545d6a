package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.ScoreReason;
import io.github.churnkit.scoring.ScorerFixtures;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch scoring with churnkit's real CustomerScorer and scoring's complete fixture bundle (30
 * trees of depth 4, Platt calibration, three bands, three segments, CLV from the churn
 * probability, so no CLV interval), and the same bundle with an sBG CLV and its interval
 * ({@link SbgClvBundle}). The reference is always the in-process map path,
 * {@code CustomerScorer.score(map, topReasons)}, compared field by field with no tolerance.
 */
class CustomerScorerModelTest {

    /** The fixture customers with columns in another order, an extra column, and tenure as int. */
    private static Dataset<Row> frame(SparkSession spark, CustomerTable t, int partitions) {
        StructType schema = new StructType()
                .add("contract", DataTypes.StringType, true)
                .add("customer_id", DataTypes.StringType, false)
                .add("paperless", DataTypes.BooleanType, true)
                .add("charges", DataTypes.DoubleType, true)
                .add("payment", DataTypes.StringType, true)
                .add("tenure", DataTypes.IntegerType, true);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            Map<String, Object> c = ScorerFixtures.customer(t, i);
            Double tenure = (Double) c.get("tenure"); // whole numbers in the fixture, so the int is exact
            rows.add(RowFactory.create(c.get("contract"), "C" + i, c.get("paperless"), c.get("charges"),
                    c.get("payment"), tenure == null ? null : (Integer) tenure.intValue()));
        }
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    /**
     * Scores every customer of {@code t} in Spark and checks each row against the map path, the CLV
     * bounds included; customers with an interval exist exactly when the bundle has one.
     */
    private static void assertEqualsInProcess(Path bundle, CustomerTable t, int partitions, int topReasons) {
        SparkSession spark = SparkTestSession.get();
        CustomerScorer inProcess = CustomerScorer.load(bundle);
        List<Row> scored;
        try (SparkCustomerScorer s = SparkCustomerScorer.of(spark, bundle,
                SparkCustomerScorer.Options.defaults().withTopReasons(topReasons))) {
            assertEquals(inProcess.inputColumns(), s.inputColumns());
            scored = s.score(frame(spark, t, partitions)).collectAsList();
        }
        assertEquals(t.rowCount(), scored.size());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : scored) {
            byId.put(r.getString(r.fieldIndex("customer_id")), r);
        }
        int withSegment = 0;
        int withReasons = 0;
        int withMissingValue = 0;
        int withInterval = 0;
        int withClv = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            CustomerScore e = inProcess.score(ScorerFixtures.customer(t, i), topReasons);
            String id = "C" + i;
            Row r = byId.get(id);
            assertEquals(e.churnProbability(), r.getDouble(r.fieldIndex(SparkCustomerScorer.CHURN_PROBABILITY)), id);
            assertEquals(e.riskBand(), r.getString(r.fieldIndex(SparkCustomerScorer.RISK_BAND)), id);
            assertEquals(e.segmentId(), r.getInt(r.fieldIndex(SparkCustomerScorer.SEGMENT_ID)), id);
            assertEquals(e.segmentName(), r.getString(r.fieldIndex(SparkCustomerScorer.SEGMENT_NAME)), id);
            assertEquals(e.clv(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV)), id);
            assertEquals(e.clvLow(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_LOW)), id);
            assertEquals(e.clvHigh(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_HIGH)), id);
            withClv += Double.isNaN(e.clv()) ? 0 : 1;
            withInterval += Double.isNaN(e.clvLow()) ? 0 : 1;
            List<Row> reasons = r.getList(r.fieldIndex(SparkCustomerScorer.TOP_REASONS));
            assertEquals(e.reasons().size(), reasons.size(), id);
            for (int k = 0; k < reasons.size(); k++) {
                ScoreReason x = e.reasons().get(k);
                Row a = reasons.get(k);
                assertEquals(x.column(), a.getString(a.fieldIndex("column")), id);
                assertEquals(x.value(), a.getString(a.fieldIndex("value")), id);
                assertEquals(x.contribution(), a.getDouble(a.fieldIndex("contribution")), id);
                assertEquals(x.direction().name(), a.getString(a.fieldIndex("direction")), id);
                withMissingValue += x.value().equals("missing") ? 1 : 0;
            }
            withSegment += e.segmentId() >= 0 ? 1 : 0;
            withReasons += e.reasons().isEmpty() ? 0 : 1;
        }
        assertTrue(withSegment > 0, "the fixture bundle assigns segments");
        // about 3% of charges (and, for the sBG method, of tenures) are missing: those have no CLV
        assertTrue(withClv > 0 && withClv < t.rowCount(), "customers with a CLV: " + withClv);
        assertEquals(inProcess.hasClvInterval() ? withClv : 0, withInterval,
                "an interval exactly for the customers with a CLV, when the bundle has one");
        assertEquals(topReasons > 0, withReasons > 0, "reasons are given exactly when asked for");
        if (topReasons > 0) {
            assertTrue(withMissingValue > 0, "some reason is a missing value (about 3% of the fixture's values are)");
        }
    }

    private static Path fixtureBundle(Path dir) throws Exception {
        Path file = dir.resolve("model.ckb");
        Files.write(file, ScorerFixtures.bundle().toBytes());
        return file;
    }

    private static Path sbgBundle(Path dir) throws Exception {
        Path file = dir.resolve("sbg.ckb");
        Files.write(file, SbgClvBundle.bundle().toBytes());
        assertTrue(CustomerScorer.load(file).hasClvInterval(), "the sBG bundle's scores carry an interval");
        return file;
    }

    @Test
    void score_fixtureBundleThreeReasons_equalsInProcessScorerExactly(@TempDir Path dir) throws Exception {
        assertEqualsInProcess(fixtureBundle(dir), ScorerFixtures.table(500, 5L), 4, 3);
    }

    @Test
    void score_fixtureBundleNoReasonsAcrossChunks_batchPathEqualsInProcessScorerExactly(@TempDir Path dir)
            throws Exception {
        // 2 partitions of 1,300 rows: each partition is a chunk of 1,024 rows and one of 276
        assertEqualsInProcess(fixtureBundle(dir), ScorerFixtures.table(2_600, 6L), 2, 0);
    }

    @Test
    void score_sbgBundleWithIntervalThreeReasons_rowPathEqualsInProcessScorerIncludingBounds(@TempDir Path dir)
            throws Exception {
        assertEqualsInProcess(sbgBundle(dir), ScorerFixtures.table(500, 15L), 3, 3);
    }

    @Test
    void score_sbgBundleWithIntervalNoReasonsAcrossChunks_batchPathEqualsInProcessScorerIncludingBounds(
            @TempDir Path dir) throws Exception {
        // 2 partitions of 1,300 rows: a chunk of 1,024 and one of 276 each, through BoundScorer.scoreBatch
        assertEqualsInProcess(sbgBundle(dir), ScorerFixtures.table(2_600, 16L), 2, 0);
    }

    @Test
    void score_sbgBundle_boundsAreTheDeltaMethodIntervalAroundTheClv(@TempDir Path dir) throws Exception {
        // from the documented formula rather than CustomerScorer's code: renewals = the tenure column,
        // CLV = margin x charges x DERL (ClvFormulas), low = clv exp(-z se), high = clv exp(z se) with
        // z = qnorm(0.95) = 1.6448536269514722 (R 4.3) for level 0.9 and se = SbgUncertainty's
        // delta-method standard error for that renewals count (tested in scoring)
        SparkSession spark = SparkTestSession.get();
        CustomerTable t = ScorerFixtures.table(200, 17L);
        List<Row> rows;
        try (SparkCustomerScorer s = SparkCustomerScorer.of(spark, sbgBundle(dir),
                SparkCustomerScorer.Options.defaults().withTopReasons(0))) {
            rows = s.score(frame(spark, t, 2)).collectAsList();
        }
        ClvSettings settings = ClvSettings.defaults(); // the fixture's settings
        int checked = 0;
        for (Row r : rows) {
            if (r.isNullAt(r.fieldIndex("tenure")) || r.isNullAt(r.fieldIndex("charges"))) {
                assertTrue(Double.isNaN(r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_LOW))));
                continue;
            }
            int renewals = r.getInt(r.fieldIndex("tenure"));
            double clv = ClvFormulas.subscription(settings,
                    r.getDouble(r.fieldIndex("charges")), SbgClvBundle.SBG, renewals);
            double se = SbgClvBundle.UNCERTAINTY.logStandardError(settings, SbgClvBundle.SBG, renewals);
            assertEquals(clv, r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV)), 1e-9 * clv);
            assertEquals(clv * Math.exp(-1.6448536269514722 * se),
                    r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_LOW)), 1e-9 * clv);
            assertEquals(clv * Math.exp(1.6448536269514722 * se),
                    r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_HIGH)), 1e-9 * clv);
            assertTrue(se > 0, "a positive definite covariance gives a proper interval");
            checked++;
        }
        assertTrue(checked > 150, "customers with charges and tenure: " + checked);
    }

    @Test
    void score_realBundleTwoJobsEightPartitions_decodesOncePerJvm() {
        // a bundle no other test uses (its own trees), so its first decode happens here
        byte[] bundle = ScorerFixtures.bundle(ScorerFixtures.trees(ScorerFixtures.pipeline().width(), 5, 3, 77L))
                .toBytes();
        SparkSession spark = SparkTestSession.get();
        long loads = ModelCache.loads();
        long lookups = ModelCache.lookups();
        Dataset<Row> customers = frame(spark, ScorerFixtures.table(800, 7L), 8);
        try (SparkCustomerScorer none = SparkCustomerScorer.of(spark, bundle, SparkCustomerScorer.Options.defaults()
                .withTopReasons(0));
             SparkCustomerScorer three = SparkCustomerScorer.of(spark, bundle, SparkCustomerScorer.Options.defaults())) {
            assertEquals(loads + 1, ModelCache.loads(), "the driver decodes once for both scorers");
            assertEquals(800, none.score(customers).where(col(SparkCustomerScorer.CHURN_PROBABILITY).geq(0)).count());
            assertEquals(800, three.score(customers).where(col(SparkCustomerScorer.CHURN_PROBABILITY).geq(0)).count());
        }
        // local mode: the executor is the driver's JVM, whose cache already holds the model
        assertEquals(loads + 1, ModelCache.loads(), "decodes after 2 jobs x 8 partitions x 100 rows");
        assertEquals(lookups + 2 + 16, ModelCache.lookups(), "two scorers on the driver, then one lookup per partition task");
    }

    /** A fixture customer as the adapter reads it, by the model's input index. */
    private static final class FixtureRow implements InputRow {
        private final double[] numbers;
        private final String[] categories;

        FixtureRow(Map<String, Object> customer, List<String> inputs) {
            numbers = new double[inputs.size()];
            categories = new String[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                Object v = customer.get(inputs.get(i));
                numbers[i] = v instanceof Boolean ? ((Boolean) v ? 1 : 0) : v instanceof Double ? (Double) v : Double.NaN;
                categories[i] = v instanceof String ? (String) v : null;
            }
        }

        @Override
        public double number(int input) {
            return numbers[input];
        }

        @Override
        public String category(int input) {
            return categories[input];
        }

        @Override
        public int epochDay(int input) {
            return DateColumn.MISSING;
        }
    }

    @Test
    void chunkScorer_noReasons_equalsMapPathAndAllocatesNothingPerRow() {
        byte[] bytes = ScorerFixtures.bundle().toBytes();
        BatchModel model = new CustomerScorerModel.Loader().load(bytes);
        CustomerScorer inProcess = CustomerScorer.of(ScorerFixtures.bundle());
        CustomerTable t = ScorerFixtures.table(ScoreBuffer.CHUNK, 8L);
        List<FixtureRow> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            rows.add(new FixtureRow(ScorerFixtures.customer(t, i), model.inputNames()));
        }
        BatchModel.ChunkScorer scorer = model.newChunkScorer();
        ScoreBuffer out = new ScoreBuffer(ScoreBuffer.CHUNK, 0);
        scorer.score(rows, out);
        for (int i = 0; i < rows.size(); i++) {
            CustomerScore e = inProcess.score(ScorerFixtures.customer(t, i), 0);
            assertEquals(e.churnProbability(), out.churnProbability(i), "row " + i);
            assertEquals(e.riskBand(), out.riskBand(i), "row " + i);
            assertEquals(e.segmentId(), out.segmentId(i), "row " + i);
            assertEquals(e.segmentName(), out.segmentName(i), "row " + i);
            assertEquals(e.clv(), out.expectedClv(i), "row " + i);
            assertEquals(e.clvLow(), out.expectedClvLow(i), "row " + i);
            assertEquals(e.clvHigh(), out.expectedClvHigh(i), "row " + i);
            assertEquals(0, out.reasonCount(i));
        }

        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes");
        long thread = Thread.currentThread().getId();
        for (int warm = 0; warm < 20; warm++) {
            scorer.score(rows, out);
            threads.getThreadAllocatedBytes(thread);
        }
        int chunks = 50;
        long before = threads.getThreadAllocatedBytes(thread);
        for (int c = 0; c < chunks; c++) {
            scorer.score(rows, out);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        long scoredRows = (long) chunks * ScoreBuffer.CHUNK;
        // an object allocated per row would take at least 16 bytes per row; allow well under one byte
        assertTrue(allocated < scoredRows, String.format(Locale.ROOT,
                "%d bytes allocated for %d rows (%.3f per row)", allocated, scoredRows, (double) allocated / scoredRows));
    }

    @Test
    void chunkScorer_chunkLargerThanBuffer_throwsNamingSizes() {
        BatchModel model = new CustomerScorerModel.Loader().load(ScorerFixtures.bundle().toBytes());
        CustomerTable t = ScorerFixtures.table(3, 9L);
        List<FixtureRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new FixtureRow(ScorerFixtures.customer(t, i), model.inputNames()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.newChunkScorer().score(rows, new ScoreBuffer(2, 0)));
        assertEquals("a chunk of 3 rows does not fit a score buffer of 2", e.getMessage());
    }

    @Test
    void of_corruptBundle_throwsOnDriver() {
        byte[] bytes = ScorerFixtures.bundle().toBytes();
        bytes[bytes.length / 2] ^= 1; // breaks the SHA-256 checksum
        assertThrows(BundleFormatException.class, () -> SparkCustomerScorer.of(SparkTestSession.get(), bytes,
                SparkCustomerScorer.Options.defaults()));
    }

    @Test
    void job_scoreCsv_writesParquetWithScoresAndReasons(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path bundle = fixtureBundle(dir);
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, "customer_id,tenure,charges,paperless,contract,payment\n"
                + "A,3,95.5,true,Month,Card\nB,60,,false,Two year,Bank\n");
        Path out = dir.resolve("scored.parquet");
        ChurnkitSparkJob.score(spark, ChurnkitSparkJob.parse(new String[] {"score", "--bundle", bundle.toString(),
                "--input", csv.toString(), "--output", out.toString(), "--reasons", "2"}));
        CustomerScorer inProcess = CustomerScorer.load(bundle);
        List<Row> rows = spark.read().parquet(out.toString()).orderBy("customer_id").collectAsList();
        assertEquals(2, rows.size());
        Map<String, Object> b = new HashMap<>();
        b.put("tenure", 60);
        b.put("charges", null); // the empty CSV field is a null
        b.put("paperless", false);
        b.put("contract", "Two year");
        b.put("payment", "Bank");
        List<CustomerScore> expected = List.of(inProcess.score(Map.of("tenure", 3, "charges", 95.5, "paperless", true,
                "contract", "Month", "payment", "Card"), 2), inProcess.score(b, 2));
        for (int i = 0; i < 2; i++) {
            CustomerScore e = expected.get(i);
            Row r = rows.get(i);
            assertEquals(e.churnProbability(), r.getDouble(r.fieldIndex(SparkCustomerScorer.CHURN_PROBABILITY)));
            assertEquals(e.riskBand(), r.getString(r.fieldIndex(SparkCustomerScorer.RISK_BAND)));
            assertEquals(e.segmentName(), r.getString(r.fieldIndex(SparkCustomerScorer.SEGMENT_NAME)));
            assertEquals(e.clv(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV)));
            assertEquals(e.clvLow(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_LOW)));
            assertEquals(e.clvHigh(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV_HIGH)));
            List<Row> reasons = r.getList(r.fieldIndex(SparkCustomerScorer.TOP_REASONS));
            assertEquals(2, e.reasons().size());
            assertEquals(e.reasons().size(), reasons.size());
            for (int k = 0; k < reasons.size(); k++) {
                Row a = reasons.get(k);
                assertEquals(e.reasons().get(k).column(), a.getString(a.fieldIndex("column")));
                assertEquals(e.reasons().get(k).value(), a.getString(a.fieldIndex("value")));
                assertEquals(e.reasons().get(k).contribution(), a.getDouble(a.fieldIndex("contribution")));
                assertEquals(e.reasons().get(k).direction().name(), a.getString(a.fieldIndex("direction")));
            }
        }
        assertTrue(Double.isNaN(rows.get(1).getDouble(rows.get(1).fieldIndex(SparkCustomerScorer.EXPECTED_CLV))),
                "no charges: no CLV");
        assertTrue(Double.isNaN(rows.get(0).getDouble(rows.get(0).fieldIndex(SparkCustomerScorer.EXPECTED_CLV_LOW))),
                "the fixture's churn-probability CLV carries no interval");
    }
}
