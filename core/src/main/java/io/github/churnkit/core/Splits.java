package io.github.churnkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, stratified train/test splits and k-fold assignments over row indices.
 *
 * <p>Stratification keeps each class's share the same in every part: the rows of each label are
 * shuffled with a {@link SplittableRandom} seeded by {@code seed} and dealt out class by class. The
 * same labels and seed always give the same indices. Missing labels (negative values) form a
 * stratum of their own.
 */
public final class Splits {

    private Splits() {
    }

    /** A train/test partition of row indices; both arrays are sorted ascending. */
    public static final class TrainTest {
        private final int[] train;
        private final int[] test;

        TrainTest(int[] train, int[] test) {
            this.train = train;
            this.test = test;
        }

        /** Training rows (a copy). */
        public int[] train() {
            return train.clone();
        }

        /** Test rows (a copy). */
        public int[] test() {
            return test.clone();
        }
    }

    /**
     * A stratified train/test split.
     *
     * @param labels       class label per row (negative = missing, kept as its own stratum)
     * @param testFraction share of each class that goes to the test part, in (0, 1)
     * @param seed         the random seed
     * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1), there are fewer
     *                                  than two rows, or the rounded per-class test counts leave the
     *                                  test or the training part empty
     */
    public static TrainTest stratifiedTrainTest(int[] labels, double testFraction, long seed) {
        if (!(testFraction > 0.0 && testFraction < 1.0)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), found " + testFraction);
        }
        if (labels.length < 2) {
            throw new IllegalArgumentException("a split needs at least 2 rows, found " + labels.length);
        }
        boolean[] isTest = new boolean[labels.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int[] stratum : strata(labels)) {
            shuffle(stratum, rng);
            int nTest = (int) Math.round(stratum.length * testFraction);
            for (int i = 0; i < nTest; i++) {
                isTest[stratum[i]] = true;
            }
        }
        int nTest = 0;
        for (boolean t : isTest) {
            if (t) {
                nTest++;
            }
        }
        if (nTest == 0 || nTest == labels.length) {
            throw new IllegalArgumentException("testFraction " + testFraction + " of " + labels.length
                    + " rows (rounded per class) leaves the " + (nTest == 0 ? "test" : "training")
                    + " part empty");
        }
        int[] train = new int[labels.length - nTest];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < labels.length; i++) {
            if (isTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new TrainTest(train, test);
    }

    /**
     * Stratified k-fold assignment: element {@code i} is the fold (0..k-1) of row {@code i}.
     * Within each class the shuffled rows are dealt to folds in turn, so fold sizes differ by at
     * most one per class.
     *
     * @throws IllegalArgumentException if {@code k < 2} or {@code k} exceeds the number of rows
     */
    public static int[] stratifiedFolds(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, found " + k);
        }
        if (k > labels.length) {
            throw new IllegalArgumentException("k = " + k + " exceeds the number of rows, " + labels.length);
        }
        int[] fold = new int[labels.length];
        SplittableRandom rng = new SplittableRandom(seed);
        int offset = 0;
        for (int[] stratum : strata(labels)) {
            shuffle(stratum, rng);
            for (int i = 0; i < stratum.length; i++) {
                fold[stratum[i]] = (offset + i) % k;
            }
            // continue dealing where the last class stopped, so small classes do not all land in fold 0
            offset = (offset + stratum.length) % k;
        }
        return fold;
    }

    /** Rows whose fold is {@code f} (sorted ascending). */
    public static int[] rowsIn(int[] folds, int f) {
        return select(folds, f, true);
    }

    /** Rows whose fold is not {@code f} (sorted ascending). */
    public static int[] rowsNotIn(int[] folds, int f) {
        return select(folds, f, false);
    }

    private static int[] select(int[] folds, int f, boolean in) {
        int[] out = new int[folds.length];
        int n = 0;
        for (int i = 0; i < folds.length; i++) {
            if ((folds[i] == f) == in) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Row indices per stratum: missing labels (negative) first, then each class in ascending label
     * order. Works for any label values (no array sized by the largest label).
     */
    private static List<int[]> strata(int[] labels) {
        int[] distinct = labels.clone();
        for (int i = 0; i < distinct.length; i++) {
            if (distinct[i] < 0) {
                distinct[i] = -1;
            }
        }
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[d++] = distinct[i];
            }
        }
        distinct = Arrays.copyOf(distinct, d);
        int[] counts = new int[d];
        int[] stratumOf = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int c = Arrays.binarySearch(distinct, Math.max(labels[i], -1));
            stratumOf[i] = c;
            counts[c]++;
        }
        int[][] buckets = new int[d][];
        for (int c = 0; c < d; c++) {
            buckets[c] = new int[counts[c]];
        }
        int[] fill = new int[d];
        for (int i = 0; i < labels.length; i++) {
            int c = stratumOf[i];
            buckets[c][fill[c]++] = i;
        }
        return new ArrayList<>(Arrays.asList(buckets));
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
