package io.github.churnkit.features;

/**
 * One customer's raw values, as the scoring hot path sees them: the caller implements this over
 * whatever holds the record (a request object, a reused array, a database cursor) and
 * {@link FittedPipeline#transform(RawRow, double[])} reads it without allocating.
 *
 * <p>Inputs are addressed by their index in {@link FittedPipeline#inputColumns()}; look the
 * indices up once by name with {@link FittedPipeline#inputIndex(String)} and keep them. Only the
 * accessor matching the input's type ({@link FittedPipeline#inputType(int)}) is called:
 *
 * <pre>{@code
 * final class Request implements RawRow {
 *     double tenure; String contract;        // filled per call, no allocation
 *     public double number(int input) { return input == TENURE ? tenure : Double.NaN; }
 *     public String category(int input) { return input == CONTRACT ? contract : null; }
 * }
 * }</pre>
 *
 * <p>Missing values are NaN, null and {@link io.github.churnkit.core.DateColumn#MISSING}; an
 * input the caller does not have can simply always return missing. Implementations are used by one
 * thread at a time and should not allocate.
 */
public interface RawRow {

    /**
     * The value of a NUMERIC input, or 0/1 for a BOOLEAN input; NaN when missing.
     *
     * @param input index into {@link FittedPipeline#inputColumns()}
     */
    double number(int input);

    /**
     * The level of a CATEGORICAL input; null when missing. Levels are matched exactly
     * (case-sensitive) against the training levels.
     *
     * @param input index into {@link FittedPipeline#inputColumns()}
     */
    String category(int input);

    /**
     * The epoch day ({@link java.time.LocalDate#toEpochDay()}) of a DATE input, or
     * {@link io.github.churnkit.core.DateColumn#MISSING}. The default returns missing, for callers
     * without date inputs.
     *
     * @param input index into {@link FittedPipeline#inputColumns()}
     */
    default int epochDay(int input) {
        return io.github.churnkit.core.DateColumn.MISSING;
    }
}
