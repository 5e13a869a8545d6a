package io.github.churnkit.scoring;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * CPU time and allocation per row of single-record scoring with and without reasons, on scoring's
 * fixture bundle ({@link ScorerFixtures#bundle()}: default pipeline, 30 trees of depth 4, Platt
 * calibration, bands, segments, CLV). Not a unit test and not a JMH benchmark: a quick harness for
 * comparing code versions on a shared machine, where wall-clock time is unreliable. It times each
 * case by the current thread's CPU time ({@link java.lang.management.ThreadMXBean}) and counts the
 * bytes the thread allocated ({@code com.sun.management.ThreadMXBean}); compare relative numbers
 * between runs on the same machine only. Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl scoring -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp scoring/target/test-classes:scoring/target/classes:$(cat scoring/target/test.classpath) \
 *     io.github.churnkit.scoring.ReasonsCpuHarness 20000 7
 * </pre>
 *
 * <p>Arguments: records per pass (default 20,000), timed passes per case (default 7; two more
 * passes warm up first) and the depth of the 30 trees (default 4, the fixture bundle itself; another
 * depth swaps in {@link ScorerFixtures#trees} of that depth, same seed). Each line gives the median CPU nanoseconds per record, the records per
 * CPU-second it implies, and the bytes allocated per record in the median pass.
 */
public final class ReasonsCpuHarness {

    private ReasonsCpuHarness() {
    }

    /** Runs the harness; arguments: records per pass, timed passes, tree depth. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        if (n < 1 || passes < 1 || depth < 1) {
            throw new IllegalArgumentException("records, passes and depth must be >= 1, found " + n + ", " + passes
                    + " and " + depth);
        }
        CustomerScorer scorer = CustomerScorer.of(depth == 4 ? ScorerFixtures.bundle()
                : ScorerFixtures.bundle(ScorerFixtures.trees(ScorerFixtures.pipeline().width(), 30, depth, 11L)));
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(scorer);
        List<ScorerFixtures.Customer> records = records(n, 22L);
        List<Map<String, Object>> maps = new ArrayList<>(n);
        for (ScorerFixtures.Customer c : records) {
            maps.add(map(c));
        }
        System.out.printf(Locale.ROOT, "java %s, %s; %d records per pass, median of %d passes%n",
                System.getProperty("java.version"), scorer, n, passes);
        run("bound probability(r)", records, bound::probability, passes);
        run("bound score(r)", records, r -> bound.score(r).churnProbability(), passes);
        run("bound score(r, 3)", records, r -> bound.score(r, 3).reasons().size(), passes);
        run("map score(m, 3)", maps, m -> scorer.score(m, 3).reasons().size(), passes);
    }

    private static <T> void run(String what, List<T> rows, ToDoubleFunction<T> job, int passes) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double sink = 0;
        for (int i = 0; i < 2; i++) {
            sink += pass(rows, job);
        }
        long[] cpu = new long[passes];
        long[] bytes = new long[passes];
        for (int i = 0; i < passes; i++) {
            long b0 = mx.getThreadAllocatedBytes(id);
            long t0 = mx.getCurrentThreadCpuTime();
            sink += pass(rows, job);
            cpu[i] = mx.getCurrentThreadCpuTime() - t0;
            bytes[i] = mx.getThreadAllocatedBytes(id) - b0;
        }
        long[] sorted = cpu.clone();
        Arrays.sort(sorted);
        long median = sorted[passes / 2];
        int at = 0;
        while (cpu[at] != median) {
            at++;
        }
        double ns = (double) median / rows.size();
        System.out.printf(Locale.ROOT, "%-24s %10.0f ns/row CPU %12.0f rows/CPU-s %8.0f B/row (checksum %.6g)%n",
                what, ns, 1e9 / ns, (double) bytes[at] / rows.size(), sink);
    }

    private static <T> double pass(List<T> rows, ToDoubleFunction<T> job) {
        double sum = 0;
        for (int i = 0, n = rows.size(); i < n; i++) {
            sum += job.applyAsDouble(rows.get(i));
        }
        return sum;
    }

    /** {@code n} records of the fixture table's distribution (about 3% of three columns missing). */
    static List<ScorerFixtures.Customer> records(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ScorerFixtures.Customer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScorerFixtures.Customer(
                    r.nextDouble() < 0.03 ? Double.NaN : r.nextInt(1, 73),
                    r.nextDouble() < 0.03 ? Double.NaN : 18 + 100 * r.nextDouble(),
                    r.nextBoolean(),
                    r.nextDouble() < 0.03 ? null : ScorerFixtures.CONTRACTS.get(r.nextInt(3)),
                    ScorerFixtures.PAYMENTS.get(r.nextInt(4))));
        }
        return out;
    }

    private static Map<String, Object> map(ScorerFixtures.Customer c) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("tenure", Double.isNaN(c.tenure()) ? null : c.tenure());
        m.put("charges", Double.isNaN(c.charges()) ? null : c.charges());
        m.put("paperless", c.paperless());
        m.put("contract", c.contract());
        m.put("payment", c.payment());
        return m;
    }
}
