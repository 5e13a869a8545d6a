package io.github.churnkit.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@link CustomerScorer} says about one customer.
 *
 * @param churnProbability the calibrated churn probability, in [0, 1]
 * @param riskBand         the name of the bundle's risk band that holds the probability
 * @param segmentId        the stable id of the customer's segment, -1 when the bundle has no segment model
 * @param segmentName      the segment's name, empty when the bundle has no segment model
 * @param clv              the expected customer lifetime value (see {@link ClvInputs}); NaN when the
 *                         bundle has no CLV model or the customer's revenue (or renewals) is missing
 * @param clvLow           lower end of the confidence interval of the expected CLV,
 *                         {@code clv · exp(−z · se)}: the delta-method interval from the sBG
 *                         parameters' estimation uncertainty (section {@code clv.sbg.interval}, at
 *                         the level stored there). It says how well the training data pin down the
 *                         <i>expected</i> value, not how much this one customer may pay, which varies
 *                         far more. NaN when the CLV is NaN, for the churn-probability CLV method
 *                         (the bundle holds no uncertainty for it), and for bundles without the
 *                         interval section; see {@link CustomerScorer#hasClvInterval()}
 * @param clvHigh          upper end of the same interval, {@code clv · exp(z · se)}; NaN exactly when
 *                         {@code clvLow} is
 * @param reasons          the top reasons, largest absolute contribution first (empty when none were asked for)
 */
public record CustomerScore(double churnProbability, String riskBand, int segmentId, String segmentName,
        double clv, double clvLow, double clvHigh, List<ScoreReason> reasons) {

    /** Validates and copies. */
    public CustomerScore {
        if (!(churnProbability >= 0 && churnProbability <= 1)) {
            throw new IllegalArgumentException("churnProbability must be in [0, 1], found " + churnProbability);
        }
        Objects.requireNonNull(riskBand, "riskBand");
        Objects.requireNonNull(segmentName, "segmentName");
        reasons = List.copyOf(reasons);
    }

    /** Whether the customer was assigned a segment (the bundle has a segment model). */
    public boolean hasSegment() {
        return segmentId >= 0 || !segmentName.isEmpty();
    }
}
