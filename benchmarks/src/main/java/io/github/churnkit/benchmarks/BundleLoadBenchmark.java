package io.github.churnkit.benchmarks;

import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does loading a model take? {@code CustomerScorer.load} of a realistic bundle: the
 * calibrated churn model, 4 segments, CLV settings, the drift baseline and provenance (see
 * {@link ChurnFixture}), average time and, with {@code -prof gc}, bytes allocated per load.
 *
 * <ul>
 *   <li>{@code loadFromBytes}: from an in-memory stream: read, checksum, decode and cross-check
 *       every section, build the scorer.</li>
 *   <li>{@code loadFromFile}: the same from a file (a temporary file written in {@code @Setup}, so
 *       after the first load it is read from the operating system's page cache, not the disk).</li>
 *   <li>{@code parseOnly}: {@code ModelBundle.parse(bytes)}: copying the bytes, the container
 *       format and the checksum, without decoding the sections; the difference to {@code loadFromBytes} is the
 *       decoding and validation.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BundleLoadBenchmark -prof gc
 * -rf json -rff docs/benchmarks/BundleLoadBenchmark.json} (or {@code scripts/bench.sh BundleLoadBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class BundleLoadBenchmark {

    /** The churn model in the bundle. */
    @Param({"LOGISTIC", "TREES_100", "TREES_1000"})
    public ModelKind model;

    /** Training rows. */
    @Param({"10000"})
    public int rows;

    private byte[] bytes;
    private Path file;

    /** Trains (or reuses) the models and writes the bundle to a temporary file. */
    @Setup
    public void setup() throws IOException {
        bytes = ChurnFixture.of(model, rows).bundleBytes;
        file = Files.createTempFile("churnkit-bench-", ".ckb");
        Files.write(file, bytes);
    }

    /** Deletes the temporary file. */
    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Load from bytes in memory. */
    @Benchmark
    public CustomerScorer loadFromBytes() {
        return CustomerScorer.load(new ByteArrayInputStream(bytes));
    }

    /** Load from a file. */
    @Benchmark
    public CustomerScorer loadFromFile() {
        return CustomerScorer.load(file);
    }

    /** The container and checksum alone. */
    @Benchmark
    public ModelBundle parseOnly() {
        return ModelBundle.parse(bytes);
    }
}
