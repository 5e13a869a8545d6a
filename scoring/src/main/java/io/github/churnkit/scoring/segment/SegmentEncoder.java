package io.github.churnkit.scoring.segment;

import io.github.churnkit.features.RawRow;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the raw clustering columns of one customer into the vector a {@link SegmentAssigner}
 * reads: a NUMERIC or BOOLEAN column becomes one feature holding its value in original units (NaN
 * when missing), a CATEGORICAL column becomes one 0/1 indicator per training level, in level order,
 * all NaN when the value is missing or a level not seen in training (the assigner then treats the
 * whole block as "at the training mean", so an unseen level favours no segment). The standardising
 * scaler lives in the assigner; together they are the runtime form of the trainer's encoding
 * ({@code io.github.churnkit.models.segment.KMeansSegmenter} delegates its raw encoding here, so
 * training and scoring share one implementation).
 *
 * <p>Columns are read from a {@link RawRow} whose input index {@code c} is column {@code c} of
 * {@link #columns()}. {@link #encode(RawRow, double[])} does not allocate.
 *
 * <p>Immutable and thread-safe. Stored in a bundle as section {@value #SECTION}: a list of
 * columns, each a name, a {@code u8} kind (0 numeric, 1 categorical) and, for a categorical
 * column, its list of levels.
 */
public final class SegmentEncoder {

    /** The bundle section name. */
    public static final String SECTION = "segments.encoder";
    private static final int MAX_COLUMNS = 100_000;
    private static final int MAX_LEVELS = 100_000;
    /** Up to this many levels a scan beats hashing the level. */
    private static final int SCAN_LEVELS = 16;

    private final List<String> columns;
    /** Per column: null for numeric, the levels for categorical. */
    private final List<List<String>> levels;
    private final List<Map<String, Integer>> lookup;
    /** Per column: null for numeric, the levels in code order (scanned when there are few). */
    private final String[][] levelArray;
    private final int[] offsets;
    private final List<String> featureNames;

    private SegmentEncoder(List<String> columns, List<List<String>> levels) {
        this.columns = List.copyOf(columns);
        this.levels = new ArrayList<>(levels);
        this.lookup = new ArrayList<>();
        this.levelArray = new String[columns.size()][];
        this.offsets = new int[columns.size()];
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = Objects.requireNonNull(columns.get(c), "column name");
            if (!seen.add(name)) {
                throw new IllegalArgumentException("clustering column '" + name + "' is listed twice");
            }
            offsets[c] = names.size();
            List<String> lv = levels.get(c);
            if (lv == null) {
                lookup.add(null);
                names.add(name);
            } else {
                Map<String, Integer> index = new HashMap<>();
                for (String l : lv) {
                    if (index.put(Objects.requireNonNull(l, "level"), index.size()) != null) {
                        throw new IllegalArgumentException("column '" + name + "' lists level '" + l + "' twice");
                    }
                    names.add(name + "=" + l);
                }
                lookup.add(index);
                levelArray[c] = lv.toArray(new String[0]);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a segment encoder needs at least one feature");
        }
        this.featureNames = List.copyOf(names);
    }

    /** A builder; add columns in the order the segment model was trained on. */
    public static Builder builder() {
        return new Builder();
    }

    /** The raw columns, in encoding order; {@link RawRow} index {@code c} is column {@code c}. */
    public List<String> columns() {
        return columns;
    }

    /** Whether column {@code c} is categorical (one indicator per level) rather than numeric. */
    public boolean isCategorical(int c) {
        return levels.get(c) != null;
    }

    /** The training levels of categorical column {@code c} (empty for a numeric column). */
    public List<String> levels(int c) {
        List<String> lv = levels.get(c);
        return lv == null ? List.of() : lv;
    }

    /** The position of {@code level} among the levels of categorical column {@code c}, -1 if unseen or null. */
    public int levelIndex(int c, String level) {
        if (level == null) {
            return -1;
        }
        String[] lv = levelArray[c];
        if (lv.length <= SCAN_LEVELS) {
            for (int i = 0; i < lv.length; i++) {
                if (lv[i].equals(level)) {
                    return i;
                }
            }
            return -1;
        }
        Integer i = lookup.get(c).get(level);
        return i == null ? -1 : i;
    }

    /** The encoded feature names: the column name, or {@code column=level} per indicator. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The number of encoded features. */
    public int width() {
        return featureNames.size();
    }

    /**
     * Writes the encoded customer into {@code out[0 .. width())}: numbers as they are (NaN when
     * missing), indicators 1 for the customer's level and 0 for the others, all NaN when the
     * level is missing or unseen. Does not allocate.
     *
     * @throws IllegalArgumentException if {@code out} is shorter than {@link #width()}
     */
    public void encode(RawRow row, double[] out) {
        if (out.length < featureNames.size()) {
            throw new IllegalArgumentException("output array has length " + out.length + ", needs " + featureNames.size());
        }
        final String[][] la = levelArray;
        for (int c = 0; c < offsets.length; c++) {
            int j = offsets[c];
            String[] lv = la[c];
            if (lv == null) {
                out[j] = row.number(c);
            } else {
                int hit = levelIndex(c, row.category(c));
                if (hit < 0) {
                    java.util.Arrays.fill(out, j, j + lv.length, Double.NaN);
                } else {
                    java.util.Arrays.fill(out, j, j + lv.length, 0.0);
                    out[j + hit] = 1.0;
                }
            }
        }
    }

    /** Writes this encoder as section {@value #SECTION}. */
    public void writeTo(BundleOutput out) {
        out.writeInt(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            out.writeString(columns.get(c));
            List<String> lv = levels.get(c);
            out.writeByte(lv == null ? 0 : 1);
            if (lv != null) {
                out.writeStringList(lv);
            }
        }
    }

    /**
     * Reads an encoder written by {@link #writeTo(BundleOutput)}.
     *
     * @throws BundleFormatException if the payload is malformed (bad kind, repeated column or level, no feature)
     */
    public static SegmentEncoder readFrom(BundleInput in) {
        long at = in.offset();
        Builder b = builder();
        in.readList(MAX_COLUMNS, i -> {
            String name = i.readString(SegmentCodec.MAX_TEXT_BYTES);
            int kind = i.readByte();
            if (kind == 0) {
                b.numeric(name);
            } else if (kind == 1) {
                b.categorical(name, i.readStringList(MAX_LEVELS, SegmentCodec.MAX_TEXT_BYTES));
            } else {
                throw i.fail("column '" + name + "' has unknown kind " + kind);
            }
            return name;
        });
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException("invalid segment encoder: " + e.getMessage(), in.section(), at);
        }
    }

    @Override
    public String toString() {
        return "SegmentEncoder[" + columns.size() + " columns, " + featureNames.size() + " features]";
    }

    /** Collects the columns of an encoder. Not thread-safe. */
    public static final class Builder {
        private final List<String> columns = new ArrayList<>();
        private final List<List<String>> levels = new ArrayList<>();

        private Builder() {
        }

        /** Adds a NUMERIC or BOOLEAN column: one feature, its value. */
        public Builder numeric(String column) {
            columns.add(Objects.requireNonNull(column, "column"));
            levels.add(null);
            return this;
        }

        /** Adds a CATEGORICAL column: one indicator per level, in the order given. */
        public Builder categorical(String column, List<String> columnLevels) {
            columns.add(Objects.requireNonNull(column, "column"));
            levels.add(List.copyOf(columnLevels));
            return this;
        }

        /**
         * The encoder.
         *
         * @throws IllegalArgumentException if a column or a level repeats, or there is no feature
         */
        public SegmentEncoder build() {
            return new SegmentEncoder(columns, levels);
        }
    }
}
