package io.github.churnkit.models.clv;

import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import io.github.churnkit.scoring.clv.BgNbdParameters;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Holdout evaluation of a BG/NBD model: split a transaction log at a cut-off, fit on the
 * calibration period, then compare the conditional expected purchases in the holdout (Fader, Hardie
 * &amp; Lee 2005 eq. 10) with what each customer actually did, and the expected cumulative repeat
 * purchases over calendar time (eq. 9 summed over customers by their first-purchase time) with the
 * actual cumulative count (the paper's tracking plot).
 *
 * <pre>{@code
 * HoldoutEvaluation eval = HoldoutEvaluation.of(39.0);          // 39-week holdout
 * for (each customer) eval.add(x, tx, T, holdoutPurchases);
 * HoldoutReport r = eval.evaluate(model.parameters());
 * }</pre>
 *
 * <p>Not thread-safe while customers are being added; {@link #evaluate(BgNbdParameters)} does not
 * change the state, so one filled instance can evaluate several models.
 */
public final class HoldoutEvaluation {

    /** Calibration frequencies 0 .. LAST_BUCKET − 1 get their own bucket; the rest share "LAST_BUCKET+". */
    public static final int LAST_BUCKET = 7;

    private final double holdoutLength;
    private double[] x = new double[16];
    private double[] tx = new double[16];
    private double[] age = new double[16];
    private double[] actual = new double[16];
    private int size;

    private HoldoutEvaluation(double holdoutLength) {
        this.holdoutLength = holdoutLength;
    }

    /**
     * @param holdoutLength length of the holdout period in the model's time unit, finite and {@code > 0}
     * @return an empty evaluation
     */
    public static HoldoutEvaluation of(double holdoutLength) {
        if (!(holdoutLength > 0 && holdoutLength < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "holdoutLength must be finite and > 0, found %s", holdoutLength));
        }
        return new HoldoutEvaluation(holdoutLength);
    }

    /**
     * An evaluation filled from transaction summaries that have a holdout period: the holdout length
     * is the span from the cut-off to the holdout end in the summaries' unit, and every customer is
     * added with their holdout purchase count.
     *
     * @param summaries per-customer summaries with a holdout
     * @return the filled evaluation
     * @throws IllegalArgumentException if the summaries have no holdout period
     */
    public static HoldoutEvaluation of(CustomerSummaries summaries) {
        TransactionSummarizer.Config c = summaries.config();
        double length = c.unit().fromDays(c.holdoutEnd().toEpochDay() - c.cutoff().toEpochDay());
        if (!(length > 0)) {
            throw new IllegalArgumentException("the summaries have no holdout period (holdout end " + c.holdoutEnd()
                    + " equals the cut-off)");
        }
        HoldoutEvaluation e = of(length);
        for (int i = 0; i < summaries.size(); i++) {
            e.add(summaries.frequency(i), summaries.recency(i), summaries.age(i), summaries.holdoutPurchases(i));
        }
        return e;
    }

    /** @return the holdout length in the model's time unit */
    public double holdoutLength() {
        return holdoutLength;
    }

    /**
     * Adds one customer.
     *
     * @param frequency calibration repeat purchases x
     * @param recency calibration recency t_x
     * @param age calibration age T
     * @param holdoutPurchases purchases in the holdout period, a whole number {@code >= 0}
     * @return this
     */
    public HoldoutEvaluation add(double frequency, double recency, double age, double holdoutPurchases) {
        try {
            PurchaseHistory.check(frequency, recency, age);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("customer " + size + ": " + e.getMessage(), e);
        }
        if (!(holdoutPurchases >= 0 && holdoutPurchases < Double.POSITIVE_INFINITY)
                || holdoutPurchases != Math.rint(holdoutPurchases)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "customer %d: holdout purchases must be a whole number >= 0, found %s", size, holdoutPurchases));
        }
        if (size == x.length) {
            x = Arrays.copyOf(x, 2 * size);
            tx = Arrays.copyOf(tx, 2 * size);
            this.age = Arrays.copyOf(this.age, 2 * size);
            actual = Arrays.copyOf(actual, 2 * size);
        }
        x[size] = frequency;
        tx[size] = recency;
        this.age[size] = age;
        actual[size] = holdoutPurchases;
        size++;
        return this;
    }

    /**
     * Compares predictions of {@code model} with the holdout purchases.
     *
     * @param model the BG/NBD parameters fitted on the calibration period
     * @return errors and frequency buckets
     * @throws IllegalStateException if no customer was added
     */
    public HoldoutReport evaluate(BgNbdParameters model) {
        if (size == 0) {
            throw new IllegalStateException("no customers added");
        }
        double absSum = 0;
        double sqSum = 0;
        double predictedTotal = 0;
        double actualTotal = 0;
        double[] bucketCount = new double[LAST_BUCKET + 1];
        double[] bucketPredicted = new double[LAST_BUCKET + 1];
        double[] bucketActual = new double[LAST_BUCKET + 1];
        for (int i = 0; i < size; i++) {
            double predicted = model.conditionalExpectedPurchases(holdoutLength, x[i], tx[i], age[i]);
            double error = predicted - actual[i];
            absSum += Math.abs(error);
            sqSum += error * error;
            predictedTotal += predicted;
            actualTotal += actual[i];
            int b = (int) Math.min(x[i], LAST_BUCKET);
            bucketCount[b]++;
            bucketPredicted[b] += predicted;
            bucketActual[b] += actual[i];
        }
        List<HoldoutReport.FrequencyBucket> buckets = new ArrayList<>();
        for (int b = 0; b <= LAST_BUCKET; b++) {
            if (bucketCount[b] > 0) {
                String label = b == LAST_BUCKET ? LAST_BUCKET + "+" : Integer.toString(b);
                buckets.add(new HoldoutReport.FrequencyBucket(label, (int) bucketCount[b],
                        bucketPredicted[b] / bucketCount[b], bucketActual[b] / bucketCount[b]));
            }
        }
        return new HoldoutReport(size, holdoutLength, absSum / size, Math.sqrt(sqSum / size), predictedTotal,
                actualTotal, buckets);
    }

    /**
     * The cumulative tracking curve: expected repeat purchases by calendar time τ,
     * {@code Σ_i E[X(τ − s_i)]} over customers whose first purchase time {@code s_i} is before τ
     * (paper eq. 9), against the actual number of repeat purchases at or before τ.
     *
     * @param model the BG/NBD parameters
     * @param firstPurchaseTimes every customer's first-purchase time, on one calendar axis in the
     *     model's unit
     * @param repeatPurchaseTimes the times of all repeat purchases, same axis
     * @param at the calendar times at which to report, ascending
     * @return one point per requested time
     */
    public static List<HoldoutReport.TrackingPoint> trackingCurve(BgNbdParameters model, double[] firstPurchaseTimes,
            double[] repeatPurchaseTimes, double[] at) {
        TreeMap<Double, Integer> births = new TreeMap<>();
        for (int i = 0; i < firstPurchaseTimes.length; i++) {
            double s = firstPurchaseTimes[i];
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("first purchase time " + i + " must be finite, found " + s);
            }
            births.merge(s, 1, Integer::sum);
        }
        double[] repeats = repeatPurchaseTimes.clone();
        Arrays.sort(repeats);
        List<HoldoutReport.TrackingPoint> points = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (double tau : at) {
            if (!(tau >= previous) || !Double.isFinite(tau)) {
                throw new IllegalArgumentException("tracking times must be finite and ascending, found " + tau
                        + " after " + previous);
            }
            previous = tau;
            double expected = 0;
            for (var e : births.headMap(tau, false).entrySet()) {
                expected += e.getValue() * model.expectedPurchases(tau - e.getKey());
            }
            int idx = Arrays.binarySearch(repeats, tau);
            int count;
            if (idx >= 0) {
                while (idx + 1 < repeats.length && repeats[idx + 1] == tau) {
                    idx++;
                }
                count = idx + 1;
            } else {
                count = -idx - 1;
            }
            points.add(new HoldoutReport.TrackingPoint(tau, expected, count));
        }
        return points;
    }
}
