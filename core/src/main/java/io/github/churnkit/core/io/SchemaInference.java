package io.github.churnkit.core.io;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@link ColumnProfile}s of a sample into a {@link Schema} whose every column says why
 * it got its role and type. The rules, in order, for a column the options do not settle:
 *
 * <ol>
 *   <li>no non-missing value: CATEGORICAL, IGNORED when every value was missing;</li>
 *   <li>every value yes/no, true/false or 1/0 (any case): BOOLEAN;</li>
 *   <li>every value a number: NUMERIC, or an ID when the values are distinct integers and the
 *       name looks like an identifier ({@code customerID}, {@code User ID}, {@code user_id});</li>
 *   <li>every value a date in one of {@link Values#DATE_PATTERNS}: DATE;</li>
 *   <li>every value distinct, none missing, and the name looks like an identifier or there are at
 *       least {@value #MIN_ROWS_FOR_ID} values: TEXT, the ID if no other column is a better one,
 *       else IGNORED;</li>
 *   <li>at most {@code maxCategoryLevels} distinct values: CATEGORICAL; otherwise TEXT, IGNORED.</li>
 * </ol>
 *
 * <p>The target is the column named in the options, or else the first BOOLEAN or two-valued column
 * whose name is a usual churn label ({@code Churn}, {@code churned}, {@code Exited},
 * {@code Attrition}, {@code target}, {@code label}).
 */
final class SchemaInference {

    static final int MIN_ROWS_FOR_ID = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaInference.class);
    private static final Pattern ID_NAME = Pattern.compile("(?i:^id$|[ _.\\-]id$)|[a-z0-9](ID|Id)$");
    private static final Set<String> TARGET_NAMES = Set.of("churn", "churned", "churnflag", "churnlabel",
            "ischurn", "ischurned", "exited", "attrition", "target", "label");
    private static final int LEVELS_IN_REASON = 6;

    private final CsvIngest.Options options;

    SchemaInference(CsvIngest.Options options) {
        this.options = options;
    }

    /** Whether {@code name} looks like an identifier column's name. */
    static boolean idLikeName(String name) {
        return ID_NAME.matcher(name).find();
    }

    /**
     * The schema for the profiled columns.
     *
     * @param profiles  one per header column, in order
     * @param rows      data rows in the sample
     * @param truncated whether the sample stopped before the end of the input
     */
    Schema infer(String source, List<ColumnProfile> profiles, long rows, boolean truncated) {
        List<String> names = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            names.add(p.name);
        }
        checkNamed(source, names, options.targetColumn(), "target column");
        checkNamed(source, names, options.idColumn(), "id column");
        for (String typed : options.types().keySet()) {
            checkNamed(source, names, typed, "column given a type");
        }
        String scope = truncated ? " in the first " + rows + " rows" : "";
        List<ColumnSpec> specs = new ArrayList<>();
        int idIndex = -1;
        int idPriority = 0;
        int targetIndex = -1;
        for (int i = 0; i < profiles.size(); i++) {
            ColumnProfile p = profiles.get(i);
            ColumnSpec spec = byValues(source, p, rows, scope);
            ColumnType forced = options.types().get(p.name);
            if (forced != null) {
                spec = new ColumnSpec(p.name, forced == ColumnType.TEXT ? ColumnRole.IGNORED : ColumnRole.FEATURE,
                        forced, "type " + forced + " set in the options (the values suggested "
                        + spec.type() + ": " + spec.reason() + ")");
            }
            if (spec.role() == ColumnRole.ID && forced == null) {
                int priority = idLikeName(p.name) ? 2 : 1;
                if (options.idColumn() == null && priority > idPriority) {
                    idIndex = i;
                    idPriority = priority;
                }
            }
            if (options.targetColumn() == null && targetIndex < 0
                    && TARGET_NAMES.contains(normalise(p.name))
                    && (spec.type() == ColumnType.BOOLEAN || (p.distinct() == 2 && p.missing == 0))) {
                targetIndex = i;
            }
            specs.add(spec);
        }
        String idName = options.idColumn() != null ? options.idColumn()
                : idIndex >= 0 ? names.get(idIndex) : null;
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec s = specs.get(i);
            if (s.role() == ColumnRole.ID && !names.get(i).equals(idName)) {
                specs.set(i, s.withRole(ColumnRole.IGNORED).withReason(s.reason()
                        + "; IGNORED because column '" + idName + "' is the id"));
            }
        }
        if (options.idColumn() != null) {
            int i = names.indexOf(options.idColumn());
            ColumnSpec s = specs.get(i);
            ColumnType type = options.types().getOrDefault(s.name(), ColumnType.TEXT);
            String unique = profiles.get(i).allUnique() ? "all values distinct"
                    : "warning: some values repeat";
            specs.set(i, new ColumnSpec(s.name(), ColumnRole.ID, type, "named as the id column in the options ("
                    + unique + scope + ")"));
        }
        if (options.targetColumn() != null) {
            int i = names.indexOf(options.targetColumn());
            specs.set(i, target(source, profiles.get(i), specs.get(i), "named as the target in the options"));
        } else if (targetIndex >= 0) {
            specs.set(targetIndex, target(source, profiles.get(targetIndex), specs.get(targetIndex),
                    "the name '" + names.get(targetIndex) + "' is a usual churn label"));
        }
        return Schema.of(specs);
    }

    private ColumnSpec byValues(String source, ColumnProfile p, long rows, String scope) {
        String name = p.name;
        long n = p.nonMissing;
        String missing = p.missing == 0 ? "" : "; " + p.missing + " missing";
        if (rows == 0) {
            return new ColumnSpec(name, ColumnRole.FEATURE, ColumnType.CATEGORICAL,
                    "no data rows to infer from (header only); defaulted to CATEGORICAL");
        }
        if (n == 0) {
            return new ColumnSpec(name, ColumnRole.IGNORED, ColumnType.CATEGORICAL,
                    "all " + p.missing + " values" + scope + " are missing");
        }
        if (p.allBooleans) {
            return new ColumnSpec(name, ColumnRole.FEATURE, ColumnType.BOOLEAN, "all " + n
                    + " non-missing values" + scope + " are yes/no, true/false or 1/0 ("
                    + p.describeLevels(LEVELS_IN_REASON) + ")" + missing);
        }
        if (p.allNumbers) {
            if (p.allIntegers && p.allUnique() && p.missing == 0 && n >= 2 && idLikeName(name)) {
                return new ColumnSpec(name, ColumnRole.ID, ColumnType.TEXT, "all " + n + " values" + scope
                        + " are distinct integers and the name '" + name + "' marks an identifier");
            }
            return new ColumnSpec(name, ColumnRole.FEATURE, ColumnType.NUMERIC, n + " of " + n
                    + " non-missing values" + scope + " parse as numbers" + missing);
        }
        if (p.allDates) {
            return new ColumnSpec(name, ColumnRole.FEATURE, ColumnType.DATE, n + " of " + n
                    + " non-missing values" + scope + " parse as dates (" + p.datePatterns() + ")" + missing);
        }
        // a mostly numeric column usually means a few bad cells: point at the first one
        String notNumeric = p.numbers * 2 < n ? "" : "; " + p.numbers + " of " + n
                + " values are numbers but not all, for example " + CsvFormatException.quote(p.firstNonNumber)
                + " on line " + p.firstNonNumberLine;
        if (p.allUnique() && p.missing == 0 && n >= 2 && (idLikeName(name) || n >= MIN_ROWS_FOR_ID)) {
            return new ColumnSpec(name, ColumnRole.ID, ColumnType.TEXT, "all " + n + " values" + scope
                    + " are distinct text (for example " + CsvFormatException.quote(p.levels().get(0))
                    + "): an identifier");
        }
        if (!notNumeric.isEmpty()) {
            LOG.warn("{}: column '{}' is read as text{}; to treat such values as bad cells instead, "
                    + "give the column type NUMERIC in the options", source, name, notNumeric);
        }
        int distinct = p.distinct();
        if (distinct < 0 || distinct > options.maxCategoryLevels()) {
            return new ColumnSpec(name, ColumnRole.IGNORED, ColumnType.TEXT, "more than "
                    + options.maxCategoryLevels() + " distinct values" + scope
                    + ": free text, kept as TEXT and not used as a model input" + notNumeric + missing);
        }
        return new ColumnSpec(name, ColumnRole.FEATURE, ColumnType.CATEGORICAL, distinct
                + (distinct == 1 ? " distinct value in " : " distinct values in ") + n + " non-missing" + scope + " ("
                + p.describeLevels(LEVELS_IN_REASON) + ")" + notNumeric + missing);
    }

    private ColumnSpec target(String source, ColumnProfile p, ColumnSpec byValues, String why) {
        String name = p.name;
        ColumnType forced = options.types().get(name);
        if (forced != null) {
            if (forced != ColumnType.BOOLEAN && forced != ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException(source + ": target column '" + name
                        + "' must be BOOLEAN or CATEGORICAL, but the options give it type " + forced);
            }
            return new ColumnSpec(name, ColumnRole.TARGET, forced, why + "; type " + forced + " set in the options");
        }
        if (p.nonMissing == 0) {
            return new ColumnSpec(name, ColumnRole.TARGET, options.binaryTarget()
                    ? ColumnType.BOOLEAN : ColumnType.CATEGORICAL, why + "; no values to check");
        }
        if (byValues.type() == ColumnType.BOOLEAN) {
            return new ColumnSpec(name, ColumnRole.TARGET, ColumnType.BOOLEAN, why + "; " + byValues.reason());
        }
        int distinct = p.distinct();
        if (options.binaryTarget() && distinct != 2) {
            String found = distinct < 0 ? "more than " + options.maxCategoryLevels() + " distinct values"
                    : distinct + " distinct value" + (distinct == 1 ? "" : "s") + " ("
                    + p.describeLevels(20) + ")";
            throw new IllegalArgumentException(source + ": target column '" + name
                    + "' should be binary (two values such as yes/no) but has " + found
                    + "; for a multi-class target use Options.withBinaryTarget(false)");
        }
        if (distinct < 0) {
            throw new IllegalArgumentException(source + ": target column '" + name + "' has more than "
                    + options.maxCategoryLevels() + " distinct values; a target needs a few classes");
        }
        List<String> sorted = sortedLevels(p);
        StringBuilder codes = new StringBuilder();
        for (int c = 0; c < sorted.size() && c < 20; c++) {
            codes.append(c == 0 ? "" : ", ").append(sorted.get(c)).append(" = ").append(c);
        }
        return new ColumnSpec(name, ColumnRole.TARGET, ColumnType.CATEGORICAL, why + "; " + distinct
                + " classes (" + p.describeLevels(20) + "), coded in sorted order: " + codes);
    }

    /**
     * The levels of a categorical target in sorted order, so that its class codes do not depend on
     * the order of the rows (a shuffled copy of a file gets the same labels).
     */
    static List<String> sortedLevels(ColumnProfile p) {
        List<String> levels = new ArrayList<>(p.levels());
        levels.sort(null);
        return levels;
    }

    private static void checkNamed(String source, List<String> names, String name, String what) {
        if (name != null && !names.contains(name)) {
            throw new IllegalArgumentException(source + ": the " + what + " '" + name
                    + "' given in the options is not in the header; columns are " + names);
        }
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Checks that {@code types} only holds non-null entries (used by the options). */
    static Map<String, ColumnType> checkTypes(Map<String, ColumnType> types) {
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new NullPointerException("types must not hold null names or types");
            }
        }
        return Map.copyOf(types);
    }
}
