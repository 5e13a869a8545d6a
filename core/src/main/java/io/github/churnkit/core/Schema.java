package io.github.churnkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered columns of a customer table with their roles and types.
 *
 * <p>A schema is usually inferred from a CSV file (see {@code io.github.churnkit.core.io}) and then
 * adjusted with {@link #toBuilder()}:
 *
 * <pre>{@code
 * Schema fixed = inferred.toBuilder()
 *         .role("customerID", ColumnRole.ID)
 *         .role("Churn", ColumnRole.TARGET)
 *         .type("SeniorCitizen", ColumnType.BOOLEAN)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Column names are unique. At most one column has the role
 * {@link ColumnRole#TARGET} and at most one the role {@link ColumnRole#ID}.
 */
public final class Schema {

    private final List<ColumnSpec> columns;
    private final Map<String, Integer> index;

    private Schema(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> idx = new LinkedHashMap<>();
        int targets = 0;
        int ids = 0;
        for (int i = 0; i < this.columns.size(); i++) {
            ColumnSpec c = this.columns.get(i);
            if (idx.put(c.name(), i) != null) {
                throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
            }
            if (c.role() == ColumnRole.TARGET) {
                targets++;
            }
            if (c.role() == ColumnRole.ID) {
                ids++;
            }
        }
        if (targets > 1) {
            throw new IllegalArgumentException("a schema has at most one TARGET column, found " + targets);
        }
        if (ids > 1) {
            throw new IllegalArgumentException("a schema has at most one ID column, found " + ids);
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    /** A schema of the given columns, in order. */
    public static Schema of(List<ColumnSpec> columns) {
        Objects.requireNonNull(columns, "columns");
        return new Schema(columns);
    }

    /** A schema of the given columns, in order. */
    public static Schema of(ColumnSpec... columns) {
        return new Schema(List.of(columns));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /** A builder that starts from this schema's columns. */
    public Builder toBuilder() {
        return new Builder(columns);
    }

    /** All columns, in order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** Number of columns. */
    public int size() {
        return columns.size();
    }

    /** The column at {@code i}. */
    public ColumnSpec column(int i) {
        return columns.get(i);
    }

    /**
     * The column called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the known columns
     */
    public ColumnSpec column(String name) {
        return columns.get(indexOf(name));
    }

    /** Whether a column called {@code name} exists. */
    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /**
     * Position of the column called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the known columns
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column named '" + name + "'; columns are " + index.keySet());
        }
        return i;
    }

    /** The target column, if any. */
    public Optional<ColumnSpec> target() {
        return columns.stream().filter(c -> c.role() == ColumnRole.TARGET).findFirst();
    }

    /** The id column, if any. */
    public Optional<ColumnSpec> id() {
        return columns.stream().filter(c -> c.role() == ColumnRole.ID).findFirst();
    }

    /** The columns whose role is {@link ColumnRole#FEATURE}, in order. */
    public List<ColumnSpec> features() {
        return columns.stream().filter(c -> c.role() == ColumnRole.FEATURE).toList();
    }

    /** Column names, in order. */
    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /**
     * A multi-line, human-readable explanation: one line per column with its role, type and the
     * reason it was given.
     */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        for (ColumnSpec c : columns) {
            sb.append(c.name()).append(": ").append(c.role()).append(' ').append(c.type());
            if (!c.reason().isEmpty()) {
                sb.append(" (").append(c.reason()).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Schema" + columns;
    }

    /** Builds or adjusts a schema. Not thread-safe. */
    public static final class Builder {
        private final List<ColumnSpec> columns;

        private Builder(List<ColumnSpec> start) {
            this.columns = new ArrayList<>(start);
        }

        /** Appends a column. */
        public Builder add(ColumnSpec column) {
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /** Appends a column with an empty reason. */
        public Builder add(String name, ColumnRole role, ColumnType type) {
            return add(ColumnSpec.of(name, role, type));
        }

        /**
         * Sets the role of an existing column. Setting {@link ColumnRole#TARGET} or
         * {@link ColumnRole#ID} demotes any other column holding that role to
         * {@link ColumnRole#FEATURE} (target) or {@link ColumnRole#IGNORED} (id).
         */
        public Builder role(String name, ColumnRole role) {
            int i = find(name);
            if (role == ColumnRole.TARGET || role == ColumnRole.ID) {
                for (int j = 0; j < columns.size(); j++) {
                    if (j != i && columns.get(j).role() == role) {
                        ColumnRole demoted = role == ColumnRole.TARGET ? ColumnRole.FEATURE : ColumnRole.IGNORED;
                        columns.set(j, columns.get(j).withRole(demoted));
                    }
                }
            }
            columns.set(i, columns.get(i).withRole(role).withReason("set by the caller"));
            return this;
        }

        /** Sets the type of an existing column. */
        public Builder type(String name, ColumnType type) {
            int i = find(name);
            columns.set(i, columns.get(i).withType(type).withReason("set by the caller"));
            return this;
        }

        /** Removes a column. */
        public Builder remove(String name) {
            columns.remove(find(name));
            return this;
        }

        private int find(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no column named '" + name + "'; columns are "
                    + columns.stream().map(ColumnSpec::name).toList());
        }

        /** The schema; validates unique names and at most one target and one id. */
        public Schema build() {
            return new Schema(columns);
        }
    }
}
