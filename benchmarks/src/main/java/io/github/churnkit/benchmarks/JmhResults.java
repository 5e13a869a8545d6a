package io.github.churnkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the results file JMH writes with {@code -rf json}: an array with one object per benchmark
 * and parameter combination. Only the fields the results table needs are kept.
 *
 * <p>JMH writes non-finite numbers as the strings {@code "NaN"}, {@code "+INF"} and {@code "-INF"}
 * (for example the error of a single measured iteration); they are read as the corresponding
 * doubles. A metric that is absent (no {@code -prof gc}) is NaN.
 */
final class JmhResults {

    /** The allocation metric of {@code -prof gc}: bytes allocated per operation. */
    static final String ALLOC_NORM = "gc.alloc.rate.norm";

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One benchmark result.
     *
     * @param run         the results file it came from (its file name)
     * @param benchmark   the benchmark's fully qualified method name
     * @param mode        JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
     * @param threads     threads running the benchmark
     * @param params      parameter values by name, in JMH's order (empty without parameters)
     * @param score       primary score (for throughput with several threads: the total of all threads)
     * @param error       half-width of JMH's 99.9% confidence interval; NaN when JMH could not compute one
     * @param unit        the score's unit, e.g. {@code ops/s}, {@code us/op}
     * @param allocPerOp  {@value #ALLOC_NORM} in bytes per operation; NaN without {@code -prof gc}
     * @param settings    how it was run (JDK, JVM arguments, forks, iterations)
     */
    record Result(String run, String benchmark, String mode, int threads, Map<String, String> params, double score,
            double error, String unit, double allocPerOp, Settings settings) {

        /** Copies the parameters. */
        Result {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** The benchmark without its package: {@code Class.method}. */
        String shortName() {
            int method = benchmark.lastIndexOf('.');
            int cls = method < 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
            return benchmark.substring(cls + 1);
        }
    }

    /**
     * How a result was measured.
     *
     * @param jmhVersion  JMH's version
     * @param jdkVersion  the JDK version of the forked JVM
     * @param vm          VM name and version
     * @param jvmArgs     the forked JVM's arguments, space-separated (empty for none)
     * @param forks       forks
     * @param warmup      warm-up iterations and time, e.g. {@code 3 x 1 s}
     * @param measurement measured iterations and time
     */
    record Settings(String jmhVersion, String jdkVersion, String vm, String jvmArgs, int forks, String warmup,
            String measurement) {
    }

    private JmhResults() {
    }

    /**
     * Reads one JMH JSON results file.
     *
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it is not a JMH results array (naming the file and what was found)
     */
    static List<Result> read(Path file) {
        Objects.requireNonNull(file, "file");
        Object root;
        try (JsonParser p = JSON.createParser(Files.newBufferedReader(file))) {
            p.nextToken();
            root = value(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results " + file, e);
        }
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException(file + ": expected a JSON array of JMH results, found "
                    + kind(root));
        }
        String run = file.getFileName().toString();
        List<Result> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(result(run, map(entries.get(i), file + " entry " + i)));
        }
        return out;
    }

    private static Result result(String run, Map<String, Object> e) {
        String where = run + " " + e.get("benchmark");
        Map<String, Object> primary = map(e.get("primaryMetric"), where + " primaryMetric");
        Map<String, String> params = new LinkedHashMap<>();
        if (e.get("params") != null) {
            for (Map.Entry<String, Object> p : map(e.get("params"), where + " params").entrySet()) {
                params.put(p.getKey(), String.valueOf(p.getValue()));
            }
        }
        double alloc = Double.NaN;
        Object secondary = e.get("secondaryMetrics");
        if (secondary != null) {
            Object norm = map(secondary, where + " secondaryMetrics").get(ALLOC_NORM);
            if (norm != null) {
                alloc = number(map(norm, where + " " + ALLOC_NORM).get("score"), where + " " + ALLOC_NORM);
            }
        }
        List<String> args = new ArrayList<>();
        if (e.get("jvmArgs") instanceof List<?> list) {
            for (Object a : list) {
                args.add(String.valueOf(a));
            }
        }
        Settings settings = new Settings(text(e.get("jmhVersion")), text(e.get("jdkVersion")),
                (text(e.get("vmName")) + " " + text(e.get("vmVersion"))).trim(), String.join(" ", args),
                (int) number(e.get("forks"), where + " forks"),
                iterations(e.get("warmupIterations"), e.get("warmupTime"), where),
                iterations(e.get("measurementIterations"), e.get("measurementTime"), where));
        return new Result(run, text(e.get("benchmark")), text(e.get("mode")), (int) number(e.get("threads"), where),
                params, number(primary.get("score"), where + " score"),
                number(primary.get("scoreError"), where + " scoreError"), text(primary.get("scoreUnit")), alloc,
                settings);
    }

    private static String iterations(Object count, Object time, String where) {
        return (int) number(count, where + " iterations") + " x " + text(time);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String where) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": expected a JSON object, found " + kind(o));
    }

    private static double number(Object o, String where) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "+INF":
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-INF":
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(where + ": expected a number, found " + kind(o)
                + (o == null ? "" : " '" + o + "'"));
    }

    private static String kind(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map) {
            return "an object";
        }
        if (o instanceof List) {
            return "an array";
        }
        return o instanceof String ? "a string" : o instanceof Boolean ? "a boolean" : "a number";
    }

    /** The value at the parser's current token: maps, lists, strings, doubles, booleans, null. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("empty JSON input");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected JSON token " + t + " at "
                        + p.currentTokenLocation());
        }
    }
}
