package io.github.churnkit.examples.workflow;

import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.util.Arrays;
import java.util.Objects;

/**
 * One customer's expected CLV and its confidence interval from a model file's CLV sections
 * ({@code clv.inputs}, {@code clv.settings}, {@code clv.sbg}, {@code clv.sbg.interval}), by the
 * rules {@code CustomerScorer} documents for them, for callers that hold the raw revenue and
 * renewals values but not a whole record for the scorer (the streaming CSV scorer, the analysis).
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
 * churn probability, bit for bit (the same functions, in the same order; the examples' tests
 * compare them). Every result is NaN exactly where the scorer's is.
 *
 * <p>Not thread-safe: it keeps the standard error of each renewals count below 1,024 once
 * computed. Computing a value allocates nothing.
 */
public final class ClvEvaluator {

    private static final int CACHED = 1024;

    private final ClvInputs inputs;
    private final ClvSettings settings;
    private final SbgParameters sbg;
    private final SbgUncertainty uncertainty;
    /** Log standard error per renewals count; NaN until computed. */
    private final double[] logStandardErrors;

    private ClvEvaluator(ClvInputs inputs, ClvSettings settings, SbgParameters sbg, SbgUncertainty uncertainty) {
        this.inputs = inputs;
        this.settings = settings;
        this.sbg = sbg;
        this.uncertainty = uncertainty;
        this.logStandardErrors = new double[uncertainty == null ? 0 : CACHED];
        Arrays.fill(logStandardErrors, Double.NaN);
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
        double se = logStandardError(clv, renewals);
        return Double.isNaN(se) ? Double.NaN : uncertainty.lower(clv, se);
    }

    /**
     * The upper end of the CLV's interval, {@code clv · exp(z · se)}.
     *
     * @param clv      the CLV from {@link #clv}
     * @param renewals the renewals value it was computed with
     * @return the bound; NaN when {@code clv} is NaN or there is no interval
     */
    public double upper(double clv, double renewals) {
        double se = logStandardError(clv, renewals);
        return Double.isNaN(se) ? Double.NaN : uncertainty.upper(clv, se);
    }

    private double logStandardError(double clv, double renewals) {
        if (uncertainty == null || Double.isNaN(clv) || Double.isNaN(renewals)) {
            return Double.NaN;
        }
        int n = renewalsCount(renewals);
        if (n >= CACHED) {
            return uncertainty.logStandardError(settings, sbg, n);
        }
        double se = logStandardErrors[n];
        if (Double.isNaN(se)) {
            se = uncertainty.logStandardError(settings, sbg, n);
            logStandardErrors[n] = se;
        }
        return se;
    }

    @Override
    public String toString() {
        return "ClvEvaluator[" + inputs + ", " + settings + (uncertainty == null ? "" : ", " + uncertainty) + "]";
    }
}
