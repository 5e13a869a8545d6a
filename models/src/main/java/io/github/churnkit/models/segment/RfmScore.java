package io.github.churnkit.models.segment;

import java.util.Objects;

/**
 * One customer's RFM scores (1 worst to 5 best) and named segment.
 *
 * @param recency   5 for the most recent fifth of customers, 1 for the least recent
 * @param frequency 5 for the most frequent fifth
 * @param monetary  5 for the highest-spending fifth
 * @param segment   the named segment, see {@link RfmSegment}
 */
public record RfmScore(int recency, int frequency, int monetary, RfmSegment segment) {

    /** Validates that the segment matches the scores. */
    public RfmScore {
        Objects.requireNonNull(segment, "segment");
        if (RfmSegment.of(recency, frequency, monetary) != segment) {
            throw new IllegalArgumentException("scores " + recency + frequency + monetary + " give segment "
                    + RfmSegment.of(recency, frequency, monetary) + ", not " + segment);
        }
    }

    /** The scores of {@code r}, {@code f} and {@code m} with their segment. */
    public static RfmScore of(int r, int f, int m) {
        return new RfmScore(r, f, m, RfmSegment.of(r, f, m));
    }

    /** The usual three-digit code, e.g. {@code "545"}. */
    public String code() {
        return "" + recency + frequency + monetary;
    }
}
