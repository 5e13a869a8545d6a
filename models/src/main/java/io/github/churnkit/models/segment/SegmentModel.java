package io.github.churnkit.models.segment;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import io.github.churnkit.scoring.segment.SegmentEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tribuo.clustering.kmeans.KMeansModel;

/**
 * A fitted segmentation: the clustering columns and their scaler, one centroid per segment, the
 * stable segment ids, the profiles of the training data and the table that chose k.
 *
 * <p>Ids: a fresh model numbers its segments by size, 0 for the largest; a model fitted against a
 * previous one keeps the previous ids where centroids match (see {@link #alignment()}).
 *
 * <p>Assigning a customer uses the runtime form ({@link #toRuntime()}), so a service that loads
 * that form assigns exactly as this model does. Immutable and thread-safe.
 */
public final class SegmentModel {

    /** What {@link KMeansSegmenter} hands over. */
    record Parts(KMeansSegmenter.Config config, FeatureEncoder encoder, Clustering clustering, CustomerTable table,
                 String fingerprint) { }

    private final KMeansSegmenter.Config config;
    private final FeatureEncoder encoder;
    private final double[][] centroids;
    private final int[] tribuoIndex;
    private final List<Integer> ids;
    private final int nextId;
    private final List<SegmentProfile> profiles;
    private final KSelection selection;
    private final double inertia;
    private final KMeansModel tribuoModel;
    private final SegmentAlignment alignment;
    private final SegmentAssigner runtime;
    private final int trainingRows;
    private final String fingerprint;

