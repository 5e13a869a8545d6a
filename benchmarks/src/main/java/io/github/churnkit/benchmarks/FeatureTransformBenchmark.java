package io.github.churnkit.benchmarks;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.TextColumn;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.features.RawRow;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-row feature transform of a Telco-like customer (19 raw inputs: 3 numbers, 1 boolean and
 * 15 categories arriving as strings; 46 outputs): {@link FittedPipeline#transform(RawRow, double[])}
 * against a naive baseline that builds a {@code Map<String, Object>} per row and one-hot encodes
 * from it with map look-ups, producing the same vector (checked in {@code @Setup}).
 *
 * <p>The pipeline is the unconfigured default, fitted in {@code @Setup} on 5,000 seeded random
 * training rows; 1,024 scoring rows (about 3% with a missing TotalCharges, a few with a level never
 * seen in training) are drawn once into arrays and cycled by index. Category strings are fresh
 * copies of the level text, so look-ups compare characters rather than references; their hash
 * codes are cached after the first cycle, as a string reused by a caller would be.
 *
 * <p>Besides rows per second (wall clock), each benchmark reports the CPU and wall milliseconds of
 * its measured iterations ({@link CpuTime}), from which rows per second per core is estimated on
 * a machine shared with other work. Results: {@code docs/benchmarks.md}.
 *
 * <p>Run (after {@code ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests}):
 * {@code java -jar benchmarks/target/benchmarks.jar FeatureTransformBenchmark -prof gc}
 * (the annotations give 1 fork, 3 warm-up and 5 measured iterations of 1 s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeatureTransformBenchmark {

    private static final int ROWS = 1024;
    private static final int TRAINING_ROWS = 5000;

    /** Name, levels (first = most common) of the categorical columns of a Telco-like record. */
    private static final String[][] CATEGORIES = {
        {"gender", "Male", "Female"},
        {"Partner", "No", "Yes"},
        {"Dependents", "No", "Yes"},
        {"PhoneService", "Yes", "No"},
        {"MultipleLines", "No", "Yes", "No phone service"},
        {"InternetService", "Fiber optic", "DSL", "No"},
        {"OnlineSecurity", "No", "Yes", "No internet service"},
        {"OnlineBackup", "No", "Yes", "No internet service"},
        {"DeviceProtection", "No", "Yes", "No internet service"},
        {"TechSupport", "No", "Yes", "No internet service"},
        {"StreamingTV", "No", "Yes", "No internet service"},
        {"StreamingMovies", "No", "Yes", "No internet service"},
        {"Contract", "Month-to-month", "Two year", "One year"},
        {"PaperlessBilling", "Yes", "No"},
        {"PaymentMethod", "Electronic check", "Mailed check", "Bank transfer (automatic)",
            "Credit card (automatic)"},
    };
    private static final String[] NUMBERS = {"tenure", "MonthlyCharges", "TotalCharges"};

    private FittedPipeline fitted;
    private NaiveEncoder naive;
    private ArrayRow row;
    private double[] out;
    private double[][] numbers;
    private String[][] categories;
    private String[] inputNames;
    private boolean[] categorical;
    private int next;

    /** A caller's record: a view of one pre-drawn row, switched by index without allocating. */
    static final class ArrayRow implements RawRow {
        double[] numbers;
        String[] categories;

        @Override
        public double number(int input) {
            return numbers[input];
        }

        @Override
        public String category(int input) {
            return categories[input];
        }
    }

    /** Fits the pipeline on seeded random training rows and draws the scoring rows. */
    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(20_240_601L);
        CustomerTable training = table(rng, TRAINING_ROWS);
        fitted = FeaturePipeline.defaults(training.schema()).fit(training);
        int n = fitted.inputColumns().size();
        inputNames = fitted.inputColumns().toArray(new String[0]);
        categorical = new boolean[n];
        for (int j = 0; j < n; j++) {
            categorical[j] = fitted.inputType(j) == ColumnType.CATEGORICAL;
        }
        CustomerTable scoring = table(rng, ROWS);
        numbers = new double[ROWS][n];
        categories = new String[ROWS][n];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < n; j++) {
                Column c = scoring.column(inputNames[j]);
                if (categorical[j]) {
                    String level = ((CategoricalColumn) c).get(r);
                    if (rng.nextInt(200) == 0) {
                        level = "Unknown level";
                    }
                    categories[r][j] = level == null ? null : new String(level.toCharArray());
                } else {
                    numbers[r][j] = ((NumericColumn) c).get(r);
                }
            }
        }
        naive = new NaiveEncoder(fitted, training);
        row = new ArrayRow();
        out = new double[fitted.width()];
        double[] check = new double[fitted.width()];
        for (int r = 0; r < ROWS; r++) {
            row.numbers = numbers[r];
            row.categories = categories[r];
            fitted.transform(row, out);
            naive.encode(toMap(r), check);
            for (int k = 0; k < out.length; k++) {
                if (Math.abs(out[k] - check[k]) > 1e-9) {
                    throw new IllegalStateException("baseline differs at row " + r + ", feature "
                            + fitted.featureNames().get(k) + ": " + out[k] + " vs " + check[k]);
                }
            }
        }
    }

    /**
     * CPU time and wall time of the benchmark thread per measured iteration, summed over the
     * iterations: on a machine shared with other work the thread is not always on a core, so
     * {@code score * wallMs / cpuMs} estimates rows per second per core. (JMH reads the counters at
     * the end of each iteration; the thread is identified once, so any reading thread works.)
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        private long thread;
        private long cpu0;
        private long wall0;

        /** Marks the start of an iteration. */
        @Setup(Level.Iteration)
        public void start() {
            thread = Thread.currentThread().threadId();
            cpu0 = MX.getThreadCpuTime(thread);
            wall0 = System.nanoTime();
        }

        /** CPU milliseconds of the benchmark thread in this iteration. */
        public double cpuMs() {
            return (MX.getThreadCpuTime(thread) - cpu0) / 1e6;
        }

        /** Wall-clock milliseconds of this iteration. */
        public double wallMs() {
            return (System.nanoTime() - wall0) / 1e6;
        }
    }

    /** The churnkit hot path: one pre-drawn row into a reused array. */
    @Benchmark
    public double[] fittedPipeline(CpuTime time) {
        int r = next;
        next = (r + 1) & (ROWS - 1);
        row.numbers = numbers[r];
        row.categories = categories[r];
        fitted.transform(row, out);
        return out;
    }

    /** The baseline: a {@code Map<String, Object>} per row, one-hot encoded from map look-ups. */
    @Benchmark
    public double[] naiveMap(CpuTime time) {
        int r = next;
        next = (r + 1) & (ROWS - 1);
        naive.encode(toMap(r), out);
        return out;
    }

    private Map<String, Object> toMap(int r) {
        Map<String, Object> m = new HashMap<>();
        for (int j = 0; j < inputNames.length; j++) {
            m.put(inputNames[j], categorical[j] ? categories[r][j] : (Object) numbers[r][j]);
        }
        return m;
    }

    private static CustomerTable table(SplittableRandom rng, int n) {
        Schema.Builder schema = Schema.builder().add("customerID", ColumnRole.ID, ColumnType.TEXT);
        List<Column> cols = new ArrayList<>();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "C" + i;
        }
        cols.add(TextColumn.of("customerID", ids));
        for (String[] spec : CATEGORIES) {
            String[] v = new String[n];
            for (int i = 0; i < n; i++) {
                // first level about half the time, the rest shared out evenly
                int k = rng.nextBoolean() ? 1 : 1 + rng.nextInt(spec.length - 1);
                v[i] = spec[k];
            }
            schema.add(spec[0], ColumnRole.FEATURE, ColumnType.CATEGORICAL);
            cols.add(CategoricalColumn.of(spec[0], v));
        }
        double[] senior = new double[n];
        double[] tenure = new double[n];
        double[] monthly = new double[n];
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            senior[i] = rng.nextInt(6) == 0 ? 1 : 0;
            tenure[i] = rng.nextInt(73);
            monthly[i] = 18.25 + rng.nextDouble() * 100.5;
            total[i] = rng.nextInt(32) == 0 ? Double.NaN : Math.max(1, tenure[i]) * monthly[i];
        }
        schema.add("SeniorCitizen", ColumnRole.FEATURE, ColumnType.BOOLEAN);
        cols.add(NumericColumn.ofBoolean("SeniorCitizen", senior));
        double[][] nums = {tenure, monthly, total};
        for (int k = 0; k < NUMBERS.length; k++) {
            schema.add(NUMBERS[k], ColumnRole.FEATURE, ColumnType.NUMERIC);
            cols.add(NumericColumn.of(NUMBERS[k], nums[k]));
        }
        double[] churn = new double[n];
        for (int i = 0; i < n; i++) {
            churn[i] = rng.nextInt(4) == 0 ? 1 : 0;
        }
        schema.add("Churn", ColumnRole.TARGET, ColumnType.BOOLEAN);
        cols.add(NumericColumn.ofBoolean("Churn", churn));
        return CustomerTable.of(schema.build(), cols);
    }

    /**
     * What a hand-written encoder usually looks like: per input a map look-up in the row, boxed
     * numbers, and a map from level to output position per categorical column. It learns the same
     * statistics as the default pipeline (median fill, mean, population sd) from the same table.
     */
    static final class NaiveEncoder {
        private final List<String> numericNames = new ArrayList<>();
        private final List<double[]> numericStats = new ArrayList<>(); // fill, mean, sd, value slot, flag slot
        private final Map<String, Map<String, Integer>> slots = new HashMap<>();
        private final int width;

        NaiveEncoder(FittedPipeline fitted, CustomerTable training) {
            List<String> names = fitted.featureNames();
            width = names.size();
            for (int f = 0; f < width; f++) {
                String name = names.get(f);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    slots.computeIfAbsent(name.substring(0, eq), k -> new HashMap<>()).put(name.substring(eq + 1), f);
                } else if (!name.endsWith("_missing")) {
                    NumericColumn c = training.numeric(name);
                    double[] v = Arrays.stream(c.toArray()).filter(d -> !Double.isNaN(d)).sorted().toArray();
                    double fill = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
                    double[] filled = Arrays.stream(c.toArray()).map(d -> Double.isNaN(d) ? fill : d).toArray();
                    boolean standardize = c.type() == ColumnType.NUMERIC;
                    double mean = standardize ? Arrays.stream(filled).sum() / filled.length : 0;
                    double sd = standardize
                            ? Math.sqrt(Arrays.stream(filled).map(d -> (d - mean) * (d - mean)).sum() / filled.length) : 1;
                    int flag = f + 1 < width && names.get(f + 1).equals(name + "_missing") ? f + 1 : -1;
                    numericNames.add(name);
                    numericStats.add(new double[] {fill, mean, sd, f, flag});
                }
            }
        }

        void encode(Map<String, Object> record, double[] out) {
            Arrays.fill(out, 0, width, 0.0);
            for (int k = 0; k < numericNames.size(); k++) {
                double[] s = numericStats.get(k);
                Object o = record.get(numericNames.get(k));
                double v = o == null ? Double.NaN : (Double) o;
                boolean missing = Double.isNaN(v);
                out[(int) s[3]] = ((missing ? s[0] : v) - s[1]) / s[2];
                if (s[4] >= 0) {
                    out[(int) s[4]] = missing ? 1 : 0;
                }
            }
            for (Map.Entry<String, Map<String, Integer>> e : slots.entrySet()) {
                Object level = record.get(e.getKey());
                Integer slot = level == null ? null : e.getValue().get(level);
                if (slot != null) {
                    out[slot] = 1.0;
                }
            }
        }
    }
}
