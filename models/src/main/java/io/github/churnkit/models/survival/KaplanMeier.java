package io.github.churnkit.models.survival;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kaplan-Meier estimator of the survival function from right-censored durations (Kaplan &amp; Meier
 * 1958, "Nonparametric estimation from incomplete observations", JASA 53), with Greenwood's variance
 * and pointwise confidence intervals.
 *
 * <p>At each distinct event time {@code t_i} with {@code n_i} customers at risk (duration
 * {@code >= t_i}) and {@code d_i} events: {@code Ŝ(t) = Π_{t_i <= t} (1 − d_i/n_i)}. Customers
 * censored at {@code t_i} count as at risk at {@code t_i} (events before censorings, the usual
 * convention). Greenwood's formula: {@code Var Ŝ(t) = Ŝ(t)² Σ_{t_i <= t} d_i / (n_i (n_i − d_i))}.
 * Intervals, at level {@code 1 − a} with {@code z = Φ^{-1}(1 − a/2)} and
 * {@code σ² = Σ d_i / (n_i (n_i − d_i))}:
 * <ul>
 *   <li>{@link Interval#LOG_LOG} (default; Kalbfleisch &amp; Prentice): {@code Ŝ^{exp(±z σ / ln Ŝ)}},
 *       always inside (0, 1);</li>
 *   <li>{@link Interval#PLAIN}: {@code Ŝ ± z Ŝ σ}, clipped to [0, 1].</li>
 * </ul>
 * The intervals are pointwise (each time separately), not a simultaneous band.
 *
 * <p>In churn analysis the duration is tenure and the event is churn; customers still subscribed are
 * censored at their current tenure. Thread-safe.
 */
public final class KaplanMeier {

    /** How the confidence bounds are formed. */
    public enum Interval {
        /** On the log(−log S) scale, back-transformed. */
        LOG_LOG,
        /** Symmetric on the survival scale (can be poor near 0 and 1). */
        PLAIN
    }

    /**
     * Estimator settings.
     *
     * @param confidenceLevel level of the pointwise intervals, in (0, 1)
     * @param interval how the interval is formed
     */
    public record Options(double confidenceLevel, Interval interval) {

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException if the level is outside (0, 1)
         */
        public Options {
            if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "confidenceLevel must be in (0, 1), found %s", confidenceLevel));
            }
            Objects.requireNonNull(interval, "interval");
        }

        /** @return 95% log-log intervals */
        public static Options defaults() {
            return new Options(0.95, Interval.LOG_LOG);
        }

        /**
         * @param level the confidence level
         * @return a copy with the level replaced
         */
        public Options withConfidenceLevel(double level) {
            return new Options(level, interval);
        }

        /**
         * @param value the interval type
         * @return a copy with the interval type replaced
         */
        public Options withInterval(Interval value) {
            return new Options(confidenceLevel, value);
        }
    }

    private final Options options;

    private KaplanMeier(Options options) {
        this.options = options;
    }

    /**
     * @param options the settings
     * @return an estimator
     */
    public static KaplanMeier of(Options options) {
        return new KaplanMeier(Objects.requireNonNull(options, "options"));
    }

    /** @return an estimator with {@link Options#defaults()} */
    public static KaplanMeier withDefaults() {
        return of(Options.defaults());
    }

    /**
     * One curve per group (plan, segment, promotion arm), for plotting side by side; test whether
     * they differ with {@link LogRank#test(double[], boolean[], String[])}.
     *
     * @param duration time to event or censoring per customer
     * @param event true where the event was observed
     * @param group group label per customer, not null
     * @return the curves by label, in label order
     * @throws IllegalArgumentException on invalid input (see {@link #fit(double[], boolean[])}) or a
     *     null label
     */
    public Map<String, SurvivalCurve> fitByGroup(double[] duration, boolean[] event, String[] group) {
        SurvivalData.check(duration, event);
        if (group.length != duration.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "group must have one label per customer, found %d labels for %d customers", group.length,
                    duration.length));
        }
        Map<String, int[]> members = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] == null) {
                throw new IllegalArgumentException("group label " + i + " is null");
            }
            counts.merge(group[i], 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            members.put(e.getKey(), new int[e.getValue()]);
        }
        Map<String, Integer> filled = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            int k = filled.merge(group[i], 1, Integer::sum) - 1;
            members.get(group[i])[k] = i;
        }
        Map<String, SurvivalCurve> curves = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : members.entrySet()) {
            int[] idx = e.getValue();
            double[] d = new double[idx.length];
            boolean[] ev = new boolean[idx.length];
            for (int j = 0; j < idx.length; j++) {
                d[j] = duration[idx[j]];
                ev[j] = event[idx[j]];
            }
            curves.put(e.getKey(), fit(d, ev));
        }
        return curves;
    }

    /**
     * Estimates the survival curve.
     *
     * @param duration time to the event or to censoring, finite and {@code >= 0}
     * @param event true if the event (churn) was observed, false if censored
     * @return the curve; with no events it is empty and {@link SurvivalCurve#survivalAt(double)} is 1
     * @throws IllegalArgumentException on empty input, different lengths, or a NaN, infinite or
     *     negative duration (the message names the index)
     */
    public SurvivalCurve fit(double[] duration, boolean[] event) {
        SurvivalData.check(duration, event);
        int n = duration.length;
        Integer[] order = SurvivalData.order(duration);
        double[] times = new double[n];
        int[] atRisk = new int[n];
        int[] events = new int[n];
        int m = 0;
        int remaining = n;
        int i = 0;
        while (i < n) {
            double t = duration[order[i]];
            int d = 0;
            int leaving = 0;
            while (i < n && duration[order[i]] == t) {
                if (event[order[i]]) {
                    d++;
                }
                leaving++;
                i++;
            }
            if (d > 0) {
                times[m] = t;
                atRisk[m] = remaining;
                events[m] = d;
                m++;
            }
            remaining -= leaving;
        }
        times = Arrays.copyOf(times, m);
        atRisk = Arrays.copyOf(atRisk, m);
        events = Arrays.copyOf(events, m);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + options.confidenceLevel() / 2);
        double[] survival = new double[m];
        double[] se = new double[m];
        double[][] bounds = new double[2][m];
        double s = 1.0;
        double greenwood = 0.0;
        for (int k = 0; k < m; k++) {
            s *= 1.0 - (double) events[k] / atRisk[k];
            greenwood += atRisk[k] == events[k] ? Double.POSITIVE_INFINITY
                    : (double) events[k] / ((double) atRisk[k] * (atRisk[k] - events[k]));
            survival[k] = s;
            double sigma = Math.sqrt(greenwood);
            se[k] = s > 0 ? s * sigma : Double.NaN;
            if (s == 0) {
                bounds[0][k] = Double.NaN;
                bounds[1][k] = Double.NaN;
            } else if (options.interval() == Interval.LOG_LOG) {
                double logS = Math.log(s);
                bounds[0][k] = Math.pow(s, Math.exp(-z * sigma / logS));
                bounds[1][k] = Math.pow(s, Math.exp(z * sigma / logS));
            } else {
                bounds[0][k] = Math.max(0.0, s - z * se[k]);
                bounds[1][k] = Math.min(1.0, s + z * se[k]);
            }
        }
        return new SurvivalCurve(times, atRisk, events, survival, se, bounds, options.confidenceLevel());
    }
}
