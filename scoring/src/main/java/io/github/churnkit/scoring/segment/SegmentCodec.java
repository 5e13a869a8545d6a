package io.github.churnkit.scoring.segment;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.List;
import java.util.Objects;

/**
 * Writes and reads a {@link SegmentAssigner} as the model bundle section {@value #SECTION}.
 *
 * <p>Layout (see {@code docs/model-format.md}): list of feature names; {@code double[]} centers;
 * {@code double[]} inverse scales; list of segments, each {@code i32} id, string name,
 * {@code double[]} centroid. Reading rebuilds the assigner through its validating builder (finite
 * values, positive scales, matching widths, unique ids); violations raise
 * {@link BundleFormatException}. Stateless and thread-safe.
 */
public final class SegmentCodec {

    /** The bundle section name. */
    public static final String SECTION = "segments";

    static final int MAX_FEATURES = 1_000_000;
    static final int MAX_SEGMENTS = 100_000;
    static final int MAX_TEXT_BYTES = 1 << 16;

    private SegmentCodec() {
    }

    /** Writes the assigner. */
    public static void write(SegmentAssigner assigner, BundleOutput out) {
        Objects.requireNonNull(assigner, "assigner");
        out.writeStringList(assigner.featureNames());
        out.writeDoubleArray(assigner.center());
        out.writeDoubleArray(assigner.inverseScale());
        List<Integer> ids = assigner.segmentIds();
        out.writeInt(ids.size());
        for (int c = 0; c < ids.size(); c++) {
            out.writeInt(ids.get(c)).writeString(assigner.segmentNames().get(c)).writeDoubleArray(assigner.centroid(c));
        }
    }

    /**
     * Reads an assigner written by {@link #write}.
     *
     * @throws BundleFormatException if the payload is malformed or the assigner invalid
     */
    public static SegmentAssigner read(BundleInput in) {
        long at = in.offset();
        List<String> features = in.readStringList(MAX_FEATURES, MAX_TEXT_BYTES);
        int d = features.size();
        double[] center = in.readFiniteDoubleArray("centers", d);
        double[] inverseScale = in.readFiniteDoubleArray("inverse scales", d);
        SegmentAssigner.Builder b = SegmentAssigner.builder().features(features).scaler(center, inverseScale);
        in.readList(MAX_SEGMENTS, i -> {
            int id = i.readInt();
            String name = i.readString(MAX_TEXT_BYTES);
            double[] centroid = i.readFiniteDoubleArray("centroid of segment " + id, d);
            b.segment(id, name, centroid);
            return id;
        });
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException("invalid segment model: " + e.getMessage(), in.section(), at);
        }
    }
}
