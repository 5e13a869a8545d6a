package io.github.churnkit.scoring.monitor;

/**
 * How far a distribution has moved, judged from its population stability index (PSI) with the
 * rule of thumb used in credit scoring (N. Siddiqi, <i>Credit Risk Scorecards</i>, Wiley 2006,
 * ch. 8; see also B. Yurdakul, <i>Statistical Properties of Population Stability Index</i>,
 * Western Michigan University, 2018, for why the thresholds are conventions rather than tests):
 *
 * <table>
 *   <caption>PSI thresholds</caption>
 *   <tr><th>PSI</th><th>level</th><th>usual reading</th></tr>
 *   <tr><td>&lt; 0.1</td><td>{@link #STABLE}</td><td>no significant change</td></tr>
 *   <tr><td>0.1 to 0.25</td><td>{@link #MODERATE}</td><td>some change, investigate</td></tr>
 *   <tr><td>&gt; 0.25</td><td>{@link #MAJOR}</td><td>significant shift, consider retraining</td></tr>
 * </table>
 */
public enum DriftLevel {
    /** PSI below 0.1. */
    STABLE,
    /** PSI from 0.1 up to and including 0.25. */
    MODERATE,
    /** PSI above 0.25. */
    MAJOR;

    /** Lower bound (inclusive) of {@link #MODERATE}. */
    public static final double MODERATE_FROM = 0.1;
    /** Upper bound (inclusive) of {@link #MODERATE}; anything above is {@link #MAJOR}. */
    public static final double MAJOR_ABOVE = 0.25;

    /**
     * The level of a PSI value.
     *
     * @throws IllegalArgumentException if {@code psi} is NaN or negative
     */
    public static DriftLevel of(double psi) {
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("PSI must be a non-negative number, found " + psi);
        }
        if (psi < MODERATE_FROM) {
            return STABLE;
        }
        return psi <= MAJOR_ABOVE ? MODERATE : MAJOR;
    }
}
