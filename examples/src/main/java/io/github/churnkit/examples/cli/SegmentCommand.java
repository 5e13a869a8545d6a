package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.examples.workflow.CsvLines;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.models.segment.SegmentProfile;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** K-means segments of a customer file. */
@Command(name = "segment",
        header = "K-means segments of a customer file, with profiles.",
        description = "Segment the customers of a CSV file with k-means (k chosen by silhouette over --k-range, or "
        + "fixed with --k), print the segment profiles and write one row per customer: id and segment.")
final class SegmentCommand extends BaseCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Customer CSV.")
    Path data;

    @Option(names = "--id", paramLabel = "COL", description = "The customer id column (default: inferred).")
    String id;

    @Option(names = "--columns", split = ",", paramLabel = "A,B,..",
            description = "Columns to cluster on (default: every numeric, boolean and categorical feature).")
    List<String> columnNames = new ArrayList<>();

    @Option(names = "--k", description = "A fixed number of segments.")
    Integer k;

    @Option(names = "--k-range", defaultValue = "2..8", paramLabel = "MIN..MAX",
            description = "Numbers of segments to try (default: ${DEFAULT-VALUE}).")
    String kRange;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write id,segment (CSV).")
    Path outFile;

    static int[] range(String text) {
        String[] parts = text.split("\\.\\.");
        try {
            if (parts.length == 2) {
                int lo = Integer.parseInt(parts[0].trim());
                int hi = Integer.parseInt(parts[1].trim());
                if (lo >= 1 && hi >= lo) {
                    return new int[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--k-range: expected MIN..MAX with 1 <= MIN <= MAX, found \"" + text + "\"");
    }

    @Override
    void run() throws Exception {
        int[] r = k != null ? new int[] {k, k} : range(kRange);
        if (r[0] < 1) {
            throw new BadInputException("--k must be at least 1, found " + r[0]);
        }
        CustomerTable table = Inputs.readTable(data, null, id, List.of()).table();
        for (String c : columnNames) {
            if (!table.schema().contains(c)) {
                throw new BadInputException("--columns: no column '" + c + "' in " + data + "; columns are "
                        + table.schema().names());
            }
        }
        SegmentModel model;
        try (StageProgress progress = progress()) {
            model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withColumns(columnNames)
                            .withKRange(r[0], r[1]).withSeed(seed).withMissing(KMeansSegmenter.MissingValues.IMPUTE_MEAN))
                    .withListener((done, total, kk, inertia) -> progress.progress("k-means runs", done, total))
                    .fit(table);
        }
        int[] seg = model.assign(table);
        String[] ids = io.github.churnkit.examples.workflow.CustomerAnalysis.customerIds(table);
        try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            CsvLines csv = new CsvLines(w);
            csv.record(table.schema().id().map(c -> c.name()).orElse("row"), "segment");
            for (int i = 0; i < seg.length; i++) {
                csv.record(ids[i], seg[i]);
            }
        }
        List<SegmentProfile> profiles = model.profiler(table).profile();
        out().println(String.format(Locale.ROOT, "%d segments (k chosen by %s from %d..%d) on %s",
                model.segmentCount(), model.selection().criterion(), r[0], r[1], model.columns()));
        for (SegmentProfile p : profiles) {
            out().println(String.format(Locale.ROOT, "  %d %-45s %6d customers %5.1f%%%s", p.id(), p.name(), p.size(),
                    100 * p.share(), Double.isNaN(p.churnRate()) ? ""
                            : String.format(Locale.ROOT, "  churn %.1f%%", 100 * p.churnRate())));
        }
        out().println("wrote " + outFile);
        writeJson(g -> {
            g.writeStringField("data", data.toString());
            g.writeNumberField("rows", table.rowCount());
            g.writeNumberField("k", model.segmentCount());
            g.writeArrayFieldStart("columns");
            for (String c : model.columns()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("kScores");
            for (var s : model.selection().scores()) {
                g.writeStartObject();
                g.writeNumberField("k", s.k());
                JsonOut.number(g, "inertia", s.inertia());
                JsonOut.number(g, "silhouette", s.silhouette());
                JsonOut.number(g, "calinskiHarabasz", s.calinskiHarabasz());
                g.writeEndObject();
            }
            g.writeEndArray();
            CliJson.segments(g, profiles);
            g.writeStringField("out", outFile.toString());
        });
    }
}
