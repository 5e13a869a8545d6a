package io.github.churnkit.core;

/**
 * How the values of a column are stored in a {@link CustomerTable}.
 *
 * <table>
 *   <caption>storage per type</caption>
 *   <tr><th>type</th><th>column class</th><th>storage</th><th>missing</th></tr>
 *   <tr><td>NUMERIC</td><td>{@link NumericColumn}</td><td>{@code double[]}</td><td>NaN</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@link NumericColumn}</td><td>{@code double[]} holding 0 or 1</td><td>NaN</td></tr>
 *   <tr><td>CATEGORICAL</td><td>{@link CategoricalColumn}</td><td>{@code int[]} codes and a dictionary</td>
 *       <td>{@link CategoricalColumn#MISSING}</td></tr>
 *   <tr><td>DATE</td><td>{@link DateColumn}</td><td>{@code int[]} epoch days</td><td>{@link DateColumn#MISSING}</td></tr>
 *   <tr><td>TEXT</td><td>{@link TextColumn}</td><td>{@code String[]} (identifiers, free text)</td><td>null</td></tr>
 * </table>
 */
public enum ColumnType {
    /** A real number. */
    NUMERIC,
    /** A two-valued column (yes/no, true/false, 1/0), stored as 0 or 1. */
    BOOLEAN,
    /** A category from a finite set of levels. */
    CATEGORICAL,
    /** A calendar date without time of day. */
    DATE,
    /** Text kept as it is, typically an identifier. */
    TEXT
}
