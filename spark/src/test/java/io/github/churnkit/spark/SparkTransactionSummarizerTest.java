package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.ascii;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkTransactionSummarizerTest {

    private static final LocalDate CUTOFF = LocalDate.of(2024, 3, 31);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2024, 4, 30);
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    /**
     * The hand-worked example of core's TransactionSummarizerTest (2024 is a leap year: Jan 1 to
     * Mar 31 is 31 + 29 + 30 = 90 days), added out of order:
     * <pre>
     * A: Jan 1 10 + Jan 1 5 (one day) | Jan 11 20 | Jan 31 30 + Jan 31 10 (one day, 40)
     *    holdout: Apr 5 7 + Apr 5 1 (one day) | Apr 20 3 ; after the holdout: Jun 1 99 (ignored)
     *    x = 2, t_x = 30 days, T = 90 days, monetary = (20 + 40) / 2 = 30, total = 75,
     *    holdout purchases = 2, holdout spend = 11
     * B: Mar 31 12.5 only -> x = 0, t_x = 0, T = 0, monetary NaN, total 12.5
     * C: first purchase Apr 2 (after the cut-off) -> left out
     * D: Feb 15 8 | Mar 31 4 (on the cut-off) -> x = 1, t_x = T = 14 + 31 = 45 days, monetary 4, total 12
     * </pre>
     */
    private static TransactionLog handLog() {
        return TransactionLog.builder()
                .add("A", LocalDate.of(2024, 1, 31), 30.0)
                .add("B", LocalDate.of(2024, 3, 31), 12.5)
                .add("A", LocalDate.of(2024, 1, 1), 10.0)
                .add("C", LocalDate.of(2024, 4, 2), 50.0)
                .add("A", LocalDate.of(2024, 4, 20), 3.0)
                .add("A", LocalDate.of(2024, 1, 11), 20.0)
                .add("D", LocalDate.of(2024, 3, 31), 4.0)
                .add("A", LocalDate.of(2024, 6, 1), 99.0)
                .add("A", LocalDate.of(2024, 4, 5), 7.0)
                .add("A", LocalDate.of(2024, 1, 1), 5.0)
                .add("D", LocalDate.of(2024, 2, 15), 8.0)
                .add("A", LocalDate.of(2024, 4, 5), 1.0)
                .add("A", LocalDate.of(2024, 1, 31), 10.0)
                .build();
    }

    private static SparkTransactionSummarizer summarizer(TransactionSummarizer.Config config) {
        return SparkTransactionSummarizer.of(config, SparkTransactionSummarizer.Columns.defaults());
    }

    private static Map<String, Row> byId(Dataset<Row> summaries) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : summaries.collectAsList()) {
            out.put(r.getString(r.fieldIndex(CustomerSummaries.ID)), r);
        }
        return out;
    }

    @Test
    void summarize_handExampleInDays_matchesHandCalculation() {
        Map<String, Row> s = byId(summarizer(new TransactionSummarizer.Config(CUTOFF, HOLDOUT_END, PeriodUnit.DAYS))
                .summarize(TransactionFrames.of(spark, handLog())));
        assertEquals(3, s.size(), "C is left out: " + s.keySet());
        Row a = s.get("A");
        assertEquals(LocalDate.of(2024, 1, 1), a.getDate(1).toLocalDate());
        assertEquals(2, a.getInt(2));
        assertEquals(30.0, a.getDouble(3));
        assertEquals(90.0, a.getDouble(4));
        assertEquals(30.0, a.getDouble(5)); // whole and half units: every partial sum is exact
        assertEquals(75.0, a.getDouble(6));
        assertEquals(2, a.getInt(7));
        assertEquals(11.0, a.getDouble(8));
        Row b = s.get("B");
        assertEquals(0, b.getInt(2));
        assertEquals(0.0, b.getDouble(3));
        assertEquals(0.0, b.getDouble(4));
        assertTrue(Double.isNaN(b.getDouble(5)), "monetary is NaN without repeat purchases");
        assertEquals(12.5, b.getDouble(6));
        assertEquals(0, b.getInt(7));
        assertEquals(0.0, b.getDouble(8));
        Row d = s.get("D");
        assertEquals(1, d.getInt(2));
        assertEquals(45.0, d.getDouble(3));
        assertEquals(45.0, d.getDouble(4));
        assertEquals(4.0, d.getDouble(5));
        assertEquals(12.0, d.getDouble(6));
    }

    @Test
    void summarize_outputSchema_matchesCoreTableNames() {
        Dataset<Row> s = summarizer(TransactionSummarizer.Config.at(CUTOFF)).summarize(TransactionFrames.of(spark, handLog()));
        assertEquals(List.of(CustomerSummaries.ID, CustomerSummaries.FIRST_PURCHASE, CustomerSummaries.FREQUENCY,
                CustomerSummaries.RECENCY, CustomerSummaries.AGE, CustomerSummaries.MONETARY, CustomerSummaries.TOTAL_SPEND,
                CustomerSummaries.HOLDOUT_PURCHASES, CustomerSummaries.HOLDOUT_SPEND), List.of(s.columns()));
        assertEquals(DataTypes.DateType, s.schema().apply(CustomerSummaries.FIRST_PURCHASE).dataType());
        assertEquals(DataTypes.IntegerType, s.schema().apply(CustomerSummaries.FREQUENCY).dataType());
    }

    @Test
    void summarize_generatedCdnowLogInWeeks_equalsCoreSummaries() {
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults()
                .withCustomers(3000).withSeed(7L));
        assertMatchesCore(gen.generate(), gen.config().calendar().summarizerConfig());
    }

    @Test
    void summarize_generatedLogInDaysWithLateAcquisitions_equalsCoreSummaries() {
        // acquisitions run past the cut-off, so some customers are first seen in the holdout and left out
        TransactionGenerator.Calendar cal = new TransactionGenerator.Calendar(LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31), LocalDate.of(2020, 9, 30), LocalDate.of(2021, 3, 31), PeriodUnit.DAYS);
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults()
                .withCustomers(2000).withSeed(11L).withCalendar(cal)
                .withPurchases(new TransactionGenerator.Purchases(0.243, 4.414 * 7, 0.793, 2.426)));
        CustomerSummaries core = assertMatchesCore(gen.generate(), cal.summarizerConfig());
        assertTrue(core.excludedAfterCutoff() > 0, "the test covers customers acquired after the cut-off");
    }

    /**
     * Compares Spark's summaries with core's, customer by customer. Counts, dates, recency and age
     * must be identical (integer day arithmetic and one division). The sums may differ by the order
     * of floating-point additions: for a customer with n purchases each partial sum carries a
     * relative rounding error below n * 2^-53 (about 1.1e-16 n), so 1e-12 relative covers any
     * history shorter than several thousand purchases.
     */
    private static CustomerSummaries assertMatchesCore(TransactionLog log, TransactionSummarizer.Config config) {
        CustomerSummaries core = TransactionSummarizer.of(config).summarize(log);
        Map<String, Row> s = byId(summarizer(config).summarize(TransactionFrames.of(spark, log)));
        assertEquals(core.size(), s.size(), "customers");
        for (int i = 0; i < core.size(); i++) {
            String id = core.customerId(i);
            Row r = s.get(id);
            assertTrue(r != null, "missing " + id);
            assertEquals(core.firstPurchase(i), r.getDate(1).toLocalDate(), id);
            assertEquals(core.frequency(i), r.getInt(2), id);
            assertEquals(core.recency(i), r.getDouble(3), id);
            assertEquals(core.age(i), r.getDouble(4), id);
            assertClose(core.monetary(i), r.getDouble(5), id + " monetary");
            assertClose(core.totalSpend(i), r.getDouble(6), id + " total spend");
            assertEquals(core.holdoutPurchases(i), r.getInt(7), id);
            assertClose(core.holdoutSpend(i), r.getDouble(8), id + " holdout spend");
        }
        return core;
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, found " + actual);
        } else {
            assertEquals(expected, actual, 1e-12 * Math.max(1.0, Math.abs(expected)), what);
        }
    }

    @Test
    void summarize_timestampsIntegerIdsFloatAmounts_sameAsDates() {
        Dataset<Row> dates = TransactionFrames.of(spark, handLog());
        // the same purchases at 23:59:59 UTC (the session time zone), ids as their ASCII codes
        // (A -> 65), amounts as floats (the example's amounts are exact in float)
        Dataset<Row> stamped = dates.select(
                ascii(col("customer_id")).as("who"),
                concat(col("date").cast(DataTypes.StringType), lit(" 23:59:59")).cast(DataTypes.TimestampType).as("at"),
                col("amount").cast(DataTypes.FloatType).as("value"));
        assertEquals(DataTypes.IntegerType, stamped.schema().apply("who").dataType());
        SparkTransactionSummarizer s = SparkTransactionSummarizer.of(
                new TransactionSummarizer.Config(CUTOFF, HOLDOUT_END, PeriodUnit.DAYS),
                SparkTransactionSummarizer.Columns.of("who", "at", "value"));
        Map<String, Row> fromStamps = byId(s.summarize(stamped));
        Map<String, Row> fromDates = byId(summarizer(new TransactionSummarizer.Config(CUTOFF, HOLDOUT_END,
                PeriodUnit.DAYS)).summarize(dates));
        assertEquals(Set.of("65", "66", "68"), fromStamps.keySet());
        for (String id : fromDates.keySet()) {
            Row expected = fromDates.get(id);
            Row actual = fromStamps.get(String.valueOf((int) id.charAt(0)));
            for (int c = 1; c < expected.length(); c++) {
                assertEquals(expected.get(c), actual.get(c), id + " column " + c);
            }
        }
    }

    @Test
    void collapse_generatedLog_countsEqualCoreTriples() {
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults()
                .withCustomers(1500).withSeed(3L));
        TransactionSummarizer.Config config = gen.config().calendar().summarizerConfig();
        TransactionLog log = gen.generate();
        CustomerSummaries core = TransactionSummarizer.of(config).summarize(log);
        // independent reference: count core's (x, t_x, T) triples in a map
        Map<List<Double>, Long> expected = new HashMap<>();
        for (int i = 0; i < core.size(); i++) {
            expected.merge(List.of((double) core.frequency(i), core.recency(i), core.age(i)), 1L, Long::sum);
        }
        List<Row> rows = SparkTransactionSummarizer.collapse(summarizer(config).summarize(TransactionFrames.of(spark, log)))
                .collectAsList();
        Map<List<Double>, Long> actual = new HashMap<>();
        long total = 0;
        for (Row r : rows) {
            actual.put(List.of((double) r.getInt(0), r.getDouble(1), r.getDouble(2)), r.getLong(3));
            total += r.getLong(3);
        }
        assertEquals(expected, actual);
        assertEquals(core.size(), total);
        assertTrue(rows.size() < core.size() / 2, "CDNOW-like data collapse: " + rows.size() + " triples");
    }

    @Test
    void summarize_missingColumn_failsBeforeAnyJobNamingIt() {
        Dataset<Row> tx = TransactionFrames.of(spark, handLog()).withColumnRenamed("amount", "Amount");
        String group = "missing-column-test";
        spark.sparkContext().setJobGroup(group, "no job expected", false);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> summarizer(TransactionSummarizer.Config.at(CUTOFF)).summarize(tx));
            assertTrue(e.getMessage().contains("'amount'"), e.getMessage());
            assertTrue(e.getMessage().contains("did you mean 'Amount'"), e.getMessage());
            assertEquals(0, spark.sparkContext().statusTracker().getJobIdsForGroup(group).length, "jobs run");
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    @Test
    void summarize_mistypedColumn_namesColumnAndTypes() {
        Dataset<Row> tx = TransactionFrames.of(spark, handLog())
                .withColumn("amount", col("amount").cast(DataTypes.StringType));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> summarizer(TransactionSummarizer.Config.at(CUTOFF)).summarize(tx));
        assertTrue(e.getMessage().contains("column 'amount' (transaction amount) has type string"), e.getMessage());
    }

    @Test
    void summarize_nullAmount_failsJobNamingColumn() {
        Dataset<Row> tx = TransactionFrames.of(spark, handLog())
                .withColumn("amount", org.apache.spark.sql.functions.when(col("customer_id").equalTo("D"), lit(null))
                        .otherwise(col("amount")).cast(DataTypes.DoubleType));
        Dataset<Row> s = summarizer(TransactionSummarizer.Config.at(CUTOFF)).summarize(tx);
        Exception e = assertThrows(Exception.class, s::collectAsList);
        assertTrue(String.valueOf(e.getMessage()).contains("column 'amount' (transaction amount) holds a null"),
                e.getMessage());
    }

    @Test
    void summarize_nanAmount_failsJobNamingColumn() {
        Dataset<Row> tx = TransactionFrames.of(spark, handLog())
                .withColumn("amount", org.apache.spark.sql.functions.when(col("customer_id").equalTo("B"),
                        lit(Double.NaN)).otherwise(col("amount")));
        Dataset<Row> s = summarizer(TransactionSummarizer.Config.at(CUTOFF)).summarize(tx);
        Exception e = assertThrows(Exception.class, s::collectAsList);
        assertTrue(String.valueOf(e.getMessage()).contains("NaN or infinite"), e.getMessage());
    }

    @Test
    void columns_blankName_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkTransactionSummarizer.Columns.of("id", " ", "amount"));
        assertEquals("time column name is blank", e.getMessage());
    }

    @Test
    void collapse_withoutRecency_throwsNamingColumn() {
        Dataset<Row> s = summarizer(TransactionSummarizer.Config.at(CUTOFF)).summarize(TransactionFrames.of(spark, handLog()))
                .drop(CustomerSummaries.RECENCY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkTransactionSummarizer.collapse(s));
        assertTrue(e.getMessage().startsWith("input has no column 'recency' (recency t_x)"), e.getMessage());
    }
}
