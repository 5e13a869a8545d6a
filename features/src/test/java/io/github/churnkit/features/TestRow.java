package io.github.churnkit.features;

import io.github.churnkit.core.DateColumn;

/** A RawRow with one value per input, set by the tests. */
final class TestRow implements RawRow {

    final double[] numbers;
    final String[] categories;
    final int[] days;

    TestRow(int inputs) {
        numbers = new double[inputs];
        categories = new String[inputs];
        days = new int[inputs];
        java.util.Arrays.fill(numbers, Double.NaN);
        java.util.Arrays.fill(days, DateColumn.MISSING);
    }

    static TestRow ofNumber(double v) {
        TestRow r = new TestRow(1);
        r.numbers[0] = v;
        return r;
    }

    static TestRow ofCategory(String v) {
        TestRow r = new TestRow(1);
        r.categories[0] = v;
        return r;
    }

    @Override
    public double number(int input) {
        return numbers[input];
    }

    @Override
    public String category(int input) {
        return categories[input];
    }

    @Override
    public int epochDay(int input) {
        return days[input];
    }
}
