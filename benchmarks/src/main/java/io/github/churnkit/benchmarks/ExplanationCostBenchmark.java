package io.github.churnkit.benchmarks;

import io.github.churnkit.scoring.CustomerScore;
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
 * What do the extras cost per customer: the churn probability alone, the full score, and the full
 * score with its top-3 reasons (exact TreeSHAP for the tree models, linear contributions for the
 * logistic model)?
 *
 * <ul>
 *   <li>{@code probability}: {@code BoundScorer.probability(record)}: pipeline, model, calibration;
 *       no band, segment, CLV or reasons.</li>
 *   <li>{@code score}: {@code BoundScorer.score(record)}: plus band, segment and CLV.</li>
 *   <li>{@code scoreWithTop3Reasons}: {@code BoundScorer.score(record, 3)}: plus the three largest
 *       contributions (the explanation allocates its working arrays).</li>
 * </ul>
 * Same models and customers as {@link SingleScoreBenchmark} ({@link ChurnFixture}).
 *
 * <p>Three forks: the logistic model's score-to-probability ratio moved from 1.42 to 1.53 between
 * two single-fork runs on the same code (each fork's JIT compiles the short paths a little
 * differently), so one fork is not enough to compare it with the 1.5 target.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExplanationCostBenchmark -prof gc
 * -rf json -rff docs/benchmarks/ExplanationCostBenchmark.json} (or {@code scripts/bench.sh ExplanationCostBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExplanationCostBenchmark {

    /** The churn model. */
    @Param({"LOGISTIC", "TREES_100", "TREES_300", "TREES_1000"})
    public ModelKind model;

    /** Training rows. */
    @Param({"10000"})
    public int rows;

    private ChurnFixture f;
    private int next;

    /** Trains (or reuses) the models and prepares the customers. */
    @Setup
    public void setup() {
        f = ChurnFixture.of(model, rows);
    }

    private ChurnFixture.Customer nextCustomer() {
        int i = next;
        next = (i + 1) & (ChurnFixture.SAMPLE - 1);
        return f.customers[i];
    }

    /** The calibrated churn probability alone. */
    @Benchmark
    public double probability() {
        return f.bound.probability(nextCustomer());
    }

    /** The full score without reasons. */
    @Benchmark
    public CustomerScore score() {
        return f.bound.score(nextCustomer());
    }

    /** The full score with the three largest reasons. */
    @Benchmark
    public CustomerScore scoreWithTop3Reasons() {
        return f.bound.score(nextCustomer(), 3);
    }
}
