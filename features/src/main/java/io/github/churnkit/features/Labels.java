package io.github.churnkit.features;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import java.util.Locale;
import java.util.Set;

/** 0/1 churn labels of a table's TARGET column, for target encoding. */
final class Labels {

    private static final Set<String> POSITIVE = Set.of("yes", "y", "true", "1", "churn", "churned");

    private Labels() {
    }

    /**
     * The target as 0/1 per row ({@code -1} when missing). A BOOLEAN target is used as it is; a
     * CATEGORICAL target must have exactly one level reading yes, y, true, 1, churn or churned
     * (case-insensitive), which counts as 1.
     *
     * @throws IllegalArgumentException if there is no target or no positive level can be told
     */
    static int[] binary(CustomerTable table) {
        ColumnSpec target = table.schema().target().orElseThrow(() -> new IllegalArgumentException(
                "target encoding needs a TARGET column; the schema has none: " + table.schema().names()));
        if (target.type() == ColumnType.BOOLEAN) {
            return table.labels(target.name());
        }
        CategoricalColumn c = table.categorical(target.name());
        int positive = -1;
        for (int code = 0; code < c.levelCount(); code++) {
            if (POSITIVE.contains(c.level(code).trim().toLowerCase(Locale.ROOT))) {
                if (positive >= 0) {
                    throw new IllegalArgumentException("target '" + target.name() + "': two levels read as positive, '"
                            + c.level(positive) + "' and '" + c.level(code) + "'");
                }
                positive = code;
            }
        }
        if (positive < 0) {
            throw new IllegalArgumentException("target '" + target.name() + "': no level reads as churned (yes, true, 1,"
                    + " churned); levels are " + c.levels() + "; make the target BOOLEAN");
        }
        int[] y = new int[c.size()];
        for (int r = 0; r < y.length; r++) {
            int code = c.code(r);
            y[r] = code == CategoricalColumn.MISSING ? -1 : code == positive ? 1 : 0;
        }
        return y;
    }
}
