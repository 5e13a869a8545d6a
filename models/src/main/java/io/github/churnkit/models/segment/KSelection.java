package io.github.churnkit.models.segment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The choice of the number of segments: the score of every k tried and the k chosen.
 *
 * @param scores    one row per k tried, in increasing k
 * @param chosenK   the k with the best score under {@code criterion} (the smaller k on a tie)
 * @param criterion the rule that chose it
 */
public record KSelection(List<KScore> scores, int chosenK, KMeansSegmenter.Criterion criterion) {

    /** Validates and copies. */
    public KSelection {
        scores = List.copyOf(scores);
        Objects.requireNonNull(criterion, "criterion");
        if (scores.stream().noneMatch(s -> s.k() == chosenK)) {
            throw new IllegalArgumentException("chosen k " + chosenK + " is not among the scored k");
        }
    }

    /** The row of the chosen k. */
    public KScore chosen() {
        return scores.stream().filter(s -> s.k() == chosenK).findFirst().orElseThrow();
    }

    /** The table as aligned text, one line per k, the chosen one marked with {@code *}. */
    public String toTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s %14s %11s %18s%n",
                "k", "inertia", "silhouette", "calinski-harabasz"));
        for (KScore s : scores) {
            sb.append(String.format(Locale.ROOT, "%3d%s %14.3f %11.4f %18.2f%n", s.k(),
                    s.k() == chosenK ? "*" : " ", s.inertia(), s.silhouette(), s.calinskiHarabasz()));
        }
        return sb.toString();
    }
}
