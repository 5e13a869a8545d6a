package io.github.churnkit.scoring.clv;

import java.util.Locale;

/**
 * One customer's purchase history summarised the way the BG/NBD and Gamma-Gamma models read it.
 *
 * <p>Time is measured in a unit the caller chooses (days, weeks, months) and must be the same unit
 * in which the model was fitted. The first purchase starts the clock and is not counted.
 *
 * @param frequency number of repeat purchases {@code x} (purchases after the first), a whole number
 *     {@code >= 0}
 * @param recency time of the last repeat purchase since the first purchase, {@code t_x}; 0 when
 *     there is no repeat purchase
 * @param age time from the first purchase to the end of the observation period, {@code T}
 * @param meanRepeatSpend average value of the repeat purchases ({@code m̄_x}), or NaN when unknown
 *     or when there is no repeat purchase; otherwise finite and {@code >= 0}
 */
public record PurchaseHistory(double frequency, double recency, double age, double meanRepeatSpend) {

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException when a value is NaN or infinite, {@code frequency < 0} or not whole,
     *     {@code recency < 0}, {@code recency > age}, {@code frequency == 0} with {@code recency > 0},
     *     or the mean spend is negative or infinite
     */
    public PurchaseHistory {
        check(frequency, recency, age);
        if (!Double.isNaN(meanRepeatSpend) && !(meanRepeatSpend >= 0 && meanRepeatSpend < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "meanRepeatSpend must be finite and >= 0 (or NaN when unknown), found %s", meanRepeatSpend));
        }
    }

    /**
     * A history without spend information.
     *
     * @param frequency repeat purchases {@code x}
     * @param recency time of the last repeat purchase {@code t_x}
     * @param age time since the first purchase {@code T}
     * @return the history, with NaN mean spend
     */
    public static PurchaseHistory of(double frequency, double recency, double age) {
        return new PurchaseHistory(frequency, recency, age, Double.NaN);
    }

    /**
     * Checks one {@code (x, t_x, T)} triple without allocating; used by the models and the fitters.
     *
     * @param frequency repeat purchases {@code x}
     * @param recency time of the last repeat purchase {@code t_x}
     * @param age time since the first purchase {@code T}
     * @throws IllegalArgumentException with a message naming the offending value
     */
    public static void check(double frequency, double recency, double age) {
        if (!(frequency >= 0 && frequency < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "frequency (repeat purchases) must be finite and >= 0, found %s", frequency));
        }
        if (frequency != Math.rint(frequency)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "frequency (repeat purchases) must be a whole number, found %s", frequency));
        }
        if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "age T (time since first purchase) must be finite and >= 0, found %s", age));
        }
        if (!(recency >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "recency t_x must be >= 0, found %s (frequency=%s, T=%s)", recency, frequency, age));
        }
        if (recency > age) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "recency t_x must not exceed age T, found t_x=%s > T=%s (frequency=%s)", recency, age, frequency));
        }
        if (frequency == 0 && recency > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "frequency is 0 but recency is %s: a customer without repeat purchases has recency 0"
                            + " (is recency measured from the first purchase?)", recency));
        }
    }
}
