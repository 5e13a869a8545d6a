package io.github.churnkit.benchmarks;

import io.github.churnkit.scoring.BoundScorer;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does one shared scorer scale with threads? {@code BoundScorer.score(record)} (probability, band,
 * segment, CLV; no reasons) from 1 and from 2 threads at once, on one {@code CustomerScorer} shared
 * by all threads (each thread gets its own scratch buffers inside the scorer) and per-thread data:
 * each thread scores its own deep copy of the 1,024 customers with its own cursor.
 *
 * <p>JMH reports the total throughput of all threads; per thread is the total divided by the
 * thread count (the table generator prints both). On the 2-core machine of {@code docs/benchmarks.md},
 * perfect scaling is 2x; anything else running on the machine takes from the 2-thread figure first.
 *
 * <p>Same models and customers as {@link SingleScoreBenchmark} ({@link ChurnFixture}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ThreadScalingBenchmark -prof gc
 * -rf json -rff docs/benchmarks/ThreadScalingBenchmark.json} (or {@code scripts/bench.sh ThreadScalingBenchmark}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThreadScalingBenchmark {

    /** The model and the scorer, shared by every thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** The churn model. */
        @Param({"LOGISTIC", "TREES_100", "TREES_300", "TREES_1000"})
        public ModelKind model;

        /** Training rows. */
        @Param({"10000"})
        public int rows;

        ChurnFixture fixture;

        /** Trains (or reuses) the models. */
        @Setup
        public void setup() {
            fixture = ChurnFixture.of(model, rows);
        }
    }

    /** One thread's own customers and cursor. */
    @State(Scope.Thread)
    public static class PerThread {
        ChurnFixture.Customer[] customers;
        BoundScorer<ChurnFixture.Customer> scorer;
        int next;

        /** Copies the customers in this thread, so each thread reads its own objects. */
        @Setup
        public void setup(Shared shared) {
            ChurnFixture.Customer[] source = shared.fixture.customers;
            customers = new ChurnFixture.Customer[source.length];
            for (int i = 0; i < source.length; i++) {
                customers[i] = source[i].copy();
            }
            scorer = shared.fixture.bound;
        }

        CustomerScore scoreNext() {
            int i = next;
            next = (i + 1) & (ChurnFixture.SAMPLE - 1);
            return scorer.score(customers[i]);
        }
    }

    /** One thread scoring. */
    @Benchmark
    @Threads(1)
    public CustomerScore oneThread(PerThread t) {
        return t.scoreNext();
    }

    /** Two threads scoring at once with the same scorer; the score is their total. */
    @Benchmark
    @Threads(2)
    public CustomerScore twoThreads(PerThread t) {
        return t.scoreNext();
    }
}
