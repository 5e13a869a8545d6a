package io.github.churnkit.scoring;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.segment.SegmentEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorer's input slots: every raw column any part of the bundle reads (pipeline inputs first,
 * then segment columns, then CLV columns), once each, with its type, and the map from each model's
 * input index to its slot. Immutable.
 */
final class Layout {

    private final List<String> names = new ArrayList<>();
    private final List<ColumnType> types = new ArrayList<>();
    private final int[] pipelineSlots;
    private final int[] segmentSlots;
    private final int revenueSlot;
    private final int renewalsSlot;

    Layout(FittedPipeline pipeline, SegmentEncoder encoder, ClvInputs clv) {
        List<String> in = pipeline.inputColumns();
        pipelineSlots = new int[in.size()];
        for (int i = 0; i < in.size(); i++) {
            pipelineSlots[i] = slot(in.get(i), pipeline.inputType(i));
        }
        if (encoder == null) {
            segmentSlots = new int[0];
        } else {
            segmentSlots = new int[encoder.columns().size()];
            for (int c = 0; c < segmentSlots.length; c++) {
                segmentSlots[c] = slot(encoder.columns().get(c),
                        encoder.isCategorical(c) ? ColumnType.CATEGORICAL : ColumnType.NUMERIC);
            }
        }
        if (clv == null) {
            revenueSlot = -1;
            renewalsSlot = -1;
        } else {
            revenueSlot = slot(clv.revenueColumn(), ColumnType.NUMERIC);
            renewalsSlot = clv.method() == ClvInputs.Method.SBG ? slot(clv.renewalsColumn(), ColumnType.NUMERIC) : -1;
        }
    }

    /** The slot of {@code name}, added if new; a column read as two incompatible types is refused. */
    private int slot(String name, ColumnType type) {
        int i = names.indexOf(name);
        if (i < 0) {
            names.add(name);
            types.add(type);
            return names.size() - 1;
        }
        ColumnType have = types.get(i);
        boolean numericLike = (have == ColumnType.NUMERIC || have == ColumnType.BOOLEAN)
                && (type == ColumnType.NUMERIC || type == ColumnType.BOOLEAN);
        if (have != type && !numericLike) {
            throw new IllegalArgumentException("column '" + name + "' is read as " + have + " by one part of the bundle and as "
                    + type + " by another");
        }
        return i;
    }

    int slotCount() {
        return names.size();
    }

    String name(int slot) {
        return names.get(slot);
    }

    ColumnType type(int slot) {
        return types.get(slot);
    }

    List<String> names() {
        return List.copyOf(names);
    }

    int indexOf(String column) {
        return names.indexOf(column);
    }

    int[] pipelineSlots() {
        return pipelineSlots;
    }

    int[] segmentSlots() {
        return segmentSlots;
    }

    int revenueSlot() {
        return revenueSlot;
    }

    int renewalsSlot() {
        return renewalsSlot;
    }
}
