package io.github.churnkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Up-front checks of a Dataset's columns, run on the driver from the schema alone (no Spark job),
 * so a missing or mistyped column fails before any work is scheduled, with a message naming it.
 * Names are matched exactly (case-sensitive); a name that matches only when case is ignored is
 * suggested in the message.
 */
final class InputColumns {

    /** The kinds of column an input may be. */
    enum Kind {
        /** string, int or long; used as text. */
        ID("string, int or long"),
        /** any numeric type; used as a double. */
        NUMBER("a numeric type (double, float, int, long, short, byte or decimal)"),
        /** date, timestamp or timestamp_ntz. */
        TIME("date, timestamp or timestamp_ntz"),
        /** string. */
        TEXT("string"),
        /** boolean or any numeric type; used as 0/1. */
        FLAG("boolean or a numeric type");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        boolean accepts(DataType t) {
            switch (this) {
                case ID:
                    return t.equals(DataTypes.StringType) || t.equals(DataTypes.IntegerType)
                            || t.equals(DataTypes.LongType);
                case NUMBER:
                    return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)
                            || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)
                            || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)
                            || t instanceof DecimalType;
                case TIME:
                    return t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType)
                            || t.equals(DataTypes.TimestampNTZType);
                case TEXT:
                    return t.equals(DataTypes.StringType);
                case FLAG:
                    return t.equals(DataTypes.BooleanType) || NUMBER.accepts(t);
                default:
                    throw new AssertionError(this);
            }
        }
    }

    private InputColumns() {
    }

    /**
     * The field called {@code name}, checked to be of {@code kind}.
     *
     * @param what what the column is for, for the message (e.g. "transaction amount")
     * @throws IllegalArgumentException if there is no such column or its type is not accepted
     */
    static StructField require(StructType schema, String name, Kind kind, String what) {
        Objects.requireNonNull(name, "name");
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                if (!kind.accepts(f.dataType())) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "column '%s' (%s) has type %s, expected %s", name, what,
                            f.dataType().simpleString(), kind.description));
                }
                return f;
            }
        }
        List<String> names = new ArrayList<>();
        String caseMatch = null;
        for (StructField f : schema.fields()) {
            names.add(f.name());
            if (f.name().equalsIgnoreCase(name)) {
                caseMatch = f.name();
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "input has no column '%s' (%s)%s; its columns are %s", name, what,
                caseMatch == null ? "" : "; did you mean '" + caseMatch + "' (names are case-sensitive)?",
                names));
    }

    /**
     * Checks that none of {@code outputs} is already a column of {@code schema}.
     *
     * @throws IllegalArgumentException naming the first clash
     */
    static void requireAbsent(StructType schema, List<String> outputs) {
        for (StructField f : schema.fields()) {
            for (String out : outputs) {
                if (f.name().equalsIgnoreCase(out)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "input already has a column '%s', which the output column '%s' would clash with;"
                                    + " rename or drop it first", f.name(), out));
                }
            }
        }
    }
}
