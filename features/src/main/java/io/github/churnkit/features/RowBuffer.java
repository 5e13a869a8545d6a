package io.github.churnkit.features;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import java.util.Arrays;
import java.util.Objects;

/**
 * A ready-made, reusable {@link RawRow}: one slot per input of a {@link FittedPipeline}, filled by
 * index (or by name, which looks the index up) and read by
 * {@link FittedPipeline#transform(RawRow, double[])}. Setting values and transforming do not
 * allocate, so one buffer per thread serves any number of records:
 *
 * <pre>{@code
 * RowBuffer row = RowBuffer.of(fitted);
 * int tenure = fitted.inputIndex("tenure");
 * int contract = fitted.inputIndex("Contract");
 * double[] x = new double[fitted.width()];
 * for (Request r : requests) {
 *     row.clear().setNumber(tenure, r.tenure()).setCategory(contract, r.contract());
 *     fitted.transform(row, x);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: give each thread its own buffer.
 */
public final class RowBuffer implements RawRow {

    private final FittedPipeline pipeline;
    private final double[] numbers;
    private final String[] categories;
    private final int[] days;

    private RowBuffer(FittedPipeline pipeline) {
        this.pipeline = pipeline;
        int n = pipeline.inputColumns().size();
        this.numbers = new double[n];
        this.categories = new String[n];
        this.days = new int[n];
        clear();
    }

    /** An empty (all missing) buffer for the inputs of {@code pipeline}. */
    public static RowBuffer of(FittedPipeline pipeline) {
        return new RowBuffer(Objects.requireNonNull(pipeline, "pipeline"));
    }

    /** Sets every input to missing. */
    public RowBuffer clear() {
        Arrays.fill(numbers, Double.NaN);
        Arrays.fill(categories, null);
        Arrays.fill(days, DateColumn.MISSING);
        return this;
    }

    /** Sets NUMERIC or BOOLEAN input {@code input} (NaN = missing). */
    public RowBuffer setNumber(int input, double value) {
        check(input, ColumnType.NUMERIC, ColumnType.BOOLEAN);
        numbers[input] = value;
        return this;
    }

    /** Sets CATEGORICAL input {@code input} (null = missing). */
    public RowBuffer setCategory(int input, String level) {
        check(input, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
        categories[input] = level;
        return this;
    }

    /** Sets DATE input {@code input} to an epoch day ({@link DateColumn#MISSING} = missing). */
    public RowBuffer setEpochDay(int input, int epochDay) {
        check(input, ColumnType.DATE, ColumnType.DATE);
        days[input] = epochDay;
        return this;
    }

    /** Sets the NUMERIC or BOOLEAN input called {@code column} (a name lookup; prefer the index in loops). */
    public RowBuffer setNumber(String column, double value) {
        return setNumber(pipeline.inputIndex(column), value);
    }

    /** Sets the CATEGORICAL input called {@code column} (a name lookup; prefer the index in loops). */
    public RowBuffer setCategory(String column, String level) {
        return setCategory(pipeline.inputIndex(column), level);
    }

    private void check(int input, ColumnType a, ColumnType b) {
        ColumnType t = pipeline.inputType(Objects.checkIndex(input, numbers.length));
        if (t != a && t != b) {
            throw new IllegalArgumentException("input " + input + " ('" + pipeline.inputColumns().get(input)
                    + "') is " + t + ", not " + a);
        }
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
