package io.github.churnkit.models.eval;

/**
 * One group (decile) of a lift / cumulative gains table, groups ordered from the highest scores.
 *
 * @param group          1-based group number
 * @param count          rows in the group
 * @param churners       churners in the group
 * @param rate           churn rate in the group
 * @param lift           rate over the overall churn rate
 * @param cumulativeGain share of all churners in groups 1..group
 * @param cumulativeLift churn rate of groups 1..group over the overall rate
 */
public record GainsRow(int group, int count, int churners, double rate, double lift, double cumulativeGain,
        double cumulativeLift) {

    /** Validates the counts. */
    public GainsRow {
        if (group < 1 || count < 0 || churners < 0 || churners > count) {
            throw new IllegalArgumentException("bad gains row: group " + group + ", count " + count
                    + ", churners " + churners);
        }
    }
}
