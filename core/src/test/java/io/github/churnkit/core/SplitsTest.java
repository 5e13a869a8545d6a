package io.github.churnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** {@code zeros} rows of class 0, then {@code ones} rows of class 1, then {@code missing} rows of -1. */
    private static int[] labels(int zeros, int ones, int missing) {
        int[] y = new int[zeros + ones + missing];
        Arrays.fill(y, zeros, zeros + ones, 1);
        Arrays.fill(y, zeros + ones, y.length, -1);
        return y;
    }

    private static int count(int[] rows, int[] y, int label) {
        return (int) Arrays.stream(rows).filter(r -> y[r] == label).count();
    }

    @Test
    void stratifiedTrainTest_keepsClassSharesExactly() {
        int[] y = labels(700, 300, 10);
        Splits.TrainTest s = Splits.stratifiedTrainTest(y, 0.2, 7L);
        // per class: round(700 * 0.2) = 140, round(300 * 0.2) = 60, round(10 * 0.2) = 2
        assertEquals(140, count(s.test(), y, 0));
        assertEquals(60, count(s.test(), y, 1));
        assertEquals(2, count(s.test(), y, -1));
        assertEquals(560, count(s.train(), y, 0));
        assertEquals(240, count(s.train(), y, 1));
    }

    @Test
    void stratifiedTrainTest_partitionsAllRowsSorted() {
        int[] y = labels(50, 23, 0);
        Splits.TrainTest s = Splits.stratifiedTrainTest(y, 0.3, 1L);
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, y.length).toArray(), all);
        assertTrue(isSorted(s.train()) && isSorted(s.test()));
    }

    @Test
    void stratifiedTrainTest_sameSeedSame_otherSeedDifferent() {
        int[] y = labels(500, 200, 0);
        Splits.TrainTest a = Splits.stratifiedTrainTest(y, 0.25, 42L);
        Splits.TrainTest b = Splits.stratifiedTrainTest(y, 0.25, 42L);
        Splits.TrainTest c = Splits.stratifiedTrainTest(y, 0.25, 43L);
        assertArrayEquals(a.test(), b.test());
        assertArrayEquals(a.train(), b.train());
        // 175 of 700 rows: two seeds picking the same test set has probability far below 1e-100
        assertFalse(Arrays.equals(a.test(), c.test()));
    }

    @Test
    void stratifiedTrainTest_badArguments_throw() {
        int[] y = labels(5, 5, 0);
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedTrainTest(y, 0.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedTrainTest(y, 1.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedTrainTest(y, Double.NaN, 1L));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedTrainTest(new int[] {1}, 0.5, 1L));
        // 2 classes of 1 row: round(1 * 0.2) = 0 test rows per class, so the test part would be empty
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splits.stratifiedTrainTest(new int[] {0, 1}, 0.2, 1L));
        assertTrue(e.getMessage().contains("test part empty"), e.getMessage());
    }

    @Test
    void stratifiedFolds_everyRowInOneFold_sizesDifferByAtMostOnePerClass() {
        int[] y = labels(70, 33, 4);
        int k = 5;
        int[] folds = Splits.stratifiedFolds(y, k, 3L);
        assertEquals(y.length, folds.length);
        int[][] perClass = new int[3][k];
        for (int i = 0; i < y.length; i++) {
            assertTrue(folds[i] >= 0 && folds[i] < k);
            perClass[y[i] + 1][folds[i]]++;
        }
        for (int[] c : perClass) {
            int min = Arrays.stream(c).min().getAsInt();
            int max = Arrays.stream(c).max().getAsInt();
            assertTrue(max - min <= 1, Arrays.toString(c));
        }
        // 70 zeros over 5 folds: exactly 14 each
        assertArrayEquals(new int[] {14, 14, 14, 14, 14}, perClass[1]);
        // 107 rows over 5 folds: sizes 21 or 22 (dealing continues across classes)
        int total = 0;
        for (int f = 0; f < k; f++) {
            int size = Splits.rowsIn(folds, f).length;
            assertTrue(size == 21 || size == 22, "fold " + f + " has " + size);
            total += size;
        }
        assertEquals(y.length, total);
    }

    @Test
    void stratifiedFolds_sameSeedSame_otherSeedDifferent() {
        int[] y = labels(300, 100, 0);
        assertArrayEquals(Splits.stratifiedFolds(y, 5, 9L), Splits.stratifiedFolds(y, 5, 9L));
        assertFalse(Arrays.equals(Splits.stratifiedFolds(y, 5, 9L), Splits.stratifiedFolds(y, 5, 10L)));
    }

    @Test
    void stratifiedFolds_badK_throws() {
        int[] y = labels(3, 2, 0);
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedFolds(y, 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedFolds(y, 6, 1L));
    }

    @Test
    void stratifiedFolds_hugeLabelValues_work() {
        int[] y = {0, 2_000_000_000, 0, 2_000_000_000, Integer.MIN_VALUE, 0};
        int[] folds = Splits.stratifiedFolds(y, 2, 5L);
        assertEquals(y.length, folds.length);
        assertEquals(1, Arrays.stream(Splits.rowsIn(folds, 0)).filter(r -> y[r] == 2_000_000_000).count());
    }

    @Test
    void rowsInAndNotIn_areComplementary() {
        int[] folds = {0, 1, 2, 0, 1, 2, 0};
        assertArrayEquals(new int[] {0, 3, 6}, Splits.rowsIn(folds, 0));
        assertArrayEquals(new int[] {1, 2, 4, 5}, Splits.rowsNotIn(folds, 0));
    }

    private static boolean isSorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] >= a[i]) {
                return false;
            }
        }
        return true;
    }
}
