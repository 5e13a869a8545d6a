package io.github.churnkit.examples.workflow;

import io.github.churnkit.scoring.ClvEvaluator;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores a CSV file row by row with a loaded model file, writing one output row per input row, so
 * memory does not grow with the file: millions of rows pass through a few reused arrays.
 *
 * <p>Output columns: {@code id, churn_probability, risk_band}, then {@code segment} when the model
 * file has segments, then {@code clv, clv_low, clv_high} when it has CLV inputs, then
 * {@code reason_1..3} (the input columns with the largest signed contributions to the churn
 * log-odds, as {@code "column +0.42"}; only columns that raise the risk). The id is the named id
 * column, else the model's id column when the file has it, else the data line number.
 *
 * <p>CLV: the model file's {@code clv.inputs} name a revenue column and, for the sBG method, a
 * renewals column, read from the CSV by name; the values are {@link ClvEvaluator}'s, which are
 * {@code CustomerScorer}'s for the same revenue, renewals and churn probability. {@code clv_low} and
 * {@code clv_high} bound the confidence interval of the expected CLV stored with the model
 * ({@code clv.sbg.interval}). A cell is empty when its value is NaN: missing revenue or renewals
 * (or a column the file lacks), or no interval in the model file.
 *
 * <p>Not thread-safe; one instance per file.
 */
public final class StreamingScorer {

    /** Progress: {@code rows} scored so far, {@code chars} of the file consumed ({@link Long#MAX_VALUE} at the end). */
    @FunctionalInterface
    public interface Listener {
        /** Called every 10,000 rows and at the end. */
        void progress(long rows, long chars);
    }

    private final ModelFiles.Loaded model;
    private final Listener listener;

