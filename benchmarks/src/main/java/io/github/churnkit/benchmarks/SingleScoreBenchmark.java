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
 * How fast is one customer scored end to end, against the raw library call on the same model?
 *
 * <ul>
 *   <li>{@code churnkitScore}: {@code BoundScorer.score(record)}: the caller's record through the
 *       bound accessors, the feature pipeline, the model, calibration, risk band, segment and CLV
 *       into a {@link CustomerScore} (no reasons).</li>
 *   <li>{@code churnkitModel}: churnkit's runtime model alone ({@code TreeEnsemble} or
 *       {@code LinearPredictor}) on the prepared feature vector: the like-for-like comparison with
 *       the library call.</li>
 *   <li>{@code library}: the raw library call on prepared input: Smile
 *       {@code GradientTreeBoost.predict(Tuple, double[])} on a tuple built in {@code @Setup} for
 *       the tree models; Tribuo {@code predict(Example)} for the logistic model, building the
 *       {@code Example} from the feature vector in the call (standardised as in training), and
 *       reading P(churn) from the output scores.</li>
 * </ul>
 * The three run on the same trained model (the bundle holds the very trees Smile predicts with; see
 * {@link ChurnFixture}), trained on {@code rows} synthetic customers. 1,024 scoring customers are
 * drawn once in {@code @Setup}; each call scores the next one.
 *
 * <p>Replaces the per-call part of the former {@code ScoringBenchmark} (100 trees, trained on
 * 20,000 rows; here 10,000 rows, so that 1,000 trees train in well under a minute).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SingleScoreBenchmark -prof gc
 * -rf json -rff docs/benchmarks/SingleScoreBenchmark.json} (or {@code scripts/bench.sh SingleScoreBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SingleScoreBenchmark {

    /** The churn model. */
    @Param({"LOGISTIC", "TREES_100", "TREES_300", "TREES_1000"})
    public ModelKind model;

    /** Training rows. */
    @Param({"10000"})
    public int rows;

    private ChurnFixture f;
    private ChurnFixture.LibraryModel library;
    private int next;

    /** Trains (or reuses) the models and prepares the customers. */
    @Setup
    public void setup() {
        f = ChurnFixture.of(model, rows);
        library = f.library();
    }

    private int nextRow() {
        int i = next;
        next = (i + 1) & (ChurnFixture.SAMPLE - 1);
        return i;
    }

    /** End to end: record to {@link CustomerScore} (probability, band, segment, CLV). */
    @Benchmark
    public CustomerScore churnkitScore() {
        return f.bound.score(f.customers[nextRow()]);
    }

    /** churnkit's runtime model alone, from the prepared feature vector. */
    @Benchmark
    public double churnkitModel() {
        return f.runtime.probability(f.x[nextRow()]);
    }

    /** The raw library call (Smile for trees, Tribuo for logistic) on prepared input. */
    @Benchmark
    public double library() {
        return library.probability(nextRow());
    }
}
