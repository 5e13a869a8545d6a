package io.github.churnkit.features;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A fitted {@link TargetEncoding}: the smoothed churn rate per level, learned on the full training table. */
final class TargetBlock extends Block {

    final int input;
    final List<String> levels;
    final double prior;
    final int folds;
    final double smoothing;
    private final double[] encodings;
    private final LevelIndex index;

    TargetBlock(String name, int input, List<String> levels, double[] encodings, TargetEncoding spec, double prior) {
        super(name);
        this.input = input;
        this.levels = List.copyOf(levels);
        this.encodings = encodings.clone();
        this.prior = prior;
        this.folds = spec.folds();
        this.smoothing = spec.smoothing();
        this.index = LevelIndex.positions(this.levels);
    }

    /**
     * Learns the encoding from the training column and its 0/1 labels ({@code -1} = unlabelled,
     * left out of the statistics).
     */
    static TargetBlock fit(String name, int input, TargetEncoding spec, CategoricalColumn column, int[] labels) {
        int[] counts = column.counts();
        List<String> levels = new ArrayList<>();
        int[] slotOfCode = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            slotOfCode[c] = counts[c] > 0 ? levels.size() : -1;
            if (counts[c] > 0) {
                levels.add(column.level(c));
            }
        }
        int[] slots = new int[column.size()];
        for (int r = 0; r < slots.length; r++) {
            int c = column.code(r);
            slots[r] = c == CategoricalColumn.MISSING ? -1 : slotOfCode[c];
        }
        double[] enc = new double[levels.size()];
        double prior = encode(slots, labels, null, -1, spec.smoothing(), enc);
        return new TargetBlock(name, input, levels, enc, spec, prior);
    }

    /**
     * Out-of-fold encodings of the rows of a training table: each row gets the encoding learned
     * from the labelled rows of the other folds. {@code slots[r]} is the row's level index
     * ({@link #slot}), {@code fold[r]} its fold in {@code 0..folds-1}.
     */
    double[] outOfFold(int[] slots, int[] labels, int[] fold) {
        double[] out = new double[slots.length];
        double[] enc = new double[levels.size()];
        for (int f = 0; f < folds; f++) {
            double foldPrior = encode(slots, labels, fold, f, smoothing, enc);
            for (int r = 0; r < slots.length; r++) {
                if (fold[r] == f) {
                    out[r] = slots[r] < 0 ? foldPrior : enc[slots[r]];
                }
            }
        }
        return out;
    }

    /**
     * Fills {@code enc} with the m-estimate per level over labelled rows not in fold
     * {@code skip} (all rows when {@code fold} is null) and returns their prior.
     */
    private static double encode(int[] slots, int[] labels, int[] fold, int skip, double m, double[] enc) {
        double[] sum = new double[enc.length];
        double[] n = new double[enc.length];
        double total = 0.0;
        double count = 0.0;
        for (int r = 0; r < slots.length; r++) {
            if (labels[r] < 0 || (fold != null && fold[r] == skip)) {
                continue;
            }
            total += labels[r];
            count++;
            if (slots[r] >= 0) {
                sum[slots[r]] += labels[r];
                n[slots[r]]++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("target encoding needs labelled rows, found none"
                    + (fold == null ? "" : " outside fold " + skip));
        }
        double prior = total / count;
        for (int i = 0; i < enc.length; i++) {
            enc[i] = n[i] + m > 0.0 ? (sum[i] + m * prior) / (n[i] + m) : prior;
        }
        return prior;
    }

    /** The level index of {@code level}, or -1 for missing and unseen levels. */
    int slot(String level) {
        return index.get(level);
    }

    double[] encodings() {
        return encodings.clone();
    }

    @Override
    int width() {
        return 1;
    }

    @Override
    void encode(RawRow row, double[] out, int offset, boolean strict) {
        String level = row.category(input);
        int i = index.get(level);
        if (i == LevelIndex.ABSENT) {
            if (level != null && strict) {
                throw Unknown.level(name, level, levels, List.of());
            }
            out[offset] = prior;
        } else {
            out[offset] = encodings[i];
        }
    }

    @Override
    void addNames(List<String> names) {
        names.add(name + "_target");
    }

    @Override
    int sourceInput() {
        return input;
    }

    @Override
    byte kind() {
        return TARGET;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        out.writeInt(input);
        out.writeInt(folds);
        out.writeDouble(smoothing);
        out.writeDouble(prior);
        PipelineCodec.writeStrings(out, levels);
        for (double e : encodings) {
            out.writeDouble(e);
        }
    }
}
