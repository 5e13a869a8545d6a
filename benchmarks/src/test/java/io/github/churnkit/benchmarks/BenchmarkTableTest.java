package io.github.churnkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table generator on hand-made JMH results ({@code src/test/resources/jmh/run.json} and
 * {@code other-run.json}, in the shape JMH 1.37 writes with {@code -rf json}). Their scores were
 * chosen so the expected ratios can be checked by hand: churnkit 800 &plusmn; 80 ops/s against a
 * baseline of 200 &plusmn; 20 gives 800 / 200 = 4.00, range 720 / 220 = 3.27 to 880 / 180 = 4.89.
 */
class BenchmarkTableTest {

    private static Path fixture(String name) {
        try {
            return Path.of(BenchmarkTableTest.class.getResource("/jmh/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JmhResults.Result> run() {
        return JmhResults.read(fixture("run.json"));
    }

    private static JmhResults.Result find(List<JmhResults.Result> results, String name, String model) {
        return results.stream()
                .filter(r -> r.shortName().equals(name) && (model == null || model.equals(r.params().get("model"))))
                .findFirst().orElseThrow();
    }

    @Test
    void read_jmhResults_keepsScoreErrorParamsAllocationAndSettings() {
        List<JmhResults.Result> results = run();

        assertEquals(9, results.size());
        JmhResults.Result r = results.get(0);
        assertEquals("io.github.churnkit.benchmarks.SingleScoreBenchmark.churnkitScore", r.benchmark());
        assertEquals("SingleScoreBenchmark.churnkitScore", r.shortName());
        assertEquals("run.json", r.run());
        assertEquals("thrpt", r.mode());
        assertEquals(1, r.threads());
        assertEquals(Map.of("model", "TREES_100", "rows", "10000"), r.params());
        assertEquals(800.0, r.score());
        assertEquals(80.0, r.error());
        assertEquals("ops/s", r.unit());
        assertEquals(64.0, r.allocPerOp());
        assertEquals(new JmhResults.Settings("1.37", "25.0.3", "OpenJDK 64-Bit Server VM 25.0.3+9-LTS", "-Xms2g -Xmx2g",
                1, "3 x 1 s", "5 x 1 s"), r.settings());
    }

    @Test
    void read_nanErrorAndNoGcProfiler_giveNaN() {
        List<JmhResults.Result> results = run();

        assertTrue(Double.isNaN(find(results, "SingleScoreBenchmark.churnkitScore", "LOGISTIC").error()));
        assertTrue(Double.isNaN(find(results, "SingleScoreBenchmark.library", "LOGISTIC").allocPerOp()));
        assertEquals(Map.of(), find(results, "ClvScoringBenchmark.probabilityAlive", null).params());
    }

    @Test
    void read_notAnArray_throwsNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"benchmark\": \"x\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhResults.read(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("found an object"), e.getMessage());
    }

    @Test
    void speedUp_throughput_isScoreOverBaselineWithTheIntervalExtremes() {
        List<JmhResults.Result> results = run();

        assertEquals("**4.00x** (3.27–4.89) vs `library`",
                BenchmarkTable.speedUp(find(results, "SingleScoreBenchmark.churnkitScore", "TREES_100"), results));
    }

    @Test
    void speedUp_averageTime_isBaselineOverScore() {
        List<JmhResults.Result> results = run();

        // 400 / 100 = 4.00; (400 - 40) / (100 + 10) = 3.27; (400 + 40) / (100 - 10) = 4.89
        assertEquals("**4.00x** (3.27–4.89) vs `tribuoPredict`",
                BenchmarkTable.speedUp(find(results, "SegmentAssignBenchmark.runtimeAssign", null), results));
    }

    @Test
    void speedUp_farBelowOne_keepsThreeSignificantDigits() {
        List<JmhResults.Result> results = new ArrayList<>(run());
        JmhResults.Result score = find(results, "SingleScoreBenchmark.churnkitScore", "TREES_100");
        JmhResults.Result slow = new JmhResults.Result(score.run(), score.benchmark(), "thrpt", 1, score.params(), 0.5,
                0.0, "ops/s", Double.NaN, score.settings());

        // 0.5 / 200 = 0.0025; range 0.5 / 220 = 0.00227 to 0.5 / 180 = 0.00278
        assertEquals("**0.00250x** (0.00227–0.00278) vs `library`", BenchmarkTable.speedUp(slow, results));
    }

    @Test
    void speedUp_unknownError_omitsTheRange() {
        List<JmhResults.Result> results = run();

        // 3000 / 1000 = 3.00; the churnkit error is NaN (one iteration), so no range
        assertEquals("**3.00x** vs `library`",
                BenchmarkTable.speedUp(find(results, "SingleScoreBenchmark.churnkitScore", "LOGISTIC"), results));
    }

    @Test
    void speedUp_baselineOnlyInAnotherRun_isNotUsed() {
        List<JmhResults.Result> all = new ArrayList<>(run());
        List<JmhResults.Result> other = JmhResults.read(fixture("other-run.json"));
        all.addAll(other);

        assertEquals("no `library` in this run", BenchmarkTable.speedUp(other.get(0), all));
    }

    @Test
    void speedUp_benchmarkWithoutDeclaredBaseline_isEmpty() {
        List<JmhResults.Result> results = run();

        assertEquals("", BenchmarkTable.speedUp(find(results, "SingleScoreBenchmark.library", "TREES_100"), results));
        assertEquals("", BenchmarkTable.speedUp(find(results, "ClvScoringBenchmark.probabilityAlive", null), results));
    }

    @Test
    void speedUp_baselineInOtherUnits_throws() {
        List<JmhResults.Result> results = new ArrayList<>(run());
        JmhResults.Result lib = find(results, "SingleScoreBenchmark.library", "TREES_100");
        results.set(results.indexOf(lib), new JmhResults.Result(lib.run(), lib.benchmark(), "avgt", 1, lib.params(),
                5.0, 0.1, "ms/op", Double.NaN, lib.settings()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkTable.speedUp(
                find(results, "SingleScoreBenchmark.churnkitScore", "TREES_100"), results));
        assertTrue(e.getMessage().contains("not measured alike"), e.getMessage());
    }

    @Test
    void table_rows_groupedByClassAndParamsWithFormattedFigures() {
        String table = BenchmarkTable.table(run());
        List<String> lines = table.lines().toList();

        assertEquals("| benchmark | params | mode | threads | score ± error | unit | B/op | speed-up vs baseline |",
                lines.get(0));
        assertEquals("| `SingleScoreBenchmark.churnkitScore` | model=TREES_100, rows=10000 | thrpt | 1 | 800 ± 80 | ops/s "
                + "| 64.0 | **4.00x** (3.27–4.89) vs `library` |", lines.get(2));
        // the TREES_100 group (churnkitScore, library) comes before the LOGISTIC group
        assertTrue(lines.get(3).startsWith("| `SingleScoreBenchmark.library` | model=TREES_100"), lines.get(3));
        assertEquals("| `SingleScoreBenchmark.library` | model=LOGISTIC, rows=10000 | thrpt | 1 | 1,000 ± 100 | ops/s "
                + "| n/a |  |", lines.get(5));
        assertEquals("| `ClvScoringBenchmark.probabilityAlive` |  | avgt | 1 | 0.0523 ± 0.0040 | us/op | n/a |  |",
                lines.get(lines.size() - 1));
    }

    @Test
    void table_twoThreads_addsThePerThreadScore() {
        String table = BenchmarkTable.table(run());

        // 1800 ops/s in total from 2 threads: 900 per thread; 1800 / 1000 = 1.80 over one thread
        assertTrue(table.contains("| `ThreadScalingBenchmark.twoThreads` | model=TREES_100, rows=10000 | thrpt | 2 "
                + "| 1,800 ± 0 (900 per thread) | ops/s | 64.0 | **1.80x** (1.80–1.80) vs `oneThread` |"), table);
    }

    @Test
    void settings_oneLinePerWayOfRunning() {
        String settings = BenchmarkTable.settings(run());

        assertTrue(settings.contains("- run.json: JMH 1.37, JDK 25.0.3 (OpenJDK 64-Bit Server VM 25.0.3+9-LTS), JVM args "
                + "`-Xms2g -Xmx2g`, 1 fork, warm-up 3 x 1 s, measurement 5 x 1 s"), settings);
        assertTrue(settings.contains("JVM args `(none)`"), settings);
        assertEquals(2, settings.lines().filter(l -> l.startsWith("- ")).count());
    }

    @Test
    void render_machineFileBesideResults_isIncluded(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("run.json");
        Files.copy(fixture("run.json"), json);
        Files.writeString(dir.resolve("machine.txt"), "cpu: 2 x test\n", StandardCharsets.UTF_8);

        String out = BenchmarkTable.render(List.of(json));
        assertTrue(out.contains("```\ncpu: 2 x test\n```"), out);
    }

    @Test
    void replaceBetweenMarkers_replacesOnlyTheGeneratedPart() {
        String doc = "# Title\n\nbefore\n" + BenchmarkTable.START + "\nold table\n" + BenchmarkTable.END + "\nafter\n";

        String updated = BenchmarkTable.replaceBetweenMarkers(doc, "| new |\n", "doc.md");
        assertEquals("# Title\n\nbefore\n" + BenchmarkTable.START + "\n\n| new |\n\n" + BenchmarkTable.END + "\nafter\n",
                updated);
        // idempotent: a second update with the same table changes nothing
        assertEquals(updated, BenchmarkTable.replaceBetweenMarkers(updated, "| new |\n", "doc.md"));
    }

    @Test
    void replaceBetweenMarkers_missingMarker_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkTable.replaceBetweenMarkers("no markers", "| t |", "doc.md"));
        assertTrue(e.getMessage().startsWith("doc.md: needs the marker lines"), e.getMessage());
    }

    @Test
    void decimals_keepThreeSignificantDigits() {
        assertEquals("813,781", BenchmarkTable.format(813_781.4, BenchmarkTable.decimals(813_781.4)));
        assertEquals("23.2", BenchmarkTable.format(23.199, BenchmarkTable.decimals(23.199)));
        assertEquals("0.0520", BenchmarkTable.format(0.052, BenchmarkTable.decimals(0.052)));
        assertEquals(0, BenchmarkTable.decimals(0.0));
    }
}
