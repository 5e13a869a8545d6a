package io.github.churnkit.benchmarks;

import io.github.churnkit.scoring.ScoreBatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast are customers scored 1,024 per call? Every figure is per row (JMH
 * {@code @OperationsPerInvocation(1024)}), so it compares directly with {@link SingleScoreBenchmark}.
 *
 * <ul>
 *   <li>{@code churnkitModelBatch}: the runtime model's {@code batchProbability} over 1,024 prepared
 *       feature vectors (row-major in one array; a tree ensemble walks rows in blocks).</li>
 *   <li>{@code libraryBatch}: the library on the same prepared input: for Smile a loop over
 *       {@code predict(Tuple, double[])} (it has no batch call for posteriors); for Tribuo
 *       {@code predict(List<Example>)}, building the 1,024 examples in the call.</li>
 *   <li>{@code churnkitProbabilities}: end to end, {@code BoundScorer.probabilities(records, out)}:
 *       records through the pipeline into the batch model, calibrated.</li>
 *   <li>{@code churnkitScoreBatch}: end to end, {@code BoundScorer.scoreBatch(records, ScoreBatch)}:
 *       probability, band, segment and CLV of each record into caller-owned arrays.</li>
 * </ul>
 * Same models and customers as {@link SingleScoreBenchmark} ({@link ChurnFixture}).
 *
 * <p>Replaces the batch part of the former {@code ScoringBenchmark} (100 trees only).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BatchScoringBenchmark -prof gc
 * -rf json -rff docs/benchmarks/BatchScoringBenchmark.json} (or {@code scripts/bench.sh BatchScoringBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BatchScoringBenchmark {

    private static final int BATCH = ChurnFixture.SAMPLE;

    /** The churn model. */
    @Param({"LOGISTIC", "TREES_100", "TREES_300", "TREES_1000"})
    public ModelKind model;

    /** Training rows. */
    @Param({"10000"})
    public int rows;

    private ChurnFixture f;
    private ChurnFixture.LibraryModel library;
    private double[] out;
    private ScoreBatch scores;

    /** Trains (or reuses) the models and allocates the output arrays. */
    @Setup
    public void setup() {
        f = ChurnFixture.of(model, rows);
        library = f.library();
        out = new double[BATCH];
        scores = ScoreBatch.withCapacity(BATCH);
    }

    /** churnkit's runtime model, 1,024 prepared rows per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] churnkitModelBatch() {
        f.runtime.batchProbability(f.flat, BATCH, out);
        return out;
    }

    /** The library, 1,024 prepared rows per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] libraryBatch() {
        library.probabilities(out);
        return out;
    }

    /** End to end: 1,024 records to calibrated probabilities. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] churnkitProbabilities() {
        f.bound.probabilities(f.customerList, out);
        return out;
    }

    /** End to end: 1,024 records to probability, band, segment and CLV. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ScoreBatch churnkitScoreBatch() {
        f.bound.scoreBatch(f.customerList, scores);
        return scores;
    }
}
