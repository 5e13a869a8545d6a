package io.github.churnkit.features;

import io.github.churnkit.features.ColumnTransform.Imputation;
import io.github.churnkit.features.ColumnTransform.QuantileBins;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** A fitted {@link QuantileBins} transform: one-hot bins between learned quantile edges. */
final class BinsBlock extends Block {

    final NumericSource source;
    final double fill;
    final boolean indicator;
    private final double[] edges;

    BinsBlock(String name, NumericSource source, double fill, boolean indicator, double[] edges) {
        super(name);
        this.source = source;
        this.fill = fill;
        this.indicator = indicator;
        this.edges = edges.clone();
    }

    /** Learns the fill value and the bin edges from the raw training values (NaN = missing). */
    static BinsBlock fit(String name, NumericSource source, QuantileBins spec, double[] raw) {
        double[] present = Stats.sorted(Stats.present(raw));
        boolean anyMissing = present.length < raw.length;
        if (present.length == 0) {
            return new BinsBlock(name, source, 0.0, anyMissing, new double[0]);
        }
        double fill = spec.imputation() == Imputation.MEDIAN
                ? Stats.quantile(present, 0.5) : Stats.mean(present);
        double[] x = raw.clone();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = fill;
            }
        }
        Arrays.sort(x);
        double[] edges = new double[spec.bins() - 1];
        int n = 0;
        for (int j = 1; j < spec.bins(); j++) {
            double e = Stats.quantile(x, (double) j / spec.bins());
            // merge tied edges, and drop an edge at the minimum, which would leave bin 0 empty
            if (e > x[0] && (n == 0 || e > edges[n - 1])) {
                edges[n++] = e;
            }
        }
        return new BinsBlock(name, source, fill, anyMissing, Arrays.copyOf(edges, n));
    }

    double[] edges() {
        return edges.clone();
    }

    @Override
    int width() {
        return edges.length + 1 + (indicator ? 1 : 0);
    }

    @Override
    void encode(RawRow row, double[] out, int offset, boolean strict) {
        double x = source.read(row, strict);
        boolean missing = Double.isNaN(x);
        if (missing) {
            x = fill;
        }
        int bins = edges.length + 1;
        int bin = 0;
        while (bin < edges.length && x >= edges[bin]) {
            bin++;
        }
        for (int i = 0; i < bins; i++) {
            out[offset + i] = i == bin ? 1.0 : 0.0;
        }
        if (indicator) {
            out[offset + bins] = missing ? 1.0 : 0.0;
        }
    }

    @Override
    void addNames(List<String> names) {
        for (int i = 0; i <= edges.length; i++) {
            names.add(name + "_bin" + i);
        }
        if (indicator) {
            names.add(name + "_missing");
        }
    }

    @Override
    int sourceInput() {
        return source.singleInput();
    }

    @Override
    byte kind() {
        return BINS;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        PipelineCodec.writeSource(out, source);
        out.writeBoolean(indicator);
        out.writeDouble(fill);
        out.writeInt(edges.length);
        for (double e : edges) {
            out.writeDouble(e);
        }
    }
}
