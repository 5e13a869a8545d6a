package io.github.churnkit.scoring.bundle;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.TextColumn;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies the training data: its size and a SHA-256 hash of its content, so a model can be
 * traced to the exact data it was fitted on.
 *
 * <p>{@link #of(CustomerTable)} hashes, in order: the row and column counts, then per column its
 * name, type and every value (numbers as IEEE 754 bits, categories and text as UTF-8, dates as epoch
 * days, each value preceded by a missing flag). Two tables with the same columns and values in the
 * same order have the same fingerprint; reordering rows changes it.
 *
 * <p>The hash is any digest written as 16 to 128 lower-case hexadecimal digits, so fingerprints made
 * by a trainer with another digest (say a 64-bit one over its feature matrix) can be stored too;
 * {@link #of(CustomerTable)} gives a SHA-256 (64 digits).
 *
 * @param rows    number of rows, not negative
 * @param columns number of columns, not negative
 * @param hash    16 to 128 lower-case hexadecimal digits
 */
public record DataFingerprint(long rows, int columns, String hash) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{16,128}");

    /** Validates the fields. */
    public DataFingerprint {
        Objects.requireNonNull(hash, "hash");
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("rows and columns must not be negative, found "
                    + rows + " and " + columns);
        }
        if (!HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 16 to 128 lower-case hex digits, found '" + hash + "'");
        }
    }

    /** The fingerprint of a table (see the class description for what is hashed). */
    public static DataFingerprint of(CustomerTable table) {
        Objects.requireNonNull(table, "table");
        MessageDigest sha = ModelBundle.sha256();
        BundleOutput out = new BundleOutput();
        out.writeLong(table.rowCount()).writeInt(table.columnCount());
        for (Column c : table.columns()) {
            out.writeString(c.name()).writeString(c.type().name());
            for (int r = 0; r < c.size(); r++) {
                boolean missing = c.isMissing(r);
                out.writeBoolean(missing);
                if (!missing) {
                    writeValue(out, c, r);
                }
                if (out.size() > 1 << 16) {
                    sha.update(out.toByteArray());
                    out = new BundleOutput();
                }
            }
        }
        sha.update(out.toByteArray());
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha.digest()) {
            hex.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return new DataFingerprint(table.rowCount(), table.columnCount(), hex.toString());
    }

    private static void writeValue(BundleOutput out, Column c, int r) {
        if (c instanceof NumericColumn n) {
            out.writeDouble(n.get(r));
        } else if (c instanceof CategoricalColumn k) {
            out.writeString(k.get(r));
        } else if (c instanceof DateColumn d) {
            out.writeInt(d.epochDay(r));
        } else if (c instanceof TextColumn t) {
            out.writeString(t.get(r));
        } else {
            throw new IllegalStateException("unknown column class " + c.getClass().getName());
        }
    }

    void writeTo(BundleOutput out) {
        out.writeLong(rows).writeInt(columns).writeString(hash);
    }

    static DataFingerprint readFrom(BundleInput in) {
        long rows = in.readLong();
        int columns = in.readInt();
        String sha = in.readString(128);
        return new DataFingerprint(rows, columns, sha);
    }
}
