package io.github.churnkit.features;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.features.ColumnTransform.OneHot;
import io.github.churnkit.features.ColumnTransform.UnknownLevel;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A fitted {@link OneHot} transform. */
final class OneHotBlock extends Block {

    final int input;
    final List<String> kept;
    final List<String> pooled;
    final boolean hasMissing;
    final boolean unknownToOther;
    private final LevelIndex index;
    private final int otherSlot;
    private final int missingSlot;
    private final int width;

    OneHotBlock(String name, int input, List<String> kept, List<String> pooled, boolean hasMissing,
                boolean unknownToOther) {
        super(name);
        this.input = input;
        this.kept = List.copyOf(kept);
        this.pooled = List.copyOf(pooled);
        this.hasMissing = hasMissing;
        this.unknownToOther = unknownToOther;
        boolean hasOther = !this.pooled.isEmpty();
        this.otherSlot = hasOther ? kept.size() : -1;
        this.missingSlot = hasMissing ? kept.size() + (hasOther ? 1 : 0) : -1;
        this.width = kept.size() + (hasOther ? 1 : 0) + (hasMissing ? 1 : 0);
        List<String> all = new ArrayList<>(this.kept);
        all.addAll(this.pooled);
        int[] slots = new int[all.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i < kept.size() ? i : otherSlot;
        }
        this.index = new LevelIndex(all, slots);
    }

    /** Chooses the kept and pooled levels from the training counts. */
    static OneHotBlock fit(String name, int input, OneHot spec, CategoricalColumn column) {
        int[] counts = column.counts();
        List<String> seen = new ArrayList<>();
        List<String> frequent = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                seen.add(column.level(c));
                if (counts[c] >= spec.minCount()) {
                    frequent.add(column.level(c));
                }
            }
        }
        // the most frequent levels first, ties alphabetically, then cap
        frequent.sort(Comparator.comparingInt((String l) -> -counts[column.codeOf(l)])
                .thenComparing(Comparator.naturalOrder()));
        List<String> kept = new ArrayList<>(frequent.subList(0, Math.min(spec.maxLevels(), frequent.size())));
        kept.sort(Comparator.naturalOrder());
        Set<String> keptSet = new HashSet<>(kept);
        List<String> pooled = new ArrayList<>();
        for (String l : seen) {
            if (!keptSet.contains(l)) {
                pooled.add(l);
            }
        }
        pooled.sort(Comparator.naturalOrder());
        boolean anyMissing = column.missingCount() > 0;
        return new OneHotBlock(name, input, kept, pooled, anyMissing, spec.unknown() == UnknownLevel.OTHER);
    }

    @Override
    int width() {
        return width;
    }

    @Override
    void encode(RawRow row, double[] out, int offset, boolean strict) {
        String level = row.category(input);
        int hot;
        if (level == null) {
            hot = missingSlot;
        } else {
            hot = index.get(level);
            if (hot == LevelIndex.ABSENT) {
                if (strict) {
                    throw Unknown.level(name, level, kept, pooled);
                }
                hot = unknownToOther ? otherSlot : -1;
            }
        }
        // one pass over the outputs: 1 in the hot slot (if any), 0 elsewhere
        for (int i = 0; i < width; i++) {
            out[offset + i] = i == hot ? 1.0 : 0.0;
        }
    }

    @Override
    void addNames(List<String> names) {
        for (String l : kept) {
            names.add(name + "=" + l);
        }
        if (otherSlot >= 0) {
            // a kept level may itself be called "other": bracket the bucket's label until it is unique
            String label = "other";
            while (kept.contains(label)) {
                label = "(" + label + ")";
            }
            names.add(name + "=" + label);
        }
        if (hasMissing) {
            names.add(name + "_missing");
        }
    }

    @Override
    int sourceInput() {
        return input;
    }

    @Override
    byte kind() {
        return ONE_HOT;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        out.writeInt(input);
        out.writeBoolean(hasMissing);
        out.writeBoolean(unknownToOther);
        PipelineCodec.writeStrings(out, kept);
        PipelineCodec.writeStrings(out, pooled);
    }
}
