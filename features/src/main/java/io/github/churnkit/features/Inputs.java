package io.github.churnkit.features;

import io.github.churnkit.core.ColumnType;
import java.util.List;

/**
 * The raw input columns of a fitted pipeline (names and types, in schema order) and the reference
 * day that date features count from. Immutable.
 *
 * @param names        input column names
 * @param types        input column types, NUMERIC, BOOLEAN, CATEGORICAL or DATE
 * @param referenceDay the reference (snapshot) epoch day, or {@link io.github.churnkit.core.DateColumn#MISSING}
 *                     when the pipeline has no date features
 */
record Inputs(List<String> names, List<ColumnType> types, int referenceDay) {

    Inputs {
        names = List.copyOf(names);
        types = List.copyOf(types);
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " input names but " + types.size() + " types");
        }
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    ColumnType type(int i) {
        return types.get(i);
    }
}