    private SegmentModel(Parts parts, int[] order, SegmentAligner.Result ids) {
        Clustering c = parts.clustering();
        this.config = parts.config();
        this.encoder = parts.encoder();
        this.tribuoModel = c.model();
        this.selection = c.selection();
        this.inertia = c.inertia();
        this.trainingRows = c.labels().length;
        this.fingerprint = parts.fingerprint();
        int k = order.length;
        this.centroids = new double[k][];
        this.tribuoIndex = order.clone();
        for (int p = 0; p < k; p++) {
            centroids[p] = c.centroids()[order[p]].clone();
        }
        this.ids = ids.ids();
        this.nextId = ids.nextId();
        this.alignment = ids.alignment();
        Map<Integer, Integer> idOfCluster = new HashMap<>();
        for (int p = 0; p < k; p++) {
            idOfCluster.put(order[p], this.ids.get(p));
        }
        int[] rowIds = new int[c.labels().length];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = idOfCluster.get(c.labels()[i]);
        }
        this.profiles = SegmentProfiler.of(parts.table(), rowIds).profile();
        Map<Integer, String> names = new HashMap<>();
        for (SegmentProfile prof : profiles) {
            names.put(prof.id(), prof.name());
        }
        SegmentAssigner.Builder b = SegmentAssigner.builder()
                .features(encoder.featureNames())
                .scaler(encoder.center(), encoder.inverseScale());
        for (int p = 0; p < k; p++) {
            int id = this.ids.get(p);
            b.segment(id, names.getOrDefault(id, "Empty segment " + id), centroids[p]);
        }
        this.runtime = b.build();
    }

    static SegmentModel create(Parts parts, SegmentModel previous) {
        Clustering c = parts.clustering();
        int k = c.k();
        int[] sizes = c.sizes();
        Integer[] boxed = new Integer[k];
        for (int i = 0; i < k; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingInt((Integer i) -> -sizes[i]).thenComparingInt(i -> i));
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = boxed[i];
        }
        SegmentAligner.Result ids;
        if (previous == null) {
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                fresh.add(i);
            }
            ids = new SegmentAligner.Result(fresh, k, null);
        } else {
            double[][] ordered = new double[k][];
            for (int p = 0; p < k; p++) {
                ordered[p] = c.centroids()[order[p]];
            }
            ids = SegmentAligner.align(previous, parts.encoder(), ordered, parts.config().matchThreshold());
        }
        return new SegmentModel(parts, order, ids);
    }

    /** Number of segments. */
    public int segmentCount() {
        return centroids.length;
    }

    /** Stable segment ids, largest training segment first (for a fresh model: 0, 1, 2, ...). */
    public List<Integer> segmentIds() {
        return ids;
    }

    /** Generated segment names, in the order of {@link #segmentIds()}. */
    public List<String> segmentNames() {
        return runtime.segmentNames();
    }

    /** Profiles of the training rows, in increasing id order (churn rate when the table had a target). */
    public List<SegmentProfile> profiles() {
        return profiles;
    }

    /** The profile of segment {@code id} on the training rows. */
    public SegmentProfile profile(int id) {
        return profiles.stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no training rows in segment " + id + "; ids are " + ids));
    }

    /** The score of every k tried and the k chosen. */
    public KSelection selection() {
        return selection;
    }

    /** Inertia of the training rows (standardised units). */
    public double inertia() {
        return inertia;
    }

    /** Number of rows the model was fitted on. */
    public int trainingRows() {
        return trainingRows;
    }

    /**
     * A fingerprint of the training data: 64-bit FNV-1a over the encoded feature names and every
     * standardised training value, in hex. Equal data and columns give equal fingerprints.
     */
    public String dataFingerprint() {
        return fingerprint;
    }

    /** The clustering columns. */
    public List<String> columns() {
        return encoder.columns();
    }

    /** The encoded feature names (numeric columns, then {@code column=level} indicators). */
    public List<String> featureNames() {
        return encoder.featureNames();
    }

    /** The settings the model was fitted with. */
    public KMeansSegmenter.Config config() {
        return config;
    }

    /** How the ids relate to the previous model's, when the model was fitted against one. */
    public Optional<SegmentAlignment> alignment() {
        return Optional.ofNullable(alignment);
    }

    /**
     * The centroid of segment {@code id} in original units: column means for numeric features,
     * level shares for indicators.
     */
    public double[] centroid(int id) {
        int p = position(id);
        double[] out = new double[centroids[p].length];
        for (int j = 0; j < out.length; j++) {
            out[j] = encoder.toOriginal(j, centroids[p][j]);
        }
        return out;
    }

    private int position(int id) {
        int p = ids.indexOf(id);
        if (p < 0) {
            throw new IllegalArgumentException("no segment " + id + "; ids are " + ids);
        }
        return p;
    }

    /**
     * Writes row {@code row} of {@code table} into {@code out} as the runtime form expects it
     * (numeric values in original units, categorical columns as 0/1 indicators; NaN where missing or
     * for a level not seen in training).
     */
    public void encode(CustomerTable table, int row, double[] out) {
        if (out.length != encoder.featureCount()) {
            throw new IllegalArgumentException("out has " + out.length + " slots for " + encoder.featureCount() + " features");
        }
        encoder.encodeRaw(table, row, out);
    }

    /** The segment id of every row of {@code table} (missing values: see {@link SegmentAssigner}). */
    public int[] assign(CustomerTable table) {
        Objects.requireNonNull(table, "table");
        double[] raw = new double[encoder.featureCount()];
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            encoder.encodeRaw(table, i, raw);
            out[i] = runtime.assign(raw);
        }
        return out;
    }

    /** A profiler of {@code table} by this model's segments. */
    public SegmentProfiler profiler(CustomerTable table) {
        return SegmentProfiler.of(table, assign(table));
    }

    /** The runtime form: the scaler and centroids in primitive arrays, no Tribuo. */
    public SegmentAssigner toRuntime() {
        return runtime;
    }

    /**
     * The runtime form of the raw encoding (columns to the vector {@link #toRuntime()} reads), the
     * same object the trainer encodes with; a model bundle stores it beside the assigner so that a
     * raw customer can be assigned without this module.
     */
    public SegmentEncoder toRuntimeEncoder() {
        return encoder.runtime();
    }

    /** Tribuo's own prediction for an encoded row, as a stable id (for tests comparing with the runtime). */
    int tribuoAssign(double[] raw) {
        double[] z = new double[raw.length];
        encoder.standardize(raw, z);
        int cluster = TribuoKMeans.predict(tribuoModel, z);
        for (int p = 0; p < tribuoIndex.length; p++) {
            if (tribuoIndex[p] == cluster) {
                return ids.get(p);
            }
        }
        throw new IllegalStateException("Tribuo predicted unknown cluster " + cluster);
    }

    FeatureEncoder encoder() {
        return encoder;
    }

    double[] standardizedCentroid(int position) {
        return centroids[position].clone();
    }

    int nextId() {
        return nextId;
    }

    @Override
    public String toString() {
        return "SegmentModel[" + centroids.length + " segments " + ids + " on " + encoder.columns() + "]";
    }
}
