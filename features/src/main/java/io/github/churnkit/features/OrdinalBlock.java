package io.github.churnkit.features;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** A fitted {@link Ordinal} transform: the rank of the level in the declared order. */
final class OrdinalBlock extends Block {

    final int input;
    final List<String> order;
    final double fill;
    final boolean indicator;
    private final LevelIndex index;

    OrdinalBlock(String name, int input, List<String> order, double fill, boolean indicator) {
        super(name);
        this.input = input;
        this.order = List.copyOf(order);
        this.fill = fill;
        this.indicator = indicator;
        this.index = LevelIndex.positions(this.order);
    }

    /**
     * Learns the fill rank (the median training rank, 0 when every value is missing).
     *
     * @throws IllegalArgumentException if a training level is not in the declared order
     */
    static OrdinalBlock fit(String name, int input, Ordinal spec, CategoricalColumn column) {
        LevelIndex idx = LevelIndex.positions(spec.order());
        int[] counts = column.counts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && idx.get(column.level(c)) == LevelIndex.ABSENT) {
                throw new IllegalArgumentException("column '" + name + "': training level '" + column.level(c)
                        + "' is not in the declared ordinal order " + spec.order());
            }
        }
        double[] ranks = new double[column.size()];
        int n = 0;
        for (int r = 0; r < column.size(); r++) {
            String level = column.get(r);
            if (level != null) {
                ranks[n++] = idx.get(level);
            }
        }
        double fill = n == 0 ? 0.0 : Stats.quantile(Stats.sorted(Arrays.copyOf(ranks, n)), 0.5);
        return new OrdinalBlock(name, input, spec.order(), fill, n < column.size());
    }

    @Override
    int width() {
        return indicator ? 2 : 1;
    }

    @Override
    void encode(RawRow row, double[] out, int offset, boolean strict) {
        String level = row.category(input);
        int rank = index.get(level);
        if (rank == LevelIndex.ABSENT && level != null && strict) {
            throw Unknown.level(name, level, order, List.of());
        }
        boolean missing = rank == LevelIndex.ABSENT;
        out[offset] = missing ? fill : rank;
        if (indicator) {
            out[offset + 1] = missing ? 1.0 : 0.0;
        }
    }

    @Override
    void addNames(List<String> names) {
        names.add(name);
        if (indicator) {
            names.add(name + "_missing");
        }
    }

    @Override
    int sourceInput() {
        return input;
    }

    @Override
    byte kind() {
        return ORDINAL;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        out.writeInt(input);
        out.writeBoolean(indicator);
        out.writeDouble(fill);
        PipelineCodec.writeStrings(out, order);
    }
}
