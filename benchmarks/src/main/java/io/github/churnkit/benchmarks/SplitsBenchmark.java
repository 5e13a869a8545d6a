package io.github.churnkit.benchmarks;

import io.github.churnkit.core.Splits;
import java.util.SplittableRandom;
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
 * How long a seeded stratified 5-fold assignment takes (the first step of every cross-validation).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SplitsBenchmark -prof gc} (or
 * {@code scripts/bench.sh SplitsBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SplitsBenchmark {

    /** Number of rows. */
    @Param({"7043"})
    public int rows;

    private int[] labels;

    /** Draws the labels once. */
    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = rng.nextDouble() < 0.265 ? 1 : 0;
        }
    }

    /** Stratified 5-fold assignment. */
    @Benchmark
    public int[] stratifiedFolds() {
        return Splits.stratifiedFolds(labels, 5, 42L);
    }
}
