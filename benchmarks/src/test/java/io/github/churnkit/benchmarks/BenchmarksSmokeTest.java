package io.github.churnkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark of this module once, in-process and with very short iterations, so the
 * benchmarks keep compiling and running in the normal build. The figures it produces mean nothing;
 * the real runs use {@code benchmarks/target/benchmarks.jar} (see {@code docs/benchmarks.md}).
 *
 * <p>Benchmarks whose {@code @Setup} is expensive at full size read the smaller sizes given here
 * through their {@code @Param} names; a name a benchmark does not declare is ignored by JMH.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmark_shortRun_producesAFiniteScore() throws RunnerException, IOException {
        Set<String> declared = declaredBenchmarks();
        assertFalse(declared.isEmpty(), "no benchmarks were generated (annotation processing off?)");

        OptionsBuilder builder = new OptionsBuilder();
        builder.include("io\\.github\\.churnkit\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        SmokeParams.apply(builder);
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            ran.add(name);
            double score = r.getPrimaryResult().getScore();
            assertTrue(Double.isFinite(score) && score >= 0, name + " gave score " + score);
        }
        assertEquals(declared, ran, "every declared benchmark runs");
    }

    /** Benchmark method names listed by JMH's annotation processor. */
    private static Set<String> declaredBenchmarks() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = BenchmarksSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            if (in == null) {
                return names;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                // each line is a record of fields separated by spaces; the second names the method
                String[] f = line.trim().split(" ");
                if (f.length > 3 && line.startsWith("JMH S")) {
                    names.add(parseName(line));
                }
            }
        }
        return names;
    }

    private static String parseName(String line) {
        // format: "JMH S <len> <userClassQName> S <len> <generatedClassQName> S <len> <method> ..."
        String[] f = line.trim().split(" ");
        return f[3] + "." + f[9];
    }
}
