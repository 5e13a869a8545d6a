package io.github.churnkit.scoring;

import io.github.churnkit.core.DateColumn;
import io.github.churnkit.features.RawRow;
import java.util.Arrays;

/**
 * One thread's working memory for scoring: the raw values by input slot, the feature vector, the
 * segment vector, the reasons' per-column sums, and a batch matrix. Views map each model's own
 * input indices onto the slots so that the pipeline and the segment encoder read the same values
 * without copying. Not thread-safe: each thread gets its own from a {@link ThreadLocal}.
 */
final class Scratch {

    /** Rows per batch chunk. */
    static final int CHUNK = 1024;

    final double[] numbers;
    final String[] categories;
    final int[] days;
    final double[] x;
    final double[] segment;
    final RawRow pipelineView;
    final RawRow segmentView;
    /** Per-column contribution sums of {@link Reasons#top}. */
    final double[] reasonSums;
    private double[] batchRows;
    private double[] batchOut;
    private final double[] batchRevenue = new double[CHUNK];
    private final double[] batchRenewals = new double[CHUNK];

    Scratch(Layout layout, int width, int segmentWidth, int reasonGroups) {
        int n = layout.slotCount();
        this.numbers = new double[n];
        this.categories = new String[n];
        this.days = new int[n];
        this.x = new double[width];
        this.segment = new double[segmentWidth];
        this.reasonSums = new double[reasonGroups];
        this.pipelineView = new View(layout.pipelineSlots(), false);
        this.segmentView = new View(layout.segmentSlots(), true);
        clear();
    }

    void clear() {
        Arrays.fill(numbers, Double.NaN);
        Arrays.fill(categories, null);
        Arrays.fill(days, DateColumn.MISSING);
    }

    /** Marks input slot {@code slot} missing, whatever its type. */
    void clearSlot(int slot) {
        numbers[slot] = Double.NaN;
        categories[slot] = null;
        days[slot] = DateColumn.MISSING;
    }

    double[] batchRows(int width) {
        if (batchRows == null) {
            batchRows = new double[CHUNK * width];
            batchOut = new double[CHUNK];
        }
        return batchRows;
    }

    double[] batchOut() {
        return batchOut;
    }

    double[] batchRevenue() {
        return batchRevenue;
    }

    double[] batchRenewals() {
        return batchRenewals;
    }

    /** A model's inputs seen through the slot map. */
    private final class View implements RawRow {
        private final int[] slots;
        private final boolean finiteOnly;

        View(int[] slots, boolean finiteOnly) {
            this.slots = slots;
            this.finiteOnly = finiteOnly;
        }

        @Override
        public double number(int input) {
            double v = numbers[slots[input]];
            return finiteOnly && Double.isInfinite(v) ? Double.NaN : v;
        }

        @Override
        public String category(int input) {
            return categories[slots[input]];
        }

        @Override
        public int epochDay(int input) {
            return days[slots[input]];
        }
    }
}
