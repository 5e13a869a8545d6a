package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that ingest memory grows with the accepted data only: 1,000,000 rows x 20 columns (an id,
 * 12 numbers, 4 yes/no flags including the target, 2 categories and a date; about 110 MB of CSV)
 * load in a 1 GiB heap.
 *
 * <p>Run by the {@code memory-it} surefire execution in {@code core/pom.xml}, which forks a JVM
 * with {@code -Xmx1g} and sets {@code churnkit.memory.it=true}; there the first assertion checks
 * that the limit is really in force, so the test cannot pass on a bigger heap by accident (in any
 * other execution it is skipped). Alone:
 * {@code ./mvnw -B -ntp -pl core verify -Dtest=CsvIngestMemoryIT -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Expected size of the table (the bound asserted below): 16 {@code double[]} columns x 8 MB +
 * 2 {@code int[]} category columns x 4 MB + 1 {@code int[]} date column x 4 MB + 1,000,000 id
 * strings of 8 characters (about 48 bytes each with their arrays and the {@code String[]} slot),
 * roughly 128 + 8 + 4 + 52 = 192 MB; the test allows 400 MB of live heap after loading.
 */
class CsvIngestMemoryIT {

    private static final int ROWS = 1_000_000;
    private static final long GIB = 1L << 30;
    private static final String[] PLANS = {"Basic", "Standard", "Premium", "Family"};

    @TempDir
    Path dir;

    @Test
    void read_millionRowsTwentyColumns_fitsInOneGibHeap() throws IOException {
        // -Dtest=CsvIngestMemoryIT also selects it in the default execution, whose heap is not capped
        assumeTrue(Boolean.getBoolean("churnkit.memory.it"), "runs in the memory-it execution only");
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= GIB + (GIB / 10), "the memory-it execution must run with -Xmx1g; max heap is "
                + maxHeap);

        Path file = dir.resolve("big.csv");
        double sumFirstNumber = write(file);

        CsvIngest.Result r = CsvIngest.withDefaults().read(file);
        CustomerTable t = r.table();
        assertEquals(ROWS, t.rowCount());
        assertEquals(20, t.columnCount());
        assertEquals(ROWS, r.report().rowsRead());
        assertEquals(r.report().rowsRead(), r.report().rowsAccepted() + r.report().rowsRejected());

        Schema s = t.schema();
        assertEquals(ColumnRole.ID, s.column("customer_id").role());
        assertEquals(ColumnRole.TARGET, s.column("churned").role());
        assertEquals(ColumnType.BOOLEAN, s.column("churned").type());
        assertEquals(ColumnType.NUMERIC, s.column("n0").type());
        assertEquals(ColumnType.CATEGORICAL, s.column("plan").type());
        assertEquals(ColumnType.DATE, s.column("signup").type());
        assertEquals("C0000000", t.text("customer_id").get(0));
        assertEquals("C0999999", t.text("customer_id").get(ROWS - 1));
        double sum = 0;
        NumericColumn n0 = t.numeric("n0");
        for (int i = 0; i < ROWS; i++) {
            sum += n0.get(i);
        }
        // n0 holds integers below 2^20, so both sums are exact
        assertEquals(sumFirstNumber, sum);

        long live = liveHeap();
        assertTrue(live < 400L << 20, "live heap after loading is " + (live >> 20) + " MB");
        assertEquals(ROWS, t.rowCount()); // keeps the table reachable until after the measurement
    }

    /** Writes the file; returns the sum of column n0 for the check above. */
    private static double write(Path file) throws IOException {
        SplittableRandom rng = new SplittableRandom(20261123L);
        LocalDate start = LocalDate.of(2020, 1, 1);
        double sum = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer_id");
            for (int k = 0; k < 12; k++) {
                w.write(",n" + k);
            }
            w.write(",paperless,partner,streaming,plan,region,signup,churned\n");
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < ROWS; i++) {
                sb.setLength(0);
                String digits = Integer.toString(i);
                sb.append('C').append("0000000", digits.length(), 7).append(digits);
                int n0 = rng.nextInt(1 << 20);
                sum += n0;
                sb.append(',').append(n0);
                for (int k = 1; k < 12; k++) {
                    sb.append(',');
                    if (k % 2 == 0) {
                        sb.append(rng.nextInt(100_000));
                    } else {
                        sb.append(rng.nextInt(10_000)).append('.').append(rng.nextInt(100));
                    }
                }
                for (int k = 0; k < 3; k++) {
                    sb.append(rng.nextBoolean() ? ",Yes" : ",No");
                }
                sb.append(',').append(PLANS[rng.nextInt(PLANS.length)]);
                sb.append(",R").append(rng.nextInt(10));
                sb.append(',').append(start.plusDays(rng.nextInt(1500)));
                sb.append(rng.nextInt(4) == 0 ? ",Yes\n" : ",No\n");
                w.append(sb);
            }
        }
        return sum;
    }

    private static long liveHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
