package io.github.churnkit.models.segment;

/**
 * How well one number of segments fits: one row of the table {@link KSelection} reports.
 *
 * @param k                 the number of segments
 * @param inertia           within-segment sum of squared standardised distances of the best
 *                          restart (lower is better; always falls with k, read it as an elbow)
 * @param silhouette        mean silhouette width, on a seeded sample for large data (higher is
 *                          better; NaN for k = 1)
 * @param calinskiHarabasz  Calinski-Harabasz index (higher is better; NaN for k = 1)
 */
public record KScore(int k, double inertia, double silhouette, double calinskiHarabasz) {

    /** Validates the fields. */
    public KScore {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, found " + k);
        }
        if (!(inertia >= 0)) {
            throw new IllegalArgumentException("inertia must be non-negative, found " + inertia);
        }
    }
}
