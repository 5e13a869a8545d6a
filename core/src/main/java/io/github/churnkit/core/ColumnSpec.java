package io.github.churnkit.core;

import java.util.Objects;

/**
 * One column of a {@link Schema}: its name, role, storage type and why it got that type.
 *
 * @param name   the column name as it appears in the header; not blank
 * @param role   what the column is used for
 * @param type   how its values are stored
 * @param reason a short human-readable explanation of how the role and type were chosen
 *               (for example "all 7043 non-missing values parse as numbers"); never null,
 *               may be empty
 */
public record ColumnSpec(String name, ColumnRole role, ColumnType type, String reason) {

    /** Validates the fields. */
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        if (role == ColumnRole.TARGET && type != ColumnType.BOOLEAN && type != ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException(
                    "target column '" + name + "' must be BOOLEAN or CATEGORICAL, found " + type);
        }
    }

    /** A column spec with an empty reason. */
    public static ColumnSpec of(String name, ColumnRole role, ColumnType type) {
        return new ColumnSpec(name, role, type, "");
    }

    /** A copy with another role. */
    public ColumnSpec withRole(ColumnRole newRole) {
        return new ColumnSpec(name, newRole, type, reason);
    }

    /** A copy with another type. */
    public ColumnSpec withType(ColumnType newType) {
        return new ColumnSpec(name, role, newType, reason);
    }

    /** A copy with another reason. */
    public ColumnSpec withReason(String newReason) {
        return new ColumnSpec(name, role, type, newReason);
    }
}
