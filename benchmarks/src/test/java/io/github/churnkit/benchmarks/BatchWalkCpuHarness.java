package io.github.churnkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A quick, repeatable comparison of the batch tree walk (and of the one-row walk) against Smile when
 * changing {@code BatchTrees}, {@code BitmaskTrees} or {@code CompleteTrees}: CPU time of the calling thread per row, best of several passes, so that other
 * jobs on a shared machine matter far less than for JMH's wall-clock figures. Not JMH and not a
 * test: run it by hand before and after a change, and confirm a gain with
 * {@link BatchScoringBenchmark} on a quiet machine.
 *
 * <p>C2 is sensitive to the shape of the walk (see {@code BatchTrees}), so compare whole runs of
 * this harness, not a change in isolation.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl benchmarks -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/test.classpath) \
 *     io.github.churnkit.benchmarks.BatchWalkCpuHarness [TREES_100|TREES_300|TREES_1000] [passes]
 * }</pre>
 *
 * On 2026-12-04 (2-core Intel Xeon VM, Temurin 25.0.3), 100 trees: about 740 ns per row for
 * churnkit's batch (bit-mask form; 806 ns with {@code -Dchurnkit.batchForm=walk}), 1,035 ns one row
 * per call, against 8,500 ns for Smile's loop over {@code predict}.
 */
public final class BatchWalkCpuHarness {

    private BatchWalkCpuHarness() {
    }

    /**
     * Runs the comparison.
     *
     * @param args the model kind (default TREES_100) and the number of passes (default 7)
     */
    public static void main(String[] args) {
        ModelKind kind = args.length > 0 ? ModelKind.valueOf(args[0]) : ModelKind.TREES_100;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ChurnFixture f = ChurnFixture.of(kind, 10_000);
        ChurnFixture.LibraryModel library = f.library();
        int n = ChurnFixture.SAMPLE;
        double[] out = new double[n];
        Runnable churnkit = () -> f.runtime.batchProbability(f.flat, n, out);
        Runnable smile = () -> library.probabilities(out);
        Runnable churnkitCalls = () -> {
            for (int i = 0; i < n; i++) {
                out[i] = f.runtime.probability(f.x[i]);
            }
        };
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            double a = best(churnkit, passes, n);
            double b = best(smile, passes, n);
            double c = best(churnkitCalls, passes, n);
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%s: churnkit batch %.1f ns/row, library %.1f ns/row, ratio %.2f;"
                        + " churnkit one row per call %.1f ns, ratio %.2f%n", kind, a, b, b / a, c, b / c);
            }
        }
    }

    /** Best CPU time per row over {@code passes} passes of 200 calls of {@code rows} rows each. */
    private static double best(Runnable call, int passes, int rows) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int p = 0; p < passes; p++) {
            long start = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                call.run();
            }
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - start) / (200.0 * rows));
        }
        return best;
    }
}
