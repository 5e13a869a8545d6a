package io.github.churnkit.models.segment;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.features.RawRow;
import io.github.churnkit.scoring.segment.SegmentEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the clustering columns of a table into standardised vectors: a numeric or boolean column
 * becomes one feature {@code (x - mean) / sd}; a categorical column becomes one 0/1 indicator per
 * training level, scaled by {@code 1/sqrt(2)} so that two customers who differ in one categorical
 * column are one unit apart, like a one-standard-deviation difference in a numeric column. A
 * constant numeric column gets scale 1 and so contributes nothing. Immutable.
 */
final class FeatureEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureEncoder.class);
    static final double INDICATOR_INVERSE_SCALE = 1.0 / Math.sqrt(2.0);

    private final List<String> columns;
    /** Per source column: null for numeric, the training levels for categorical. */
    private final List<List<String>> levels;
    private final List<String> featureNames;
    private final double[] center;
    private final double[] inverseScale;
    private final KMeansSegmenter.MissingValues missing;
    /** The runtime form of the raw encoding: training and scoring share it. */
    private final SegmentEncoder runtime;

    private FeatureEncoder(List<String> columns, List<List<String>> levels, double[] center,
                           double[] inverseScale, KMeansSegmenter.MissingValues missing) {
        this.columns = List.copyOf(columns);
        this.levels = levels;
        this.center = center;
        this.inverseScale = inverseScale;
        this.missing = missing;
        SegmentEncoder.Builder b = SegmentEncoder.builder();
        for (int c = 0; c < columns.size(); c++) {
            List<String> lv = levels.get(c);
            if (lv == null) {
                b.numeric(columns.get(c));
            } else {
                b.categorical(columns.get(c), lv);
            }
        }
        this.runtime = b.build();
        this.featureNames = runtime.featureNames();
    }

    /** The clustering columns: the named ones, or every numeric, boolean and categorical FEATURE column. */
    static List<String> chooseColumns(CustomerTable table, List<String> named) {
        if (!named.isEmpty()) {
            for (String name : named) {
                ColumnType type = table.schema().column(name).type();
                if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN && type != ColumnType.CATEGORICAL) {
                    throw new IllegalArgumentException("clustering column '" + name + "' is " + type
                            + "; use NUMERIC, BOOLEAN or CATEGORICAL columns");
                }
            }
            return List.copyOf(named);
        }
        List<String> out = new ArrayList<>();
        for (ColumnSpec spec : table.schema().columns()) {
            if (spec.role() == ColumnRole.FEATURE && (spec.type() == ColumnType.NUMERIC
                    || spec.type() == ColumnType.BOOLEAN || spec.type() == ColumnType.CATEGORICAL)) {
                out.add(spec.name());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the table has no NUMERIC, BOOLEAN or CATEGORICAL FEATURE column to cluster on; "
                    + "columns are " + table.schema().names());
        }
        return out;
    }

    /** Learns means, standard deviations and levels from {@code table}. */
    static FeatureEncoder fit(CustomerTable table, List<String> columns, KMeansSegmenter.MissingValues missing) {
        List<List<String>> levels = new ArrayList<>();
        List<Double> centers = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        int n = table.rowCount();
        for (String name : columns) {
            Column col = table.column(name);
            if (col instanceof NumericColumn num) {
                levels.add(null);
                double sum = 0;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    double v = num.get(i);
                    if (Double.isNaN(v)) {
                        rejectMissing(missing, name, i);
                        continue;
                    }
                    if (Double.isInfinite(v)) {
                        throw new IllegalArgumentException("clustering column '" + name + "' row " + i + " is " + v);
                    }
                    sum += v;
                    count++;
                }
                if (count == 0) {
                    throw new IllegalArgumentException("clustering column '" + name + "' has no non-missing value");
                }
                double mean = sum / count;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double v = num.get(i);
                    if (!Double.isNaN(v)) {
                        ss += (v - mean) * (v - mean);
                    }
                }
                double sd = Math.sqrt(ss / count);
                if (!(sd > 1e-12 * Math.max(1.0, Math.abs(mean)))) {
                    LOG.warn("clustering column '{}' is constant ({}); it does not influence the segments",
                            name, String.format(Locale.ROOT, "%g", mean));
                    sd = 1.0;
                }
                centers.add(mean);
                scales.add(1.0 / sd);
            } else if (col instanceof CategoricalColumn cat) {
                if (missing == KMeansSegmenter.MissingValues.REJECT) {
                    for (int i = 0; i < n; i++) {
                        if (cat.isMissing(i)) {
                            rejectMissing(missing, name, i);
                        }
                    }
                }
                levels.add(cat.levels());
                for (int l = 0; l < cat.levelCount(); l++) {
                    centers.add(0.0);
                    scales.add(INDICATOR_INVERSE_SCALE);
                }
            } else {
                throw new IllegalArgumentException("clustering column '" + name + "' is " + col.type()
                        + "; use NUMERIC, BOOLEAN or CATEGORICAL columns");
            }
        }
        return new FeatureEncoder(columns, levels, toArray(centers), toArray(scales), missing);
    }

    private static void rejectMissing(KMeansSegmenter.MissingValues missing, String name, int row) {
        if (missing == KMeansSegmenter.MissingValues.REJECT) {
            throw new IllegalArgumentException("clustering column '" + name + "' row " + row
                    + " is missing; clean it first or use Config.withMissing(MissingValues.IMPUTE_MEAN)");
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /**
     * Writes row {@code row} of {@code table} in original units into {@code out}: numeric values
     * as they are (NaN when missing), indicators 1 for the row's level and 0 for the others, all
     * NaN when the category is missing or was not seen in training.
     */
    void encodeRaw(CustomerTable table, int row, double[] out) {
        runtime.encode(new TableRow(table, row), out);
    }

    /** The runtime form of the raw encoding, for the model bundle. */
    SegmentEncoder runtime() {
        return runtime;
    }

    /** Row {@code row} of a table seen through the encoder's column order, type-checked against training. */
    private final class TableRow implements RawRow {
        private final Column[] cols;
        private final int row;

        TableRow(CustomerTable table, int row) {
            this.row = row;
            this.cols = new Column[columns.size()];
            for (int c = 0; c < cols.length; c++) {
                Column col = table.column(columns.get(c));
                boolean numeric = levels.get(c) == null;
                if (numeric && !(col instanceof NumericColumn)) {
                    throw new IllegalArgumentException("column '" + columns.get(c) + "' was numeric in training but is " + col.type());
                }
                if (!numeric && !(col instanceof CategoricalColumn)) {
                    throw new IllegalArgumentException("column '" + columns.get(c) + "' was categorical in training but is " + col.type());
                }
                cols[c] = col;
            }
        }

        @Override
        public double number(int input) {
            return ((NumericColumn) cols[input]).get(row);
        }

        @Override
        public String category(int input) {
            return ((CategoricalColumn) cols[input]).get(row);
        }
    }

    /** Standardises a raw vector exactly as the runtime assigner does (NaN becomes 0). */
    void standardize(double[] raw, double[] z) {
        for (int j = 0; j < raw.length; j++) {
            double x = raw[j];
            z[j] = x != x ? 0.0 : (x - center[j]) * inverseScale[j];
        }
    }

    /** The standardised matrix of all rows of {@code table}. */
    double[][] standardizedMatrix(CustomerTable table) {
        int n = table.rowCount();
        int d = featureNames.size();
        double[][] z = new double[n][d];
        double[] raw = new double[d];
        for (int i = 0; i < n; i++) {
            encodeRaw(table, i, raw);
            standardize(raw, z[i]);
        }
        return z;
    }

    /** The value in original units of standardised value {@code z} of feature {@code j}. */
    double toOriginal(int j, double z) {
        return z / inverseScale[j] + center[j];
    }

    /** The standardised value of original-unit value {@code x} of feature {@code j}. */
    double toStandardized(int j, double x) {
        return (x - center[j]) * inverseScale[j];
    }

    List<String> columns() {
        return columns;
    }

    List<String> featureNames() {
        return featureNames;
    }

    int featureCount() {
        return featureNames.size();
    }

    int featureIndex(String name) {
        return featureNames.indexOf(name);
    }

    double[] center() {
        return center.clone();
    }

    double[] inverseScale() {
        return inverseScale.clone();
    }

    KMeansSegmenter.MissingValues missing() {
        return missing;
    }
}
