package io.github.churnkit.benchmarks;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import io.github.churnkit.models.clv.BgNbdFitter;
import io.github.churnkit.models.clv.BgNbdModel;
import io.github.churnkit.models.clv.RfmData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a BG/NBD maximum-likelihood fit takes, from per-customer arrays (collapsing included) and
 * from already-collapsed data, on CDNOW-like simulated customers (core's generator, 39-week
 * calibration, day-resolution purchase dates expressed in weeks).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BgNbdFitBenchmark -prof gc}; the
 * {@code gc.alloc.rate.norm} column shows the bytes allocated per fit (for {@code fitCollapsed} it
 * grows with the distinct triples, not with the customers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BgNbdFitBenchmark {

    /** Number of customers (named "rows" like the other benchmarks so the smoke run can shrink it). */
    @Param({"2500", "1000000"})
    public int rows;

    private double[] frequency;
    private double[] recency;
    private double[] age;
    private RfmData collapsed;
    private final BgNbdFitter fitter = BgNbdFitter.withDefaults();

    /** Simulates the customers once. */
    @Setup
    public void setup() {
        TransactionGenerator.Config config = TransactionGenerator.Config.defaults().withCustomers(rows).withSeed(1);
        CustomerSummaries s = TransactionSummarizer.of(config.calendar().summarizerConfig())
                .summarize(TransactionGenerator.of(config).generate());
        int n = s.size();
        frequency = new double[n];
        recency = new double[n];
        age = new double[n];
        for (int i = 0; i < n; i++) {
            frequency[i] = s.frequency(i);
            recency[i] = s.recency(i);
            age[i] = s.age(i);
        }
        collapsed = RfmData.of(frequency, recency, age);
    }

    /** Collapse the per-customer arrays and fit. */
    @Benchmark
    public BgNbdModel fitFromArrays() {
        return fitter.fit(frequency, recency, age);
    }

    /** Fit data collapsed beforehand (as a streaming {@link RfmData.Builder} would produce). */
    @Benchmark
    public BgNbdModel fitCollapsed() {
        return fitter.fit(collapsed);
    }

    /** Collapsing alone. */
    @Benchmark
    public RfmData collapse() {
        return RfmData.of(frequency, recency, age);
    }
}
