package io.github.churnkit.features;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the plain-data form of a {@link FittedPipeline} (layout documented on
 * {@link FittedPipeline#writeTo}). Reading never sizes an allocation by an unchecked count: counts
 * are bounded, and lists grow as elements actually arrive, so truncated or hostile data fail with
 * an exception rather than an out-of-memory error.
 */
final class PipelineCodec {

    static final int MAGIC = 0x434B4650; // "CKFP"
    static final int END = 0x454E4450; // "ENDP"
    static final int VERSION = 1;
    static final int MAX_INPUTS = 10_000;
    static final int MAX_BLOCKS = 20_000;
    static final int MAX_STRINGS = 1_000_000;
    static final int MAX_EDGES = 99;

    private PipelineCodec() {
    }

    static void write(FittedPipeline p, DataOutput out) throws IOException {
        Inputs inputs = p.inputs();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeBoolean(p.strict());
        out.writeLong(p.options().seed());
        out.writeInt(inputs.referenceDay());
        out.writeInt(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.writeUTF(inputs.name(i));
            out.writeByte(typeCode(inputs.type(i)));
        }
        List<Block> blocks = p.blocks();
        out.writeInt(blocks.size());
        for (Block b : blocks) {
            out.writeByte(b.kind());
            out.writeUTF(b.name);
            b.writeBody(out);
        }
        out.writeInt(END);
    }

    static FittedPipeline read(DataInput in) throws IOException {
        try {
            return readChecked(in);
        } catch (EOFException e) {
            EOFException eof = new EOFException("truncated fitted pipeline data");
            eof.initCause(e);
            throw eof;
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid fitted pipeline data: " + e.getMessage(), e);
        }
    }

    private static FittedPipeline readChecked(DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw invalid("does not start with the fitted-pipeline magic number, found 0x%08x", magic);
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw invalid("format version %d is not supported (this reader knows %d)", version, VERSION);
        }
        boolean strict = in.readBoolean();
        long seed = in.readLong();
        int referenceDay = in.readInt();
        int n = count(in, "input", MAX_INPUTS);
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
            types.add(type(in.readByte(), i));
        }
        Inputs inputs = new Inputs(names, types, referenceDay);
        int nb = count(in, "block", MAX_BLOCKS);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            blocks.add(readBlock(in, inputs, i));
        }
        int end = in.readInt();
        if (end != END) {
            throw invalid("end marker is 0x%08x, expected 0x%08x", end, END);
        }
        return new FittedPipeline(inputs, blocks, new FeaturePipeline.Options(strict, seed));
    }

    private static Block readBlock(DataInput in, Inputs inputs, int i) throws IOException {
        byte kind = in.readByte();
        String name = in.readUTF();
        switch (kind) {
            case Block.NUMERIC: {
                NumericSource src = readSource(in, inputs, name);
                boolean indicator = in.readBoolean();
                boolean log1p = in.readBoolean();
                double fill = finite(in.readDouble(), name, "fill");
                double lo = in.readDouble();
                double hi = in.readDouble();
                if (!(lo <= hi)) {
                    throw invalid("block '%s': clip bounds [%s, %s] are not ordered", name, lo, hi);
                }
                double center = finite(in.readDouble(), name, "center");
                double scale = finite(in.readDouble(), name, "scale");
                if (!(scale > 0.0)) {
                    throw invalid("block '%s': scale must be positive, found %s", name, scale);
                }
                return new NumericBlock(name, src, new NumericBlock.Learned(fill, lo, hi, center, scale),
                        indicator, log1p);
            }
            case Block.BINS: {
                NumericSource src = readSource(in, inputs, name);
                boolean indicator = in.readBoolean();
                double fill = finite(in.readDouble(), name, "fill");
                int ne = count(in, "bin edge", MAX_EDGES);
                double[] edges = new double[ne];
                for (int e = 0; e < ne; e++) {
                    edges[e] = finite(in.readDouble(), name, "bin edge");
                    if (e > 0 && !(edges[e] > edges[e - 1])) {
                        throw invalid("block '%s': bin edges are not increasing at %d", name, e);
                    }
                }
                return new BinsBlock(name, src, fill, indicator, edges);
            }
            case Block.ONE_HOT: {
                int input = categoricalInput(in.readInt(), inputs, name);
                boolean hasMissing = in.readBoolean();
                boolean toOther = in.readBoolean();
                List<String> kept = readStrings(in);
                List<String> pooled = readStrings(in);
                return new OneHotBlock(name, input, kept, pooled, hasMissing, toOther);
            }
            case Block.ORDINAL: {
                int input = categoricalInput(in.readInt(), inputs, name);
                boolean indicator = in.readBoolean();
                double fill = finite(in.readDouble(), name, "fill");
                List<String> order = readStrings(in);
                if (!(fill >= 0 && fill <= order.size() - 1)) {
                    throw invalid("block '%s': fill rank %s is outside 0..%d", name, fill, order.size() - 1);
                }
                return new OrdinalBlock(name, input, order, fill, indicator);
            }
            case Block.TARGET: {
                int input = categoricalInput(in.readInt(), inputs, name);
                int folds = in.readInt();
                double smoothing = in.readDouble();
                ColumnTransform.TargetEncoding spec = new ColumnTransform.TargetEncoding(folds, smoothing);
                double prior = probability(in.readDouble(), name);
                List<String> levels = readStrings(in);
                double[] enc = new double[levels.size()];
                for (int l = 0; l < enc.length; l++) {
                    enc[l] = probability(in.readDouble(), name);
                }
                return new TargetBlock(name, input, levels, enc, spec, prior);
            }
            default:
                throw invalid("block %d has unknown kind %d", i, kind);
        }
    }

    static void writeSource(DataOutput out, NumericSource s) throws IOException {
        out.writeByte(s.kind);
        out.writeInt(s.a);
        out.writeInt(s.b);
    }

    private static NumericSource readSource(DataInput in, Inputs inputs, String block) throws IOException {
        int kind = in.readByte();
        int a = in.readInt();
        int b = in.readInt();
        switch (kind) {
            case NumericSource.NUMBER:
                return NumericSource.number(input(a, inputs, block, ColumnType.NUMERIC), inputs.name(a));
            case NumericSource.BOOLEAN:
                return NumericSource.bool(input(a, inputs, block, ColumnType.BOOLEAN), inputs.name(a));
            case NumericSource.DAYS_SINCE:
                if (inputs.referenceDay() == DateColumn.MISSING) {
                    throw invalid("block '%s' counts days since a reference date, but none is stored", block);
                }
                return NumericSource.daysSince(input(a, inputs, block, ColumnType.DATE), inputs.name(a),
                        inputs.referenceDay());
            case NumericSource.RATIO:
            case NumericSource.DIFFERENCE:
                return NumericSource.derived(kind, operand(a, inputs, block), operand(b, inputs, block));
            default:
                throw invalid("block '%s' has unknown source kind %d", block, kind);
        }
    }

    private static NumericSource.Operand operand(int i, Inputs inputs, String block) throws IOException {
        checkRange(i, inputs, block);
        ColumnType t = inputs.type(i);
        if (t == ColumnType.CATEGORICAL) {
            throw invalid("block '%s': operand input %d ('%s') is CATEGORICAL", block, i, inputs.name(i));
        }
        return new NumericSource.Operand(i, inputs.name(i), t == ColumnType.DATE);
    }

    private static int input(int i, Inputs inputs, String block, ColumnType want) throws IOException {
        checkRange(i, inputs, block);
        if (inputs.type(i) != want) {
            throw invalid("block '%s': input %d ('%s') is %s, expected %s", block, i, inputs.name(i),
                    inputs.type(i), want);
        }
        return i;
    }

    private static int categoricalInput(int i, Inputs inputs, String block) throws IOException {
        return input(i, inputs, block, ColumnType.CATEGORICAL);
    }

    private static void checkRange(int i, Inputs inputs, String block) throws IOException {
        if (i < 0 || i >= inputs.size()) {
            throw invalid("block '%s' refers to input %d, outside 0..%d", block, i, inputs.size() - 1);
        }
    }

    static void writeStrings(DataOutput out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int n = count(in, "level", MAX_STRINGS);
        List<String> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static int count(DataInput in, String what, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw invalid("%s count %d is outside 0..%d", what, n, max);
        }
        return n;
    }

    private static double finite(double v, String block, String what) throws IOException {
        if (!Double.isFinite(v)) {
            throw invalid("block '%s': %s must be finite, found %s", block, what, v);
        }
        return v;
    }

    private static double probability(double v, String block) throws IOException {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw invalid("block '%s': encoded rate must be in [0, 1], found %s", block, v);
        }
        return v;
    }

    static int typeCode(ColumnType t) {
        switch (t) {
            case NUMERIC:
                return 1;
            case BOOLEAN:
                return 2;
            case CATEGORICAL:
                return 3;
            case DATE:
                return 4;
            default:
                throw new IllegalArgumentException("type " + t + " is never an input");
        }
    }

    private static ColumnType type(byte code, int input) throws IOException {
        switch (code) {
            case 1:
                return ColumnType.NUMERIC;
            case 2:
                return ColumnType.BOOLEAN;
            case 3:
                return ColumnType.CATEGORICAL;
            case 4:
                return ColumnType.DATE;
            default:
                throw invalid("input %d has unknown type code %d", input, code);
        }
    }

    private static IOException invalid(String format, Object... args) {
        return new IOException("invalid fitted pipeline data: " + String.format(Locale.ROOT, format, args));
    }
}
