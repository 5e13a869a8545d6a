package io.github.churnkit.benchmarks;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.Calibration;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.ChurnTrainer;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
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
 * How long training a churn model takes on synthetic subscription customers (the default
 * {@code SubscriptionGenerator}, churn rate 11%, default feature pipeline: about 50 features).
 * One training run per measurement ({@link Mode#SingleShotTime}).
 *
 * <p>{@code trainer}: {@code logistic} / {@code boosted} are the default trainers, which fit
 * {@code folds + 1} models (3 held-out folds for calibration and, for trees, early stopping, then the
 * final model); {@code logistic-single} / {@code boosted-single} fit one model (no calibration, no
 * early stopping: 250 trees), the raw cost of one Tribuo / Smile fit.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChurnTrainingBenchmark -prof gc} (or
 * {@code scripts/bench.sh ChurnTrainingBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ChurnTrainingBenchmark {

    /** Number of customers. */
    @Param({"100000"})
    public int rows;

    /** Which trainer (see the class comment). */
    @Param({"logistic", "logistic-single", "boosted", "boosted-single"})
    public String trainer;

    private double[][] x;
    private int[] y;
    private FittedPipeline pipeline;
    private ChurnTrainer churnTrainer;

    /** Generates the customers and their feature matrix once. */
    @Setup
    public void setup() {
        CustomerTable table = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
                .withCustomers(rows).withSeed(11)).generate();
        pipeline = FeaturePipeline.defaults(table.schema()).fit(table);
        x = pipeline.transformOutOfFold(table);
        y = table.targetLabels();
        churnTrainer = switch (trainer) {
            case "logistic" -> LogisticChurnTrainer.withDefaults();
            case "logistic-single" -> LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults()
                    .withCalibration(Calibration.NONE));
            case "boosted" -> BoostedChurnTrainer.withDefaults();
            case "boosted-single" -> BoostedChurnTrainer.of(BoostedChurnTrainer.Config.defaults()
                    .withCalibration(Calibration.NONE).withEarlyStopping(false));
            default -> throw new IllegalArgumentException("unknown trainer '" + trainer + "'");
        };
    }

    /** Trains one model. */
    @Benchmark
    public ChurnModel train() {
        return churnTrainer.fit(pipeline, x, y);
    }
}
