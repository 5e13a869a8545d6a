package io.github.churnkit.scoring;

import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.Objects;

/**
 * Which raw columns feed the expected CLV of a {@link CustomerScore}, and by which formula. Stored
 * in a bundle as section {@value #SECTION} beside {@code clv.settings} (margin, discount rate,
 * horizon) and, for {@link Method#SBG}, {@code clv.sbg}.
 *
 * <ul>
 *   <li>{@link Method#CHURN_PROBABILITY}: {@code CLV = margin × revenue × DERL(θ)} with θ the
 *       customer's calibrated churn probability taken as a constant churn rate per revenue period
 *       ({@link io.github.churnkit.scoring.clv.ClvFormulas#subscriptionFromChurnProbability}). An
 *       approximation: it reads the model's probability of churning within its label window as a
 *       per-period rate, so it is best when the window is one billing period.</li>
 *   <li>{@link Method#SBG}: {@code CLV = margin × revenue × DERL}, DERL from the cohort's
 *       shifted-beta-geometric fit given the customer's renewals so far
 *       ({@link io.github.churnkit.scoring.clv.ClvFormulas#subscription}); the renewals column is
 *       read as a count, rounded down, negative values taken as 0.</li>
 * </ul>
 * A missing (or negative) revenue, or a missing renewals count, gives a NaN CLV; in strict mode a
 * negative or infinite revenue throws.
 *
 * <p>Layout of the section: {@code string revenue column, u8 method (0 churn probability, 1 sBG),
 * string renewals column} (empty for the churn-probability method).
 *
 * @param revenueColumn  a NUMERIC column holding revenue per period (e.g. monthly charges)
 * @param method         the formula
 * @param renewalsColumn a NUMERIC column holding the renewals made so far; required (non-empty) for
 *                       {@link Method#SBG}, empty otherwise
 */
public record ClvInputs(String revenueColumn, Method method, String renewalsColumn) {

    /** The bundle section name. */
    public static final String SECTION = "clv.inputs";
    private static final int MAX_NAME_BYTES = 1 << 16;

    /** The CLV formula. */
    public enum Method {
        /** DERL from the customer's churn probability, taken as a constant per-period churn rate. */
        CHURN_PROBABILITY,
        /** DERL from the sBG parameters of the bundle and the customer's renewals. */
        SBG
    }

    /** Validates the combination. */
    public ClvInputs {
        Objects.requireNonNull(revenueColumn, "revenueColumn");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(renewalsColumn, "renewalsColumn");
        if (revenueColumn.isBlank()) {
            throw new IllegalArgumentException("revenueColumn must not be blank");
        }
        if (method == Method.SBG && renewalsColumn.isBlank()) {
            throw new IllegalArgumentException("the sBG method needs a renewals column");
        }
        if (method == Method.CHURN_PROBABILITY && !renewalsColumn.isEmpty()) {
            throw new IllegalArgumentException("the churn-probability method reads no renewals column, found '"
                    + renewalsColumn + "'");
        }
    }

    /** CLV from the churn probability and the revenue column. */
    public static ClvInputs fromChurnProbability(String revenueColumn) {
        return new ClvInputs(revenueColumn, Method.CHURN_PROBABILITY, "");
    }

    /** CLV from the sBG parameters, the revenue column and the renewals column. */
    public static ClvInputs fromSbg(String revenueColumn, String renewalsColumn) {
        return new ClvInputs(revenueColumn, Method.SBG, renewalsColumn);
    }

    /** Writes the section payload. */
    public void writeTo(BundleOutput out) {
        out.writeString(revenueColumn).writeByte(method.ordinal()).writeString(renewalsColumn);
    }

    /**
     * Reads the section payload.
     *
     * @throws io.github.churnkit.scoring.bundle.BundleFormatException if it is malformed
     */
    public static ClvInputs readFrom(BundleInput in) {
        String revenue = in.readString(MAX_NAME_BYTES);
        int m = in.readByte();
        if (m < 0 || m >= Method.values().length) {
            throw in.fail("unknown CLV method " + m);
        }
        String renewals = in.readString(MAX_NAME_BYTES);
        try {
            return new ClvInputs(revenue, Method.values()[m], renewals);
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
    }
}
