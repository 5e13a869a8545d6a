package io.github.churnkit.scoring.churn;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Named risk bands over the calibrated churn probability, for example low / medium / high. Band
 * {@code i} covers {@code [cut_{i-1}, cut_i)}, with {@code cut_{-1} = 0} and the last band reaching
 * 1 inclusive, so {@code k} strictly increasing cut-offs in (0, 1) make {@code k + 1} bands.
 *
 * <pre>{@code
 * RiskBands bands = RiskBands.of(new double[] {0.2, 0.5}, List.of("low", "medium", "high"));
 * bands.name(0.35);   // "medium"; 0.5 is "high"
 * }</pre>
 *
 * <p>Stored in the bundle section {@link ChurnCodec#BANDS_SECTION}, so a service gets the
 * thresholds the model was published with. Immutable and thread-safe; {@link #index(double)}
 * allocates nothing.
 */
public final class RiskBands {

    private final double[] cuts;
    private final List<String> names;

    private RiskBands(double[] cuts, List<String> names) {
        this.cuts = cuts;
        this.names = List.copyOf(names);
        if (this.names.size() != cuts.length + 1) {
            throw new IllegalArgumentException(cuts.length + " cut-offs make " + (cuts.length + 1)
                    + " bands, found " + this.names.size() + " names " + this.names);
        }
        for (int i = 0; i < cuts.length; i++) {
            if (!(cuts[i] > 0 && cuts[i] < 1) || (i > 0 && !(cuts[i] > cuts[i - 1]))) {
                throw new IllegalArgumentException("cut-offs must be strictly increasing inside (0, 1), found "
                        + Arrays.toString(cuts));
            }
        }
        for (String n : this.names) {
            if (n.isBlank()) {
                throw new IllegalArgumentException("band names must not be blank, found " + this.names);
            }
        }
        if (new HashSet<>(this.names).size() != this.names.size()) {
            throw new IllegalArgumentException("band names repeat: " + this.names);
        }
    }

    /**
     * Bands from cut-offs (copied) and names.
     *
     * @param cuts  strictly increasing, each in (0, 1); may be empty (one band)
     * @param names {@code cuts.length + 1} distinct, non-blank names, lowest risk first
     * @throws IllegalArgumentException if the cut-offs or names are invalid
     */
    public static RiskBands of(double[] cuts, List<String> names) {
        Objects.requireNonNull(cuts, "cuts");
        Objects.requireNonNull(names, "names");
        return new RiskBands(cuts.clone(), names);
    }

    /** Number of bands. */
    public int size() {
        return names.size();
    }

    /** The cut-offs (a copy). */
    public double[] cuts() {
        return cuts.clone();
    }

    /** The band names, lowest risk first. */
    public List<String> names() {
        return names;
    }

    /**
     * The band of a probability: the number of cut-offs at or below {@code p}.
     *
     * @throws IllegalArgumentException if {@code p} is NaN or outside [0, 1]
     */
    public int index(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "probability must be in [0, 1], found %s", p));
        }
        int i = 0;
        while (i < cuts.length && p >= cuts[i]) {
            i++;
        }
        return i;
    }

    /** The name of the band of {@code p}; see {@link #index(double)}. */
    public String name(double p) {
        return names.get(index(p));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskBands r && Arrays.equals(r.cuts, cuts) && r.names.equals(names);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cuts) + names.hashCode();
    }

    @Override
    public String toString() {
        return "RiskBands" + names + " at " + Arrays.toString(cuts);
    }
}
