package io.github.churnkit.examples.workflow;

import io.github.churnkit.models.explain.Reason;
import io.github.churnkit.models.segment.SegmentProfile;
import io.github.churnkit.scoring.churn.RiskBands;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV files of an analysis: every customer scored, and the retention target list.
 *
 * <p>Scored CSV columns: {@code customer_id, churn_probability, risk_band, segment, segment_name,
 * clv, clv_low, clv_high, reason_1, reason_2, reason_3} (a reason is the column and its signed
 * log-odds contribution, {@code "satisfaction +0.62"}; {@code clv_low} and {@code clv_high} bound the
 * CLV's confidence interval at {@link ModelFiles#CLV_LEVEL}; an empty cell is a value that could not be
 * computed). Risk bands: {@code high} from 0.5, {@code medium} from 0.2,
 * else {@code low}.
 *
 * <p>Retention targets: customers ranked by the expected value of a retention offer,
 * {@code churn probability x CLV x offer success rate - offer cost}, highest first, only those
 * with a positive value; columns {@code rank, customer_id, churn_probability, clv,
 * expected_value, segment}.
 */
public final class AnalysisFiles {

    private AnalysisFiles() {
    }

    /** The default risk bands: low below 0.2, medium below 0.5, high from 0.5. */
    public static final RiskBands BANDS = RiskBands.of(new double[] {0.2, 0.5}, List.of("low", "medium", "high"));

    /** The risk band of a churn probability under {@link #BANDS}. */
    public static String riskBand(double p) {
        return BANDS.name(p);
    }

    /** A reason as {@code "column +0.62"}. */
    public static String format(Reason r) {
        return String.format(Locale.ROOT, "%s %+.2f", r.column(), r.contribution());
    }

    /** Writes the scored CSV; returns the number of rows. */
    public static int writeScores(CustomerAnalysis.Analysis a, Path file) {
        String[] ids = CustomerAnalysis.customerIds(a.training().table());
        Map<Integer, String> names = new HashMap<>();
        for (SegmentProfile p : a.profiles()) {
            names.put(p.id(), p.name());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvLines csv = new CsvLines(w);
            csv.record("customer_id", "churn_probability", "risk_band", "segment", "segment_name", "clv",
                    "clv_low", "clv_high", "reason_1", "reason_2", "reason_3");
            for (int i = 0; i < ids.length; i++) {
                List<Reason> r = a.reasons().get(i);
                csv.record(ids[i], num(a.probability()[i], 4), riskBand(a.probability()[i]), a.segment()[i],
                        names.getOrDefault(a.segment()[i], ""), num(a.clv()[i], 2), num(a.clvLow()[i], 2),
                        num(a.clvHigh()[i], 2), r.size() > 0 ? format(r.get(0)) : "",
                        r.size() > 1 ? format(r.get(1)) : "", r.size() > 2 ? format(r.get(2)) : "");
            }
            return ids.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the retention target list; returns the number of customers worth an offer.
     *
     * @param a           the analysis
     * @param offer       offer cost and success rate
     * @param file        where to write
     */
    public static int writeTargets(CustomerAnalysis.Analysis a, RetentionOffer offer, Path file) {
        String[] ids = CustomerAnalysis.customerIds(a.training().table());
        double[] ev = offer.expectedValues(a.probability(), a.clv());
        Integer[] order = RetentionOffer.ranking(ev);
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvLines csv = new CsvLines(w);
            csv.record("rank", "customer_id", "churn_probability", "clv", "expected_value", "segment");
            for (int i : order) {
                if (!(ev[i] > 0)) {
                    break;
                }
                written++;
                csv.record(written, ids[i], num(a.probability()[i], 4), num(a.clv()[i], 2), num(ev[i], 2),
                        a.segment()[i]);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String num(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "";
    }
}