    /** A scorer for {@code model} reporting to {@code listener}. */
    public StreamingScorer(ModelFiles.Loaded model, Listener listener) {
        this.model = Objects.requireNonNull(model, "model");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * What a run wrote.
     *
     * @param rows             rows scored
     * @param columns          the output header, in order
     * @param customersWithClv rows with a CLV (0 when the model has none)
     * @param clvTotal         the sum of those CLVs (0 when none)
     */
    public record Result(long rows, List<String> columns, long customersWithClv, double clvTotal) {
        /** Copies the column list. */
        public Result {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Scores every row of {@code in} into {@code out}.
     *
     * @param source   the file name for messages
     * @param idColumn the id column, or null to use the model's
     * @return what was written
     * @throws IllegalArgumentException on a malformed value (line and column named) or when the file
     *                                  has none of the model's input columns
     */
    public Result score(Reader in, Writer out, String source, String idColumn) {
        try (CSVParser parser = CSVParser.builder().setReader(new BufferedReader(in, 1 << 16))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get())
                .get(); Writer w = new BufferedWriter(out, 1 << 16)) {
            Map<String, Integer> header = parser.getHeaderMap();
            CsvRecordRow row = new CsvRecordRow(source, model.pipeline(), header);
            if (row.absent().size() == model.pipeline().inputColumns().size()) {
                throw new IllegalArgumentException(source + " has none of the model's input columns "
                        + model.pipeline().inputColumns() + "; its columns are " + header.keySet());
            }
            String id = idColumn != null ? idColumn : model.schema().schema().id().map(c -> c.name()).orElse(null);
            if (idColumn != null && !header.containsKey(idColumn)) {
                throw new IllegalArgumentException("--id: no column '" + idColumn + "' in " + source
                        + "; columns are " + header.keySet());
            }
            int idIndex = id == null || !header.containsKey(id) ? -1 : header.get(id);
            SegmentEncoding seg = model.segments().map(a -> new SegmentEncoding(a, header)).orElse(null);
            ClvColumns clv = model.clvEvaluator().map(v -> new ClvColumns(v, header, source)).orElse(null);
            Reasons reasons = new Reasons(model);
            CsvLines csv = new CsvLines(w);
            List<String> head = new ArrayList<>(List.of(idIndex >= 0 ? id : "line", "churn_probability", "risk_band"));
            if (seg != null) {
                head.add("segment");
            }
            if (clv != null) {
                head.addAll(List.of("clv", "clv_low", "clv_high"));
            }
            head.addAll(List.of("reason_1", "reason_2", "reason_3"));
            csv.record(head.toArray());
            double[] x = new double[model.pipeline().width()];
            Object[] fields = new Object[head.size()];
            long n = 0;
            long valued = 0;
            double total = 0;
            for (CSVRecord r : parser) {
                row.set(r);
                model.pipeline().transform(row, x);
                double p = model.probability(x);
                int k = 0;
                fields[k++] = idIndex >= 0 ? r.get(idIndex) : Long.toString(r.getRecordNumber() + 1);
                fields[k++] = String.format(Locale.ROOT, "%.4f", p);
                fields[k++] = model.bands().name(p);
                if (seg != null) {
                    fields[k++] = seg.assign(r);
                }
                if (clv != null) {
                    double v = clv.set(r, p);
                    fields[k++] = AnalysisFiles.num(v, 2);
                    fields[k++] = AnalysisFiles.num(clv.lower(), 2);
                    fields[k++] = AnalysisFiles.num(clv.upper(), 2);
                    if (!Double.isNaN(v)) {
                        valued++;
                        total += v;
                    }
                }
                String[] top = reasons.top(x);
                for (String t : top) {
                    fields[k++] = t;
                }
                csv.record(fields);
                n++;
                if (n % 10_000 == 0) {
                    listener.progress(n, r.getCharacterPosition());
                }
            }
            listener.progress(n, Long.MAX_VALUE);
            return new Result(n, head, valued, total);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot score " + source + ": " + e.getMessage(), e);
        }
    }

    /** The CLV of a record: its revenue and renewals columns, found by name once, through the evaluator. */
    private static final class ClvColumns {
        private final ClvEvaluator value;
        private final String source;
        private final String revenueName;
        private final String renewalsName;
        private final int revenue;
        private final int renewals;
        private double clv;
        private double renewalsValue;

        ClvColumns(ClvEvaluator value, Map<String, Integer> header, String source) {
            this.value = value;
            this.source = source;
            this.revenueName = value.inputs().revenueColumn();
            this.renewalsName = value.inputs().renewalsColumn();
            this.revenue = header.getOrDefault(revenueName, -1);
            this.renewals = renewalsName.isEmpty() ? -1 : header.getOrDefault(renewalsName, -1);
        }

        /** Computes the record's CLV (NaN when it has none) for the churn probability {@code p}. */
        double set(CSVRecord r, double p) {
            renewalsValue = number(r, renewals, renewalsName);
            clv = value.clv(number(r, revenue, revenueName), renewalsValue, p);
            return clv;
        }

        double lower() {
            return value.lower(clv, renewalsValue);
        }

        double upper() {
            return value.upper(clv, renewalsValue);
        }

        /** The number in column {@code c}: NaN when the file lacks the column or the cell is a missing marker. */
        private double number(CSVRecord r, int c, String name) {
            String s = CsvRecordRow.text(r, c);
            if (s == null) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s line %d, column '%s': expected a number (CLV input), found \"%s\"", source,
                        r.getRecordNumber() + 1, name, s));
            }
        }
    }

    /** Encodes a record for the segment assigner: "col" numbers, "col=level" indicators. */
    private static final class SegmentEncoding {
        private final SegmentAssigner assigner;
        private final int[] column;
        private final String[] level;
        private final double[] z;

        SegmentEncoding(SegmentAssigner assigner, Map<String, Integer> header) {
            this.assigner = assigner;
            List<String> names = assigner.featureNames();
            column = new int[names.size()];
            level = new String[names.size()];
            z = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                String f = names.get(j);
                int eq = f.indexOf('=');
                String col = eq > 0 && !header.containsKey(f) ? f.substring(0, eq) : f;
                level[j] = eq > 0 && !header.containsKey(f) ? f.substring(eq + 1) : null;
                Integer c = header.get(col);
                column[j] = c == null ? -1 : c;
            }
        }

        int assign(CSVRecord r) {
            for (int j = 0; j < z.length; j++) {
                String s = CsvRecordRow.text(r, column[j]);
                if (level[j] != null) {
                    z[j] = s == null ? Double.NaN : s.equals(level[j]) ? 1 : 0;
                } else if (s == null) {
                    z[j] = Double.NaN;
                } else {
                    String lower = s.toLowerCase(Locale.ROOT);
                    z[j] = switch (lower) {
                        case "yes", "true" -> 1;
                        case "no", "false" -> 0;
                        default -> {
                            try {
                                yield Double.parseDouble(s);
                            } catch (NumberFormatException e) {
                                yield Double.NaN;
                            }
                        }
                    };
                }
            }
            return assigner.assign(z);
        }
    }

    /** The top three input columns by signed contribution, from the predictor's exact contributions. */
    private static final class Reasons {
        private final ModelFiles.Loaded model;
        private final int[] group;
        private final List<String> groups = new ArrayList<>();
        private final double[] sums;

        Reasons(ModelFiles.Loaded model) {
            this.model = model;
            int width = model.pipeline().width();
            group = new int[width];
            for (int j = 0; j < width; j++) {
                String g = model.pipeline().sourceName(j);
                int idx = groups.indexOf(g);
                if (idx < 0) {
                    groups.add(g);
                    idx = groups.size() - 1;
                }
                group[j] = idx;
            }
            sums = new double[groups.size()];
        }

        String[] top(double[] x) {
            double[] phi = model.predictor().contributions(x, 0);
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < phi.length; j++) {
                sums[group[j]] += phi[j];
            }
            String[] out = {"", "", ""};
            boolean[] used = new boolean[sums.length];
            for (int k = 0; k < 3 && k < sums.length; k++) {
                int best = -1;
                for (int g = 0; g < sums.length; g++) {
                    if (!used[g] && (best < 0 || sums[g] > sums[best])) {
                        best = g;
                    }
                }
                used[best] = true;
                if (!(sums[best] > 0)) {
                    break;
                }
                out[k] = String.format(Locale.ROOT, "%s %+.2f", groups.get(best), sums[best]);
            }
            return out;
        }
    }
}
