package io.github.churnkit.scoring.clv;

import java.util.Locale;

/**
 * How customer lifetime value is discounted and truncated.
 *
 * <p>All quantities are per model period: the period of the sBG contract, or the time unit in which
 * a BG/NBD model was fitted (a day, a week). A yearly rate {@code y} becomes a weekly one as
 * {@code (1 + y)^{1/52} − 1}.
 *
 * @param margin share of revenue that is profit, in {@code (0, 1]}; use 1 to get revenue
 * @param discountRate discount rate per period {@code d}, finite and {@code >= 0}
 * @param horizon number of periods valued, {@code >= 1}, or {@link #UNBOUNDED} (subscriptions only,
 *     needs {@code d > 0})
 */
public record ClvSettings(double margin, double discountRate, int horizon) {

    /** Horizon value meaning "the whole expected lifetime". */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException on a value out of range
     */
    public ClvSettings {
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "margin must be in (0, 1], found %s", margin));
        }
        if (!(discountRate >= 0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discountRate must be finite and >= 0, found %s", discountRate));
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 period, found " + horizon);
        }
        if (horizon == UNBOUNDED && discountRate == 0) {
            throw new IllegalArgumentException("an UNBOUNDED horizon needs a discountRate > 0");
        }
    }

    /**
     * Margin 1 (revenue), 1% discount per period, 36 periods (three years of months).
     *
     * @return the defaults
     */
    public static ClvSettings defaults() {
        return new ClvSettings(1.0, 0.01, 36);
    }

    /**
     * @param value the margin
     * @return a copy with the margin replaced
     */
    public ClvSettings withMargin(double value) {
        return new ClvSettings(value, discountRate, horizon);
    }

    /**
     * @param value the discount rate per period
     * @return a copy with the discount rate replaced
     */
    public ClvSettings withDiscountRate(double value) {
        return new ClvSettings(margin, value, horizon);
    }

    /**
     * @param value the horizon in periods, or {@link #UNBOUNDED}
     * @return a copy with the horizon replaced
     */
    public ClvSettings withHorizon(int value) {
        return new ClvSettings(margin, discountRate, value);
    }
}
