package io.github.churnkit.models.segment;

/**
 * The named RFM segments, decided by the recency score {@code R} and the mean {@code FM = (F + M) / 2}
 * of the frequency and monetary scores (all from 1 to 5). The rules, in order (the first that
 * holds wins; together they cover every score):
 *
 * <table>
 *   <caption>RFM segment rules</caption>
 *   <tr><th>segment</th><th>R</th><th>FM</th><th>reading</th></tr>
 *   <tr><td>Champions</td><td>4-5</td><td>&ge; 4</td><td>bought recently, often, a lot</td></tr>
 *   <tr><td>Loyal</td><td>3-5</td><td>&ge; 3</td><td>regular, fairly recent buyers</td></tr>
 *   <tr><td>Potential loyalists</td><td>4-5</td><td>2 to &lt; 3</td><td>recent, moderate</td></tr>
 *   <tr><td>New</td><td>4-5</td><td>&lt; 2</td><td>recent, few purchases yet</td></tr>
 *   <tr><td>Can't lose them</td><td>1-2</td><td>&ge; 4</td><td>were the best, long gone</td></tr>
 *   <tr><td>At risk</td><td>1-2</td><td>3 to &lt; 4</td><td>were good, slipping away</td></tr>
 *   <tr><td>Hibernating</td><td>1-3</td><td>2 to &lt; 3</td><td>modest and not recent</td></tr>
 *   <tr><td>Lost</td><td>1-3</td><td>&lt; 2</td><td>little and long ago</td></tr>
 * </table>
 */
public enum RfmSegment {
    /** R 4-5, FM at least 4. */
    CHAMPIONS("Champions"),
    /** R 3-5, FM at least 3 (and not Champions). */
    LOYAL("Loyal"),
    /** R 4-5, FM from 2 to below 3. */
    POTENTIAL_LOYALISTS("Potential loyalists"),
    /** R 4-5, FM below 2. */
    NEW("New"),
    /** R 1-2, FM at least 4. */
    CANT_LOSE_THEM("Can't lose them"),
    /** R 1-2, FM from 3 to below 4. */
    AT_RISK("At risk"),
    /** R 1-3, FM from 2 to below 3. */
    HIBERNATING("Hibernating"),
    /** R 1-3, FM below 2. */
    LOST("Lost");

    private final String label;

    RfmSegment(String label) {
        this.label = label;
    }

    /** The display name, e.g. "Can't lose them". */
    public String label() {
        return label;
    }

    /**
     * The segment of scores {@code r}, {@code f}, {@code m} (each 1 to 5) by the rules above.
     *
     * @throws IllegalArgumentException if a score is outside 1..5
     */
    public static RfmSegment of(int r, int f, int m) {
        check("recency", r);
        check("frequency", f);
        check("monetary", m);
        int fm2 = f + m; // 2 * FM, kept integral
        if (r >= 4 && fm2 >= 8) {
            return CHAMPIONS;
        }
        if (r >= 3 && fm2 >= 6) {
            return LOYAL;
        }
        if (r >= 4) {
            return fm2 >= 4 ? POTENTIAL_LOYALISTS : NEW;
        }
        if (r <= 2 && fm2 >= 8) {
            return CANT_LOSE_THEM;
        }
        if (r <= 2 && fm2 >= 6) {
            return AT_RISK;
        }
        return fm2 >= 4 ? HIBERNATING : LOST;
    }

    private static void check(String what, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(what + " score must be 1..5, found " + score);
        }
    }
}
