package io.github.churnkit.features;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.Splits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A fitted feature pipeline: turns customer records into dense feature vectors with the
 * statistics learned by {@link FeaturePipeline#fit}. Three ways in:
 * <ul>
 *   <li>{@link #transform(CustomerTable)}: a whole table into a row-major matrix, for training
 *       and batch scoring ({@link #transformOutOfFold} for the training matrix when the pipeline
 *       has target-encoded columns);</li>
 *   <li>{@link #transformRow(CustomerTable, int, double[])}: one table row;</li>
 *   <li>{@link #transform(RawRow, double[])}: the scoring hot path, one record whose categories
 *       arrive as strings, written into the caller's array <b>without allocating</b>.</li>
 * </ul>
 * A row's vector depends only on that row and the fitted statistics, never on the other rows
 * being transformed with it, and is the same bit for bit on every call and every JVM.
 *
 * <p>Bad values at transform time: missing values (NaN, null, {@link DateColumn#MISSING}) are
 * imputed as at fit time in both modes. In lenient mode an unseen categorical level goes to the
 * "other" bucket or all zeros when one-hot encoded ({@link ColumnTransform.UnknownLevel}), counts as
 * missing when ordinal, and gets the prior when target-encoded; an infinite number or a
 * boolean other than 0/1 counts as missing, an absent table column reads as all missing and a
 * column of another type is converted through its text. In {@linkplain #strict() strict mode} each
 * of these throws an {@link IllegalArgumentException} naming the column and the value.
 *
 * <p>The fitted pipeline is plain data: {@link #writeTo(DataOutput)} and {@link #readFrom(DataInput)}
 * round-trip it exactly, bit for bit. Immutable and thread-safe.
 */
public final class FittedPipeline {

    private final Inputs inputs;
    private final Block[] blocks;
    private final int[] offsets;
    private final int width;
    private final List<String> featureNames;
    private final int[] sources;
    private final FeaturePipeline.Options options;

    FittedPipeline(Inputs inputs, List<Block> blocks, FeaturePipeline.Options options) {
        this.inputs = inputs;
        this.blocks = blocks.toArray(new Block[0]);
        this.options = options;
        this.offsets = new int[this.blocks.length];
        List<String> names = new ArrayList<>();
        List<Integer> src = new ArrayList<>();
        int w = 0;
        for (int i = 0; i < this.blocks.length; i++) {
            Block b = this.blocks[i];
            offsets[i] = w;
            w += b.width();
            b.addNames(names);
            while (src.size() < names.size()) {
                src.add(i);
            }
        }
        if (names.size() != w) {
            throw new IllegalStateException(names.size() + " names for " + w + " features");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("feature name '" + n + "' occurs twice; rename a column or a"
                        + " derived feature");
            }
        }
        this.width = w;
        this.featureNames = List.copyOf(names);
        this.sources = new int[w];
        for (int f = 0; f < w; f++) {
            sources[f] = src.get(f);
        }
    }

    private FittedPipeline(FittedPipeline other, FeaturePipeline.Options options) {
        this.inputs = other.inputs;
        this.blocks = other.blocks;
        this.offsets = other.offsets;
        this.width = other.width;
        this.featureNames = other.featureNames;
        this.sources = other.sources;
        this.options = options;
    }

    /** The output feature names, in output order (for example {@code Contract=One year}). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The number of output features. */
    public int width() {
        return width;
    }

    /** The raw input columns the pipeline reads, in schema order; {@link RawRow} indices refer to this list. */
    public List<String> inputColumns() {
        return inputs.names();
    }

    /** The type of input {@code input}: NUMERIC, BOOLEAN, CATEGORICAL or DATE. */
    public ColumnType inputType(int input) {
        return inputs.type(input);
    }

    /**
     * The index of input column {@code column} in {@link #inputColumns()}; look it up once when
     * binding a {@link RawRow}.
     *
     * @throws IllegalArgumentException if the pipeline does not read that column
     */
    public int inputIndex(String column) {
        int i = inputs.names().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("the pipeline reads no column '" + column + "'; its inputs are "
                    + inputs.names());
        }
        return i;
    }

    /**
     * The input column (index into {@link #inputColumns()}) that feature {@code feature} is computed
     * from, so that explanations can sum the one-hot parts of a column; -1 for a derived ratio or
     * difference, which comes from two inputs (see {@link #sourceName(int)}).
     */
    public int sourceColumn(int feature) {
        return blocks[sources[checkFeature(feature)]].sourceInput();
    }

    /** The input column or derived feature name that feature {@code feature} belongs to. */
    public String sourceName(int feature) {
        Block b = blocks[sources[checkFeature(feature)]];
        int in = b.sourceInput();
        return in >= 0 ? inputs.name(in) : b.name;
    }

    private int checkFeature(int feature) {
        return Objects.checkIndex(feature, width);
    }

    /** The reference (snapshot) date that date features count from, if the pipeline has any. */
    public Optional<LocalDate> referenceDate() {
        return inputs.referenceDay() == DateColumn.MISSING ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(inputs.referenceDay()));
    }

    /** Whether bad input throws instead of being repaired (see the class comment). */
    public boolean strict() {
        return options.strict();
    }

    /** The options the pipeline was fitted with (strict mode, seed). */
    public FeaturePipeline.Options options() {
        return options;
    }

    /** The same fitted pipeline with strict mode on or off; the statistics are shared. */
    public FittedPipeline withStrict(boolean strict) {
        return strict == options.strict() ? this : new FittedPipeline(this, options.withStrict(strict));
    }

    /**
     * Writes the features of one raw record into {@code out[0 .. width)}. Does not allocate (except
     * to build the exception when strict mode rejects a value) and is safe to call from many
     * threads at once, each with its own {@code row} and {@code out}.
     *
     * @throws IllegalArgumentException if {@code out} is shorter than {@link #width()}, or in
     *                                  strict mode for an unseen level or an invalid value
     */
    public void transform(RawRow row, double[] out) {
        if (out.length < width) {
            throw new IllegalArgumentException("output array has length " + out.length + ", needs " + width);
        }
        Block[] bs = blocks;
        int[] off = offsets;
        boolean strict = options.strict();
        for (int i = 0; i < bs.length; i++) {
            bs[i].encode(row, out, off[i], strict);
        }
    }

    /**
     * Writes the features of row {@code row} of {@code table} into {@code out}. Columns are bound by
     * name on each call; for many rows use {@link #transform(CustomerTable)}.
     */
    public void transformRow(CustomerTable table, int row, double[] out) {
        Objects.checkIndex(row, table.rowCount());
        transform(TableRow.bind(table, inputs, options.strict(), false).at(row), out);
    }

    /**
     * The feature matrix of {@code table}: one row of {@link #width()} values per customer, in
     * table order. Target-encoded columns use the full-training encoding; to build the matrix a
     * model is trained on, use {@link #transformOutOfFold(CustomerTable)} instead.
     */
    public double[][] transform(CustomerTable table) {
        TableRow rows = TableRow.bind(table, inputs, options.strict());
        double[][] out = new double[table.rowCount()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = new double[width];
            transform(rows.at(r), out[r]);
        }
        return out;
    }

    /**
     * The feature matrix of the training table, with every target-encoded column encoded out of
     * fold: rows are dealt into stratified folds ({@link Splits#stratifiedFolds}) with the
     * pipeline's seed, and each row gets the encoding learned from the other folds only, so no row
     * sees its own label. All other columns are as in {@link #transform(CustomerTable)}, which this
     * equals when there is no target encoding.
     *
     * @throws IllegalArgumentException if there is target encoding and the table has no usable target
     */
    public double[][] transformOutOfFold(CustomerTable training) {
        double[][] out = transform(training);
        int[] labels = null;
        TableRow rows = null;
        for (int i = 0; i < blocks.length; i++) {
            if (!(blocks[i] instanceof TargetBlock)) {
                continue;
            }
            TargetBlock t = (TargetBlock) blocks[i];
            if (labels == null) {
                labels = Labels.binary(training);
                rows = TableRow.bind(training, inputs, false);
            }
            int[] slots = new int[out.length];
            for (int r = 0; r < slots.length; r++) {
                slots[r] = t.slot(rows.at(r).category(t.input));
            }
            int[] folds = Splits.stratifiedFolds(labels, t.folds, options.seed());
            double[] enc = t.outOfFold(slots, labels, folds);
            for (int r = 0; r < out.length; r++) {
                out[r][offsets[i]] = enc[r];
            }
        }
        return out;
    }

    Inputs inputs() {
        return inputs;
    }

    List<Block> blocks() {
        return List.of(blocks);
    }

    /**
     * Writes the plain-data form: no Java serialization, only numbers and strings in
     * {@link DataOutput} encoding (big-endian; strings as modified UTF-8 with a 2-byte length;
     * doubles as their IEEE 754 bits, so values round-trip exactly). Version 1 layout:
     * <pre>
     * int     magic 0x434B4650 ("CKFP")
     * int     format version (1)
     * boolean strict
     * long    seed (out-of-fold target encoding)
     * int     reference epoch day (Integer.MIN_VALUE: no date features)
     * int     input count n (0..10000), then n times: UTF name, byte type (1 NUMERIC, 2 BOOLEAN,
     *         3 CATEGORICAL, 4 DATE)
     * int     block count m (0..20000), then m times: byte kind, UTF name, body
     * int     end marker 0x454E4450 ("ENDP")
     *
     * source  = byte kind (0 number, 1 boolean, 2 days since, 3 ratio, 4 difference), int input a,
     *           int input b (-1 unless ratio/difference)
     * strings = int count (0..1000000), then count UTF strings
     * body, kind 1 numeric:  source, boolean missing indicator, boolean log1p, double fill,
     *                        double clip low, double clip high, double center, double scale
     * body, kind 2 bins:     source, boolean missing indicator, double fill, int edge count (0..99),
     *                        the edges as doubles
     * body, kind 3 one-hot:  int input, boolean missing output, boolean unknown-to-other,
     *                        strings kept levels, strings pooled ("other") levels
     * body, kind 4 ordinal:  int input, boolean missing indicator, double fill rank, strings order
     * body, kind 5 target:   int input, int folds, double smoothing, double prior, strings levels,
     *                        one double encoding per level
     * </pre>
     * Output columns are the blocks' outputs in block order; names are rebuilt from the block names
     * and levels. The form carries no checksum of its own: the model bundle that embeds it checks
     * the integrity of the whole file, this reader checks structure and values.
     */
    public void writeTo(DataOutput out) throws IOException {
        PipelineCodec.write(this, out);
    }

    /**
     * Reads a pipeline written by {@link #writeTo(DataOutput)}. Every length is bounded and checked
     * before anything is allocated for it, and every statistic is validated.
     *
     * @throws java.io.EOFException if the data end early
     * @throws IOException          if the data are not a valid fitted pipeline (the message says
     *                              what is wrong and where)
     */
    public static FittedPipeline readFrom(DataInput in) throws IOException {
        return PipelineCodec.read(in);
    }

    /** The plain-data form as bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A pipeline from {@link #toBytes()}.
     *
     * @throws UncheckedIOException if the bytes are truncated, invalid or followed by extra bytes
     */
    public static FittedPipeline fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            FittedPipeline p = readFrom(in);
            if (in.available() > 0) {
                throw new IOException("invalid fitted pipeline data: " + in.available() + " bytes after the end marker");
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "FittedPipeline[" + inputs.size() + " inputs, " + width + " features, strict=" + options.strict() + "]";
    }
}
