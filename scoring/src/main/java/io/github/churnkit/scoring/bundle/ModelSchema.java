package io.github.churnkit.scoring.bundle;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The input schema a model was trained on: column names, roles and types, plus the category levels
 * seen in training for each categorical column (in code order, so code {@code i} means
 * {@code levels.get(column).get(i)}).
 *
 * <p>Stored in the bundle section {@value #SECTION}. Immutable and thread-safe: the level lists
 * and the map are copied, and the map iterates in schema column order whatever the order of the
 * map passed in, so equal schemas write identical bytes.
 *
 * @param schema the columns
 * @param levels category levels per categorical column; keys must be {@link ColumnType#CATEGORICAL}
 *               columns of {@code schema}; levels are unique and non-null; columns without an entry
 *               have no recorded levels
 */
public record ModelSchema(Schema schema, Map<String, List<String>> levels) {

    /** The bundle section name. */
    public static final String SECTION = "schema";

    static final int MAX_COLUMNS = 100_000;
    static final int MAX_LEVELS = 1_000_000;
    static final int MAX_TEXT_BYTES = 1 << 16;

    /** Validates and copies. */
    public ModelSchema {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(levels, "levels");
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (ColumnSpec c : schema.columns()) {
            List<String> l = levels.get(c.name());
            if (l == null) {
                continue;
            }
            if (c.type() != ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException("levels given for column '" + c.name() + "' of type "
                        + c.type() + "; only CATEGORICAL columns have levels");
            }
            List<String> copy = List.copyOf(l);
            if (new HashSet<>(copy).size() != copy.size()) {
                throw new IllegalArgumentException("levels of column '" + c.name() + "' repeat: " + copy);
            }
            ordered.put(c.name(), copy);
        }
        for (String key : levels.keySet()) {
            if (!schema.contains(key)) {
                throw new IllegalArgumentException("levels given for unknown column '" + key
                        + "'; columns are " + schema.names());
            }
        }
        levels = Collections.unmodifiableMap(ordered);
    }

    /** A schema without recorded category levels. */
    public static ModelSchema of(Schema schema) {
        return new ModelSchema(schema, Map.of());
    }

    /** The levels of a categorical column, or an empty list if none were recorded. */
    public List<String> levelsOf(String column) {
        return levels.getOrDefault(column, List.of());
    }

    /** Writes this schema as the payload of section {@value #SECTION} (see docs/model-format.md). */
    public void writeTo(BundleOutput out) {
        out.writeList(schema.columns(), (o, c) -> {
            o.writeString(c.name());
            o.writeString(c.role().name());
            o.writeString(c.type().name());
            o.writeString(c.reason());
        });
        out.writeInt(levels.size());
        for (Map.Entry<String, List<String>> e : levels.entrySet()) {
            out.writeString(e.getKey());
            out.writeStringList(e.getValue());
        }
    }

    /**
     * Reads a schema written by {@link #writeTo(BundleOutput)}.
     *
     * @throws BundleFormatException if the payload is malformed
     */
    public static ModelSchema readFrom(BundleInput in) {
        List<ColumnSpec> columns = in.readList(MAX_COLUMNS, i -> {
            String name = i.readString(MAX_TEXT_BYTES);
            ColumnRole role = readEnum(i, ColumnRole.class);
            ColumnType type = readEnum(i, ColumnType.class);
            String reason = i.readString(MAX_TEXT_BYTES);
            return new ColumnSpec(name, role, type, reason);
        });
        Schema schema = Schema.of(columns);
        int n = in.readInt("number of level lists", 0, columns.size());
        Map<String, List<String>> levels = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < n; k++) {
            long at = in.offset();
            String column = in.readString(MAX_TEXT_BYTES);
            if (!seen.add(column)) {
                throw new BundleFormatException("levels of column '" + column + "' given twice", in.section(), at);
            }
            levels.put(column, new ArrayList<>(in.readStringList(MAX_LEVELS, MAX_TEXT_BYTES)));
        }
        return new ModelSchema(schema, levels);
    }

    static <E extends Enum<E>> E readEnum(BundleInput in, Class<E> type) {
        long at = in.offset();
        String name = in.readString(64);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new BundleFormatException("unknown " + type.getSimpleName() + " '" + name + "'", in.section(), at);
    }
}
