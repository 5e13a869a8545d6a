package io.github.churnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnkitSparkJobTest {

    @Test
    void summarize_csvInput_writesParquetSummariesAndTriples(@TempDir Path dir) throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path csv = dir.resolve("tx.csv");
        // X: Jan 1, Jan 8, Jan 15 (x = 2, t_x = 2 weeks, T = 4 weeks at Jan 29, monetary (3 + 4) / 2 = 3.5)
        // Y: Jan 29 only (x = 0, t_x = 0, T = 0)
        Files.writeString(csv, "who,day,paid\nX,2025-01-01,2\nX,2025-01-08,3\nX,2025-01-15,4\nY,2025-01-29,9\n");
        Path out = dir.resolve("summaries.parquet");
        Path triples = dir.resolve("triples.parquet");
        ChurnkitSparkJob.summarize(spark, ChurnkitSparkJob.parse(new String[] {"summarize", "--input", csv.toString(),
                "--output", out.toString(), "--cutoff", "2025-01-29", "--customer", "who", "--time", "day",
                "--amount", "paid", "--collapsed", triples.toString()}));
        List<Row> rows = spark.read().parquet(out.toString()).orderBy("customer_id").collectAsList();
        assertEquals(2, rows.size());
        assertEquals("X", rows.get(0).getString(0));
        assertEquals(2, rows.get(0).getInt(2));
        assertEquals(2.0, rows.get(0).getDouble(3));
        assertEquals(4.0, rows.get(0).getDouble(4));
        assertEquals(3.5, rows.get(0).getDouble(5));
        assertEquals(0, rows.get(1).getInt(2));
        assertEquals(2, spark.read().parquet(triples.toString()).count(), "two distinct (x, t_x, T) triples");
    }

    @Test
    void parse_optionWithoutValue_throwsWithUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnkitSparkJob.parse(new String[] {"summarize", "--cutoff"}));
        assertTrue(e.getMessage().startsWith("option --cutoff needs a value; usage:"), e.getMessage());
    }

    @Test
    void summarize_badCutoff_namesArgument() {
        Map<String, String> o = ChurnkitSparkJob.parse(new String[] {"summarize", "--input", "x", "--output", "y",
                "--cutoff", "31/12/2025"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnkitSparkJob.summarize(SparkTestSession.get(), o));
        assertEquals("--cutoff must be a date like 2025-12-31, found '31/12/2025'", e.getMessage());
    }
}
