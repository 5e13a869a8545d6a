package io.github.churnkit.models.churn;

import java.util.Locale;
import java.util.Objects;

/**
 * What a model was trained on: row and column counts and a 64-bit FNV-1a hash over the bits of
 * every feature value and label in row order (hex). Equal data give equal fingerprints; a changed
 * value changes the hash with overwhelming probability. Not a cryptographic hash.
 *
 * @param rows    training rows
 * @param columns features per row
 * @param hash    16 hex digits
 */
public record MatrixFingerprint(int rows, int columns, String hash) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Validates the fields. */
    public MatrixFingerprint {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("rows and columns must be non-negative, found " + rows + ", " + columns);
        }
        Objects.requireNonNull(hash, "hash");
    }

    /** The fingerprint of a feature matrix and its labels. */
    public static MatrixFingerprint of(double[][] x, int[] y) {
        long h = FNV_OFFSET;
        for (int i = 0; i < x.length; i++) {
            for (double v : x[i]) {
                h = mix(h, Double.doubleToLongBits(v));
            }
            h = mix(h, y[i]);
        }
        return new MatrixFingerprint(x.length, x.length == 0 ? 0 : x[0].length, String.format(Locale.ROOT, "%016x", h));
    }

    private static long mix(long h, long v) {
        for (int b = 0; b < 8; b++) {
            h ^= (v >>> (8 * b)) & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
