package io.github.churnkit.spark;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.scoring.ScoreReason;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in model for the Spark-side tests (column matching, conversions of every input type,
 * the load-once guarantee), independent of the real CustomerScorer: logistic churn on five inputs
 * of all four input types, bands by probability, segments by contract, CLV from the monthly charge
 * with an interval that narrows with tenure (NaN bounds when tenure is missing), non-zero reasons by
 * absolute contribution. Its "bundle" is a line of UTF-8 text holding
 * the six weights, so tests can make distinct bundles. Every decode is counted in {@link #LOADS}.
 */
final class TestModel implements BatchModel {

    /** How many times any test bundle was decoded in this JVM. */
    static final AtomicInteger LOADS = new AtomicInteger();

    static final List<String> INPUTS = List.of("tenure", "monthly_charges", "contract", "signup", "paperless");
    static final List<String> SEGMENTS = List.of("monthly", "one year", "two year", "unknown");
    static final int REFERENCE_DAY = 20_000; // 2024-10-04

    private final double[] w; // intercept, tenure, monthly, month-to-month, years since signup, paperless

    private TestModel(double[] w) {
        this.w = w;
    }

    /** A bundle with the given intercept and fixed other weights. */
    static byte[] bundle(double intercept) {
        return String.format(Locale.ROOT, "test-model %s -0.04 0.02 1.1 -0.3 0.4", Double.toString(intercept))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Loads test bundles; stateless. */
    static final class Loader implements BatchModel.Loader {
        private static final long serialVersionUID = 1L;

        @Override
        public BatchModel load(byte[] bundle) {
            String[] parts = new String(bundle, StandardCharsets.UTF_8).split(" ");
            if (parts.length != 7 || !parts[0].equals("test-model")) {
                throw new IllegalArgumentException("not a test model bundle: " + parts.length + " fields");
            }
            double[] w = new double[6];
            for (int i = 0; i < 6; i++) {
                w[i] = Double.parseDouble(parts[i + 1]);
            }
            LOADS.incrementAndGet();
            return new TestModel(w);
        }
    }

    @Override
    public List<String> inputNames() {
        return INPUTS;
    }

    @Override
    public ColumnType inputType(int input) {
        switch (input) {
            case 0:
            case 1:
                return ColumnType.NUMERIC;
            case 2:
                return ColumnType.CATEGORICAL;
            case 3:
                return ColumnType.DATE;
            case 4:
                return ColumnType.BOOLEAN;
            default:
                throw new IndexOutOfBoundsException(input);
        }
    }

    @Override
    public ChunkScorer newChunkScorer() {
        double[] contribution = new double[5];
        boolean[] used = new boolean[5];
        return (rows, out) -> {
            for (int i = 0; i < rows.size(); i++) {
                score(rows.get(i), out, i, contribution, used);
            }
        };
    }

    private void score(InputRow row, ScoreBuffer out, int i, double[] contribution, boolean[] used) {
        double tenure = row.number(0);
        double monthly = row.number(1);
        String contract = row.category(2);
        int signup = row.epochDay(3);
        double paperless = row.number(4);
        // a missing value contributes nothing (imputed at the reference point)
        contribution[0] = Double.isNaN(tenure) ? 0 : w[1] * tenure;
        contribution[1] = Double.isNaN(monthly) ? 0 : w[2] * monthly;
        contribution[2] = "Month-to-month".equals(contract) ? w[3] : 0;
        contribution[3] = signup == DateColumn.MISSING ? 0 : w[4] * (REFERENCE_DAY - signup) / 365.0;
        contribution[4] = Double.isNaN(paperless) ? 0 : w[5] * paperless;
        double z = w[0];
        for (double c : contribution) {
            z += c;
        }
        double p = 1 / (1 + Math.exp(-z));
        int segment = contract == null ? 3
                : contract.equals("Month-to-month") ? 0 : contract.equals("One year") ? 1 : contract.equals("Two year") ? 2 : 3;
        double clv = Double.isNaN(monthly) ? 0 : monthly * 12 * (1 - p);
        double spread = Double.isNaN(tenure) ? Double.NaN : 0.5 / (1 + Math.max(0, tenure));
        out.set(i, p, p < 0.3 ? "low" : p < 0.6 ? "medium" : "high", segment, SEGMENTS.get(segment), clv,
                clv * (1 - spread), clv * (1 + spread));
        Arrays.fill(used, false);
        // selection by |contribution|, ties to the lower index, zeros left out (as CustomerScorer does)
        for (int k = 0; k < Math.min(out.maxReasons(), 5); k++) {
            int best = -1;
            for (int j = 0; j < 5; j++) {
                if (!used[j] && contribution[j] != 0
                        && (best < 0 || Math.abs(contribution[j]) > Math.abs(contribution[best]))) {
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            out.addReason(i, INPUTS.get(best), value(row, best), contribution[best],
                    contribution[best] > 0 ? ScoreReason.Direction.INCREASES_RISK : ScoreReason.Direction.DECREASES_RISK);
        }
    }

    /** Input {@code j}'s value as text, as CustomerScorer writes it ({@code "missing"} when missing). */
    static String value(InputRow row, int j) {
        switch (j) {
            case 2:
                return row.category(2) == null ? "missing" : row.category(2);
            case 3:
                return row.epochDay(3) == DateColumn.MISSING ? "missing" : LocalDate.ofEpochDay(row.epochDay(3)).toString();
            default:
                double v = row.number(j);
                return Double.isNaN(v) ? "missing" : String.format(Locale.ROOT, "%s", v);
        }
    }
}
