package io.github.churnkit.features;

import io.github.churnkit.features.ColumnTransform.Imputation;
import io.github.churnkit.features.ColumnTransform.Numeric;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** A fitted {@link Numeric} transform (also used for dates and derived features). */
final class NumericBlock extends Block {

    final NumericSource source;
    final double fill;
    final boolean indicator;
    final boolean log1p;
    final double lo;
    final double hi;
    final double center;
    final double scale;

    /**
     * The learned statistics of one numeric feature.
     *
     * @param fill   the value that replaces a missing raw value
     * @param lo     the lower clipping bound (negative infinity: none)
     * @param hi     the upper clipping bound (positive infinity: none)
     * @param center subtracted after clipping (0: none)
     * @param scale  divided by after centring (1: none)
     */
    record Learned(double fill, double lo, double hi, double center, double scale) {
    }

    NumericBlock(String name, NumericSource source, Learned learned, boolean indicator, boolean log1p) {
        super(name);
        this.source = source;
        this.fill = learned.fill();
        this.lo = learned.lo();
        this.hi = learned.hi();
        this.center = learned.center();
        this.scale = learned.scale();
        this.indicator = indicator;
        this.log1p = log1p;
    }

    /** Learns the statistics from the raw training values {@code raw} (NaN = missing). */
    static NumericBlock fit(String name, NumericSource source, Numeric spec, double[] raw) {
        double[] present = Stats.present(raw);
        boolean anyMissing = present.length < raw.length;
        double fill;
        if (present.length == 0) {
            fill = 0.0; // nothing to learn from: an all-missing column becomes a constant
        } else if (spec.imputation() == Imputation.MEDIAN) {
            fill = Stats.quantile(Stats.sorted(present), 0.5);
        } else {
            fill = Stats.mean(present);
        }
        double[] x = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double v = Double.isNaN(raw[i]) ? fill : raw[i];
            x[i] = spec.log1p() ? signedLog1p(v) : v;
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        if (spec.clipQuantile() > 0.0 && x.length > 0) {
            double[] sorted = Stats.sorted(x);
            lo = Stats.quantile(sorted, spec.clipQuantile());
            hi = Stats.quantile(sorted, 1.0 - spec.clipQuantile());
            for (int i = 0; i < x.length; i++) {
                x[i] = clip(x[i], lo, hi);
            }
        }
        double center = 0.0;
        double scale = 1.0;
        if (spec.standardize() && x.length > 0) {
            center = Stats.mean(x);
            double sd = Stats.sd(x, center);
            scale = sd > 0.0 ? sd : 1.0;
        }
        return new NumericBlock(name, source, new Learned(fill, lo, hi, center, scale), anyMissing, spec.log1p());
    }

    /** {@code sign(x) * log1p(|x|)}, with {@link StrictMath} so that every JVM gives the same bits. */
    static double signedLog1p(double x) {
        return x < 0.0 ? -StrictMath.log1p(-x) : StrictMath.log1p(x);
    }

    private static double clip(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }

    @Override
    int width() {
        return indicator ? 2 : 1;
    }

    @Override
    void encode(RawRow row, double[] out, int offset, boolean strict) {
        double x = source.read(row, strict);
        boolean missing = Double.isNaN(x);
        if (missing) {
            x = fill;
        }
        if (log1p) {
            x = signedLog1p(x);
        }
        out[offset] = (clip(x, lo, hi) - center) / scale;
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
        return source.singleInput();
    }

    @Override
    byte kind() {
        return NUMERIC;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        PipelineCodec.writeSource(out, source);
        out.writeBoolean(indicator);
        out.writeBoolean(log1p);
        out.writeDouble(fill);
        out.writeDouble(lo);
        out.writeDouble(hi);
        out.writeDouble(center);
        out.writeDouble(scale);
    }
}
