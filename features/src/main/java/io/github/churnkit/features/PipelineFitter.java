package io.github.churnkit.features;

import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.features.ColumnTransform.DaysSince;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.OneHot;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import io.github.churnkit.features.ColumnTransform.QuantileBins;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fits a {@link FeaturePipeline} on a training table. */
final class PipelineFitter {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineFitter.class);

    private PipelineFitter() {
    }

    static FittedPipeline fit(FeaturePipeline spec, CustomerTable table) {
        Set<String> needed = new HashSet<>(spec.transforms().keySet());
        for (FeaturePipeline.Derived d : spec.derived()) {
            needed.add(d.left());
            needed.add(d.right());
        }
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (ColumnSpec c : spec.schema().columns()) {
            if (!needed.contains(c.name())) {
                continue;
            }
            if (!table.schema().contains(c.name())) {
                throw new IllegalArgumentException("training table has no column '" + c.name() + "'; its columns are "
                        + table.schema().names());
            }
            ColumnType found = table.column(c.name()).type();
            if (found != c.type()) {
                throw new IllegalArgumentException("training column '" + c.name() + "' is " + found
                        + " but the pipeline schema says " + c.type());
            }
            names.add(c.name());
            types.add(c.type());
        }
        int referenceDay = referenceDay(spec, table);
        Inputs inputs = new Inputs(names, types, referenceDay);
        TableRow rows = TableRow.bind(table, inputs, false);
        int[] labels = null;
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<String, ColumnTransform> e : spec.transforms().entrySet()) {
            String col = e.getKey();
            int in = names.indexOf(col);
            ColumnTransform t = e.getValue();
            if (t instanceof Numeric) {
                NumericSource src = inputs.type(in) == ColumnType.BOOLEAN
                        ? NumericSource.bool(in, col) : NumericSource.number(in, col);
                blocks.add(NumericBlock.fit(col, src, (Numeric) t, raw(src, rows, table.rowCount())));
            } else if (t instanceof QuantileBins) {
                NumericSource src = NumericSource.number(in, col);
                blocks.add(BinsBlock.fit(col, src, (QuantileBins) t, raw(src, rows, table.rowCount())));
            } else if (t instanceof DaysSince) {
                NumericSource src = NumericSource.daysSince(in, col, referenceDay);
                blocks.add(NumericBlock.fit(col + "_days", src, ((DaysSince) t).then(),
                        raw(src, rows, table.rowCount())));
            } else if (t instanceof OneHot) {
                blocks.add(OneHotBlock.fit(col, in, (OneHot) t, table.categorical(col)));
            } else if (t instanceof Ordinal) {
                blocks.add(OrdinalBlock.fit(col, in, (Ordinal) t, table.categorical(col)));
            } else {
                if (labels == null) {
                    labels = Labels.binary(table);
                }
                blocks.add(TargetBlock.fit(col, in, (TargetEncoding) t, table.categorical(col), labels));
            }
        }
        for (FeaturePipeline.Derived d : spec.derived()) {
            int a = names.indexOf(d.left());
            int b = names.indexOf(d.right());
            NumericSource src = NumericSource.derived(
                    d.op() == FeaturePipeline.Operation.RATIO ? NumericSource.RATIO : NumericSource.DIFFERENCE,
                    new NumericSource.Operand(a, d.left(), inputs.type(a) == ColumnType.DATE),
                    new NumericSource.Operand(b, d.right(), inputs.type(b) == ColumnType.DATE));
            ColumnTransform t = spec.derivedTransforms().get(d.name());
            double[] raw = raw(src, rows, table.rowCount());
            blocks.add(t instanceof QuantileBins
                    ? BinsBlock.fit(d.name(), src, (QuantileBins) t, raw)
                    : NumericBlock.fit(d.name(), src, (Numeric) t, raw));
        }
        FittedPipeline fitted = new FittedPipeline(inputs, blocks, spec.options());
        LOG.debug("fitted feature pipeline on {} rows: {} inputs, {} features", table.rowCount(), names.size(),
                fitted.width());
        return fitted;
    }

    private static double[] raw(NumericSource src, TableRow rows, int n) {
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = src.read(rows.at(r), false);
        }
        return out;
    }

    private static int referenceDay(FeaturePipeline spec, CustomerTable table) {
        List<String> dateInputs = new ArrayList<>();
        for (Map.Entry<String, ColumnTransform> e : spec.transforms().entrySet()) {
            if (e.getValue() instanceof DaysSince) {
                dateInputs.add(e.getKey());
            }
        }
        if (dateInputs.isEmpty()) {
            return DateColumn.MISSING;
        }
        if (spec.referenceDate().isPresent()) {
            return Math.toIntExact(spec.referenceDate().get().toEpochDay());
        }
        int max = DateColumn.MISSING;
        for (String name : dateInputs) {
            DateColumn d = table.date(name);
            for (int r = 0; r < d.size(); r++) {
                max = Math.max(max, d.epochDay(r));
            }
        }
        if (max == DateColumn.MISSING) {
            throw new IllegalArgumentException("no reference date was set and the date columns " + dateInputs
                    + " hold no dates to take the latest from");
        }
        return max;
    }
}
