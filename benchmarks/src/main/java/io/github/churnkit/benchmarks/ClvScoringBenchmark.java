package io.github.churnkit.benchmarks;

import io.github.churnkit.scoring.clv.BgNbdParameters;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.GammaGammaParameters;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the per-customer CLV formulas a scorer calls (churnkit-scoring, no fitting library): P(alive),
 * expected purchases in the next 52 weeks, 52-week discounted transactional CLV, subscription DERL, and the
 * subscription CLV from a churn probability (what {@code CustomerScorer} computes for a bundle whose CLV is
 * {@code ClvInputs.fromChurnProbability}, as in the scoring benchmarks). Inputs are drawn once in
 * {@code @Setup} and cycled through.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClvScoringBenchmark -prof gc} (or
 * {@code scripts/bench.sh ClvScoringBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ClvScoringBenchmark {

    private static final int N = 1024;
    private final BgNbdParameters bg = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private final GammaGammaParameters gg = new GammaGammaParameters(6.25, 3.74, 15.44);
    private final SbgParameters sbg = new SbgParameters(0.668, 3.806);
    private final ClvSettings weekly = new ClvSettings(0.3, 0.002, 52);
    private final ClvSettings defaults = ClvSettings.defaults();
    private final PurchaseHistory[] histories = new PurchaseHistory[N];
    private final double[] revenue = new double[N];
    private final double[] churn = new double[N];
    private int next;

    /** Draws plausible histories once. */
    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            double age = 26 + 13 * rng.nextDouble();
            int x = rng.nextInt(8);
            double tx = x == 0 ? 0 : age * rng.nextDouble();
            histories[i] = new PurchaseHistory(x, tx, age, x == 0 ? Double.NaN : 10 + 40 * rng.nextDouble());
            revenue[i] = 20 + 100 * rng.nextDouble();
            churn[i] = 0.01 + 0.98 * rng.nextDouble();
        }
    }

    private PurchaseHistory nextHistory() {
        next = (next + 1) & (N - 1);
        return histories[next];
    }

    /** P(alive) of one customer. */
    @Benchmark
    public double probabilityAlive() {
        PurchaseHistory h = nextHistory();
        return bg.probabilityAlive(h.frequency(), h.recency(), h.age());
    }

    /** Expected purchases in the next 52 weeks (eq. 10, one 2F1 series). */
    @Benchmark
    public double expectedPurchases52() {
        return bg.conditionalExpectedPurchases(52, nextHistory());
    }

    /** 52-week discounted CLV: 52 conditional expectations plus the Gamma-Gamma spend. */
    @Benchmark
    public double transactionalClv52() {
        return ClvFormulas.transactional(weekly, bg, gg, nextHistory());
    }

    /** Subscription CLV from a churn probability with the default settings (the scorer's per-customer CLV). */
    @Benchmark
    public double subscriptionFromChurnProbability() {
        next = (next + 1) & (N - 1);
        return ClvFormulas.subscriptionFromChurnProbability(defaults, revenue[next], churn[next]);
    }

    /** Subscription DERL over an unbounded horizon (one 2F1 series, 1% per period). */
    @Benchmark
    public double subscriptionDerl() {
        next = (next + 1) & (N - 1);
        return sbg.derl(0.01, next & 31);
    }
}
