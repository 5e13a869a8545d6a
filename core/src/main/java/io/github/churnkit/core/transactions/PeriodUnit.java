package io.github.churnkit.core.transactions;

/**
 * The time unit in which recency, age and purchase rates are expressed.
 *
 * <p>BG/NBD parameters are rates per unit: the CDNOW estimates of Fader, Hardie and Lee (2005),
 * for example, are per {@link #WEEKS week}. A summary computed in days and a model fitted in
 * weeks do not mix.
 */
public enum PeriodUnit {
    /** One calendar day. */
    DAYS(1),
    /** Seven calendar days. */
    WEEKS(7);

    private final int days;

    PeriodUnit(int days) {
        this.days = days;
    }

    /** Length of one unit in days (1 or 7). */
    public int days() {
        return days;
    }

    /** A span of {@code days} calendar days expressed in this unit (for example 10 days = 1.428... weeks). */
    public double fromDays(long days) {
        return (double) days / this.days;
    }
}
