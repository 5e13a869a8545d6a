package io.github.churnkit.models.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Validation of training inputs shared by the trainers. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Checks a feature matrix and its labels and returns the number of classes.
     *
     * @throws IllegalArgumentException on an empty set, ragged or non-finite rows, a label that is
     *                                  missing (negative), a class without rows or a single class
     */
    static int validate(double[][] x, int[] y, List<String> names) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(names, "featureNames");
        if (x.length == 0) {
            throw new IllegalArgumentException("the training set is empty (0 rows)");
        }
        if (y.length != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + " labels");
        }
        int p = width(x);
        if (names.size() != p) {
            throw new IllegalArgumentException("featureNames has " + names.size() + " names but x has "
                    + p + " columns");
        }
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("label at row " + i + " is " + y[i]
                        + " (missing); drop unlabelled rows before training");
            }
            max = Math.max(max, y[i]);
        }
        int[] counts = new int[max + 1];
        for (int label : y) {
            counts[label]++;
        }
        int present = 0;
        for (int count : counts) {
            present += count > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw new IllegalArgumentException("the target has one class (" + max + ") in all "
                    + y.length + " rows; a classifier needs at least two");
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no rows; labels must be 0.." + max
                        + " with every class present");
            }
        }
        return counts.length;
    }

    /** The width of a rectangular, finite matrix. */
    static int width(double[][] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            throw new IllegalArgumentException("the matrix is empty (0 rows)");
        }
        int p = Objects.requireNonNull(x[0], "row 0").length;
        if (p == 0) {
            throw new IllegalArgumentException("x has no columns");
        }
        for (int i = 0; i < x.length; i++) {
            double[] row = Objects.requireNonNull(x[i], "row " + i);
            if (row.length != p) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " columns but row 0 has " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "x[%d][%d] is %s; impute or drop missing values before training", i, j, row[j]));
                }
            }
        }
        return p;
    }

    static int[] classCounts(int[] y, int k) {
        int[] counts = new int[k];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    static List<String> defaultNames(double[][] x) {
        Objects.requireNonNull(x, "x");
        int p = x.length == 0 || x[0] == null ? 0 : x[0].length;
        List<String> names = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
        }
        return names;
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static int[] labels(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }
}
