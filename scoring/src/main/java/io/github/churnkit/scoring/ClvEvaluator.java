package io.github.churnkit.scoring;

import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.util.Objects;

/**
 * One customer's expected CLV and its confidence interval from a model file's CLV sections
 * ({@code clv.inputs}, {@code clv.settings}, {@code clv.sbg}, {@code clv.sbg.interval}), by the
 * rules {@link CustomerScorer} documents for them. {@code CustomerScorer} computes every CLV through
 * one of these; callers that hold the raw revenue and renewals values but not a whole record for the
 * scorer (a streaming CSV scorer, a report) can use one directly.
 *
 * <ul>
 *   <li>Revenue: missing (NaN), negative or infinite gives a NaN CLV.</li>
 *   <li>{@linkplain ClvInputs.Method#CHURN_PROBABILITY Churn-probability method}:
 *       {@link ClvFormulas#subscriptionFromChurnProbability}; no interval.</li>
 *   <li>{@linkplain ClvInputs.Method#SBG sBG method}: {@link ClvFormulas#subscription} at
 *       {@link #renewalsCount(double) renewalsCount(renewals)}; a missing renewals value gives a NaN
 *       CLV. With an interval, the bounds are {@code clv · exp(∓ z · se)},
 *       {@link SbgUncertainty#logStandardError} for the renewals count.</li>
 * </ul>
 *
 * The values are those of {@code CustomerScorer.score(...)} for the same revenue, renewals and
 * churn probability (the scorer calls this class). Every result is NaN exactly where the scorer's
 * is; the scorer's strict mode additionally refuses a negative or infinite revenue.
 *
 * <p>Immutable and thread-safe: the standard error of each renewals count below 1,024 is computed
 * once, on first use, without locks. Computing a value allocates nothing.
 */
public final class ClvEvaluator {

    private final ClvInputs inputs;
    private final ClvSettings settings;
    private final SbgParameters sbg;
    private final SbgUncertainty uncertainty;
    /** Log standard error per renewals count; null without an interval. */
    private final SbgErrorTable errors;

    private ClvEvaluator(ClvInputs inputs, ClvSettings settings, SbgParameters sbg, SbgUncertainty uncertainty) {
        this.inputs = inputs;
        this.settings = settings;
        this.sbg = sbg;
        this.uncertainty = uncertainty;
        this.errors = uncertainty == null ? null : new SbgErrorTable(settings, sbg, uncertainty);
    }

    /**
     * An evaluator for a model file's CLV.
     *
     * @param inputs      which columns and which formula
     * @param settings    margin, discount rate, horizon
     * @param sbg         the sBG parameters; required for the sBG method, ignored otherwise (may be null)
     * @param uncertainty the parameters' uncertainty, or null for no interval; ignored for the
     *                    churn-probability method, as the scorer ignores it
     * @return the evaluator
     * @throws NullPointerException     if inputs or settings is null
     * @throws IllegalArgumentException if the sBG method is given no parameters
     */
    public static ClvEvaluator of(ClvInputs inputs, ClvSettings settings, SbgParameters sbg,
            SbgUncertainty uncertainty) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(settings, "settings");
        boolean sbgMethod = inputs.method() == ClvInputs.Method.SBG;
        if (sbgMethod && sbg == null) {
            throw new IllegalArgumentException("the sBG CLV method (renewals column '" + inputs.renewalsColumn()
                    + "') needs sBG parameters, found none");
        }
        return new ClvEvaluator(inputs, settings, sbgMethod ? sbg : null, sbgMethod ? uncertainty : null);
    }

    /** Which columns and formula. */
    public ClvInputs inputs() {
        return inputs;
    }

    /** Whether CLVs come with an interval: the sBG method with the parameters' uncertainty. */
    public boolean hasInterval() {
        return uncertainty != null;
    }

    /** The interval's confidence level; NaN without an interval. */
    public double level() {
        return uncertainty == null ? Double.NaN : uncertainty.level();
    }

    /**
     * A renewals value read as a count, as the scorer reads its renewals column: rounded down,
     * negatives as 0, capped at 2^30.
     *
     * @param renewals the raw value, not NaN
     * @return the count
     */
    public static int renewalsCount(double renewals) {
        return renewals <= 0 ? 0 : renewals >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) renewals;
    }

    /**
     * The expected CLV.
     *
     * @param revenue          revenue per period; NaN when missing
     * @param renewals         renewals so far (sBG method; NaN when missing, ignored otherwise)
     * @param churnProbability the calibrated churn probability (churn-probability method, in [0, 1];
     *                         ignored otherwise)
     * @return the CLV, or NaN (see the class documentation)
     */
    public double clv(double revenue, double renewals, double churnProbability) {
        if (!(revenue >= 0) || revenue == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (inputs.method() == ClvInputs.Method.CHURN_PROBABILITY) {
            return ClvFormulas.subscriptionFromChurnProbability(settings, revenue, churnProbability);
        }
        if (Double.isNaN(renewals)) {
            return Double.NaN;
        }
        return ClvFormulas.subscription(settings, revenue, sbg, renewalsCount(renewals));
    }

    /**
     * The lower end of the CLV's interval, {@code clv · exp(−z · se)}.
     *
     * @param clv      the CLV from {@link #clv}
     * @param renewals the renewals value it was computed with
     * @return the bound; NaN when {@code clv} is NaN or there is no interval
     */
    public double lower(double clv, double renewals) {
        return lowerFrom(clv, logStandardError(clv, renewals));
    }

    /**
     * The upper end of the CLV's interval, {@code clv · exp(z · se)}.
     *
     * @param clv      the CLV from {@link #clv}
     * @param renewals the renewals value it was computed with
     * @return the bound; NaN when {@code clv} is NaN or there is no interval
     */
    public double upper(double clv, double renewals) {
        return upperFrom(clv, logStandardError(clv, renewals));
    }

    /**
     * The delta-method standard error of {@code ln clv}; NaN when {@code clv} or {@code renewals} is
     * NaN or there is no interval.
     */
    double logStandardError(double clv, double renewals) {
        if (errors == null || Double.isNaN(clv) || Double.isNaN(renewals)) {
            return Double.NaN;
        }
        return errors.logStandardError(renewalsCount(renewals));
    }

    /** {@code clv · exp(−z · se)}; NaN when {@code se} is NaN. */
    double lowerFrom(double clv, double logStandardError) {
        return Double.isNaN(logStandardError) ? Double.NaN : errors.lower(clv, logStandardError);
    }

    /** {@code clv · exp(z · se)}; NaN when {@code se} is NaN. */
    double upperFrom(double clv, double logStandardError) {
        return Double.isNaN(logStandardError) ? Double.NaN : errors.upper(clv, logStandardError);
    }

    @Override
    public String toString() {
        return "ClvEvaluator[" + inputs + ", " + settings + (uncertainty == null ? "" : ", " + uncertainty) + "]";
    }
}
