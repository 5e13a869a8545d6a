package io.github.churnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.ScorerFixtures;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark batch scoring with churnkit's real CustomerScorer and a complete fixture bundle. */
class CustomerScorerModelTest {

    private static final int N = 500;

    /** The fixture customers with columns in another order, an extra column, and tenure as int. */
    private static Dataset<Row> frame(SparkSession spark, CustomerTable t) {
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
            Double tenure = (Double) c.get("tenure");
            rows.add(RowFactory.create(c.get("contract"), "C" + i, c.get("paperless"), c.get("charges"),
                    c.get("payment"), tenure == null ? null : (Integer) tenure.intValue()));
        }
        return spark.createDataFrame(rows, schema).repartition(4);
    }

    @Test
    void score_fixtureBundle_equalsInProcessScorerExactly(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path file = dir.resolve("model.ckb");
        Files.write(file, ScorerFixtures.bundle().toBytes());
        CustomerTable t = ScorerFixtures.table(N, 5L);
        CustomerScorer inProcess = CustomerScorer.load(file);
        List<Row> scored;
        try (SparkCustomerScorer s = SparkCustomerScorer.of(spark, file, SparkCustomerScorer.Options.defaults())) {
            assertEquals(inProcess.inputColumns(), s.inputColumns());
            scored = s.score(frame(spark, t)).collectAsList();
        }
        assertEquals(N, scored.size());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : scored) {
            byId.put(r.getString(r.fieldIndex("customer_id")), r);
        }
        int withSegment = 0;
        for (int i = 0; i < N; i++) {
            CustomerScore e = inProcess.score(ScorerFixtures.customer(t, i), 3);
            Row r = byId.get("C" + i);
            String id = "C" + i;
            assertEquals(e.churnProbability(), r.getDouble(r.fieldIndex(SparkCustomerScorer.CHURN_PROBABILITY)), id);
            assertEquals(e.riskBand(), r.getString(r.fieldIndex(SparkCustomerScorer.RISK_BAND)), id);
            assertEquals(e.segmentId(), r.getInt(r.fieldIndex(SparkCustomerScorer.SEGMENT_ID)), id);
            assertEquals(e.segmentName(), r.getString(r.fieldIndex(SparkCustomerScorer.SEGMENT_NAME)), id);
            assertEquals(e.clv(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV)), id);
            List<Row> reasons = r.getList(r.fieldIndex(SparkCustomerScorer.TOP_REASONS));
            assertEquals(e.reasons().size(), reasons.size(), id);
            for (int k = 0; k < reasons.size(); k++) {
                assertEquals(e.reasons().get(k).column(), reasons.get(k).getString(0), id);
                assertEquals(e.reasons().get(k).contribution(), reasons.get(k).getDouble(1), id);
            }
            withSegment += e.segmentId() >= 0 ? 1 : 0;
        }
        assertTrue(withSegment > 0, "the fixture bundle assigns segments");
    }

    @Test
    void of_corruptBundle_throwsOnDriver() {
        byte[] bytes = ScorerFixtures.bundle().toBytes();
        bytes[bytes.length / 2] ^= 1; // breaks the SHA-256 checksum
        assertThrows(BundleFormatException.class, () -> SparkCustomerScorer.of(SparkTestSession.get(), bytes,
                SparkCustomerScorer.Options.defaults()));
    }

    @Test
    void job_scoreCsv_writesParquetWithScores(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path bundle = dir.resolve("model.ckb");
        Files.write(bundle, ScorerFixtures.bundle().toBytes());
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, "customer_id,tenure,charges,paperless,contract,payment\n"
                + "A,3,95.5,true,Month,Card\nB,60,20.0,false,Two year,Bank\n");
        Path out = dir.resolve("scored.parquet");
        ChurnkitSparkJob.score(spark, ChurnkitSparkJob.parse(new String[] {"score", "--bundle", bundle.toString(),
                "--input", csv.toString(), "--output", out.toString(), "--reasons", "2"}));
        CustomerScorer inProcess = CustomerScorer.load(bundle);
        List<Row> rows = spark.read().parquet(out.toString()).orderBy("customer_id").collectAsList();
        assertEquals(2, rows.size());
        CustomerScore a = inProcess.score(Map.of("tenure", 3, "charges", 95.5, "paperless", true, "contract", "Month",
                "payment", "Card"), 2);
        Row r = rows.get(0);
        assertEquals(a.churnProbability(), r.getDouble(r.fieldIndex(SparkCustomerScorer.CHURN_PROBABILITY)));
        assertEquals(a.clv(), r.getDouble(r.fieldIndex(SparkCustomerScorer.EXPECTED_CLV)));
        assertEquals(2, r.getList(r.fieldIndex(SparkCustomerScorer.TOP_REASONS)).size());
    }
}
