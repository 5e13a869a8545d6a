package io.github.churnkit.models.survival;

import java.util.Locale;

/**
 * A Kaplan-Meier survival curve with Greenwood standard errors and pointwise confidence intervals,
 * produced by {@link KaplanMeier}.
 *
 * <p>Entry i describes the i-th distinct time at which at least one event happened: the customers at
 * risk just before it, the events at it, the survival estimate just after it, its standard error and
 * confidence bounds. The curve is a right-continuous step function: {@link #survivalAt(double)} is 1
 * before the first event time. Immutable and thread-safe.
 */
public final class SurvivalCurve {

    private final double[] times;
    private final int[] atRisk;
    private final int[] events;
    private final double[] survival;
    private final double[] standardError;
    private final double[] lower;
    private final double[] upper;
    private final double confidenceLevel;

    SurvivalCurve(double[] times, int[] atRisk, int[] events, double[] survival, double[] standardError,
            double[][] bounds, double confidenceLevel) {
        this.times = times;
        this.atRisk = atRisk;
        this.events = events;
        this.survival = survival;
        this.standardError = standardError;
        this.lower = bounds[0];
        this.upper = bounds[1];
        this.confidenceLevel = confidenceLevel;
    }

    /** @return the number of distinct event times */
    public int size() {
        return times.length;
    }

    /**
     * @param i index of an event time, {@code 0 <= i < size()}
     * @return the i-th distinct event time
     */
    public double time(int i) {
        return times[i];
    }

    /**
     * @param i index of an event time
     * @return customers at risk just before it (time {@code >=} it)
     */
    public int atRisk(int i) {
        return atRisk[i];
    }

    /**
     * @param i index of an event time
     * @return events at that time
     */
    public int events(int i) {
        return events[i];
    }

    /**
     * @param i index of an event time
     * @return the survival estimate just after that time
     */
    public double survival(int i) {
        return survival[i];
    }

    /**
     * @param i index of an event time
     * @return Greenwood's standard error of the survival estimate; NaN once the estimate reaches 0
     */
    public double standardError(int i) {
        return standardError[i];
    }

    /**
     * @param i index of an event time
     * @return lower pointwise confidence bound; NaN where undefined (survival 0 with log-log)
     */
    public double lower(int i) {
        return lower[i];
    }

    /**
     * @param i index of an event time
     * @return upper pointwise confidence bound; NaN where undefined
     */
    public double upper(int i) {
        return upper[i];
    }

    /** @return the confidence level of the bounds */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * The step function at any time.
     *
     * @param t time
     * @return Ŝ(t): 1 before the first event time, the estimate after the last event time at or
     *     before t otherwise
     */
    public double survivalAt(double t) {
        int lo = 0;
        int hi = times.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 1.0 : survival[found];
    }

    /**
     * @return the median survival time, the first event time at which Ŝ is at most 0.5, or NaN if the
     *     curve never gets there
     */
    public double medianSurvival() {
        for (int i = 0; i < times.length; i++) {
            if (survival[i] <= 0.5) {
                return times[i];
            }
        }
        return Double.NaN;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurvivalCurve[%d event times, S(end)=%.4f, median=%s]", times.length,
                times.length == 0 ? 1.0 : survival[times.length - 1], medianSurvival());
    }
}
