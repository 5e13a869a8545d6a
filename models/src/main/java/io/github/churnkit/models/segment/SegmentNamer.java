package io.github.churnkit.models.segment;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names a segment after its most distinctive traits: up to three, each from a different column,
 * ranked by effect size (standard deviations for numeric columns, binomial standard deviations of
 * the share for categorical levels), keeping only effects of at least 0.5 and, for levels, a share
 * of at least 40% within the segment. Numeric traits read "high x" / "low x" (with "long/short
 * tenure" for a column whose name has the word tenure and "older/younger" for age), boolean ones "x" / "no x", levels by their name ("Yes" /
 * "No" levels by the column: "x" / "no x"). Without any such trait the name is "Typical customers".
 */
final class SegmentNamer {

    static final double MIN_EFFECT = 0.5;
    static final double MIN_LEVEL_SHARE = 0.4;
    private static final Map<String, String[]> WORDS = Map.of(
            "tenure", new String[] {"long tenure", "short tenure"},
            "age", new String[] {"older", "younger"});
    private static final Set<String> YES = Set.of("yes", "true", "y");
    private static final Set<String> NO = Set.of("no", "false", "n");

    private SegmentNamer() { }

    private record Trait(String column, String text, double score) { }

    static String name(List<NumericTrait> numeric, List<LevelLift> over, List<LevelLift> under, CustomerTable table) {
        List<Trait> traits = new ArrayList<>();
        for (NumericTrait t : numeric) {
            if (Math.abs(t.effect()) >= MIN_EFFECT) {
                boolean up = t.effect() > 0;
                boolean bool = table.schema().contains(t.column())
                        && table.schema().column(t.column()).type() == ColumnType.BOOLEAN;
                traits.add(new Trait(t.column(), numericText(t.column(), up, bool), Math.abs(t.effect())));
            }
        }
        for (LevelLift l : over) {
            if (l.effect() >= MIN_EFFECT && l.segmentShare() >= MIN_LEVEL_SHARE) {
                traits.add(new Trait(l.column(), levelText(l.column(), l.level()), l.effect()));
            }
        }
        traits.sort(Comparator.comparingDouble(Trait::score).reversed());
        List<String> parts = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (Trait t : traits) {
            if (parts.size() == 3) {
                break;
            }
            if (columns.add(t.column())) {
                parts.add(t.text());
            }
        }
        return parts.isEmpty() ? "Typical customers" : String.join(" · ", parts);
    }

    private static String numericText(String column, boolean up, boolean bool) {
        String words = humanize(column);
        if (bool) {
            return up ? words : "no " + words;
        }
        for (String word : words.toLowerCase(Locale.ROOT).split(" ")) {
            String[] special = WORDS.get(word);
            if (special != null) {
                return up ? special[0] : special[1];
            }
        }
        return (up ? "high " : "low ") + words;
    }

    private static String levelText(String column, String level) {
        String l = level.toLowerCase(Locale.ROOT);
        if (YES.contains(l)) {
            return humanize(column);
        }
        if (NO.contains(l)) {
            return "no " + humanize(column);
        }
        if (!level.isEmpty() && Character.isDigit(level.charAt(0))) {
            return humanize(column) + " " + level;
        }
        return level;
    }

    /** {@code "MonthlyCharges"} and {@code "monthly_charges"} become {@code "monthly charges"}. */
    static String humanize(String column) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                sb.append(' ');
            } else if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(column.charAt(i - 1))) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else {
                sb.append(i == 0 ? Character.toLowerCase(c) : c);
            }
        }
        return sb.toString().trim();
    }
}
