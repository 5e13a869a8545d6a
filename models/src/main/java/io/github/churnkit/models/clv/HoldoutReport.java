package io.github.churnkit.models.clv;

import java.util.List;

/**
 * Predicted versus actual purchases in a holdout period, per customer and by calibration frequency.
 *
 * @param customers customers evaluated
 * @param holdoutLength length of the holdout period, in the model's time unit
 * @param meanAbsoluteError mean over customers of |predicted − actual| holdout purchases
 * @param rootMeanSquaredError square root of the mean squared error
 * @param predictedTotal sum of predicted holdout purchases
 * @param actualTotal sum of actual holdout purchases
 * @param buckets mean predicted and actual purchases by calibration frequency (the paper's
 *     "conditional expectations" chart), the last bucket open-ended
 */
public record HoldoutReport(int customers, double holdoutLength, double meanAbsoluteError,
        double rootMeanSquaredError, double predictedTotal, double actualTotal, List<FrequencyBucket> buckets) {

    /** Copies the bucket list. */
    public HoldoutReport {
        buckets = List.copyOf(buckets);
    }

    /**
     * One calibration-frequency bucket.
     *
     * @param label "0", "1", ... or "7+" for the open-ended last bucket
     * @param customers customers in the bucket
     * @param meanPredicted mean predicted holdout purchases
     * @param meanActual mean actual holdout purchases
     */
    public record FrequencyBucket(String label, int customers, double meanPredicted, double meanActual) {
    }

    /**
     * One point of the cumulative tracking curve.
     *
     * @param time calendar time in the model's unit since the origin of the time axis
     * @param expectedCumulative expected cumulative repeat purchases by then
     * @param actualCumulative actual cumulative repeat purchases by then
     */
    public record TrackingPoint(double time, double expectedCumulative, double actualCumulative) {
    }
}
