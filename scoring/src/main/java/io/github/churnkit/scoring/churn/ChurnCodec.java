package io.github.churnkit.scoring.churn;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.Objects;

/**
 * Writes and reads the churn model's runtime forms as model bundle sections (layouts in
 * {@code docs/model-format.md}, sections {@value #MODEL_SECTION}, {@value #CALIBRATION_SECTION} and
 * {@value #BANDS_SECTION}).
 *
 * <p>Reading rebuilds each form through its own validating factory or builder, so a decoded model
 * satisfies every invariant a trained one does: finite weights and thresholds, split features in
 * range, tree child indices inside their tree, every node reached exactly once from its root
 * (which rules out cycles), positive leaf covers. Violations raise {@link BundleFormatException}
 * naming the section and the node or value.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChurnCodec {

    /** Section holding the predictor ({@link LinearPredictor} or {@link TreeEnsemble}). */
    public static final String MODEL_SECTION = "churn.model";
    /** Section holding the probability calibrator ({@link PlattCalibrator} or {@link IsotonicCalibrator}). */
    public static final String CALIBRATION_SECTION = "churn.calibration";

    /** Section holding the {@link RiskBands}. */
    public static final String BANDS_SECTION = "churn.bands";

    static final int MAX_FEATURES = 1_000_000;
    static final int MAX_BANDS = 1_000;
    static final int MAX_CLASSES = 10_000;
    static final int MAX_TREES = 1_000_000;
    static final int MAX_NODES = 100_000_000;
    static final int MAX_KNOTS = 10_000_000;

    private static final byte LINEAR = 0;
    private static final byte TREES = 1;
    private static final byte PLATT = 0;
    private static final byte ISOTONIC = 1;

    private ChurnCodec() {
    }

    /**
     * Writes a predictor.
     *
     * @throws IllegalArgumentException if it is neither a {@link LinearPredictor} nor a {@link TreeEnsemble}
     */
    public static void writePredictor(ChurnPredictor predictor, BundleOutput out) {
        Objects.requireNonNull(predictor, "predictor");
        if (predictor instanceof LinearPredictor l) {
            out.writeByte(LINEAR);
            writeLinear(l, out);
        } else if (predictor instanceof TreeEnsemble t) {
            out.writeByte(TREES);
            writeTrees(t, out);
        } else {
            throw new IllegalArgumentException("no bundle layout for predictor " + predictor.getClass().getName());
        }
    }

    /**
     * Reads a predictor written by {@link #writePredictor}.
     *
     * @throws BundleFormatException if the payload is malformed or describes an invalid model
     */
    public static ChurnPredictor readPredictor(BundleInput in) {
        long at = in.offset();
        byte kind = in.readByte();
        if (kind == LINEAR) {
            return readLinear(in);
        }
        if (kind == TREES) {
            return readTrees(in);
        }
        throw new BundleFormatException("unknown predictor kind " + kind, in.section(), at);
    }

    /**
     * Writes a calibrator.
     *
     * @throws IllegalArgumentException if it is neither Platt nor isotonic
     */
    public static void writeCalibrator(ProbabilityCalibrator calibrator, BundleOutput out) {
        Objects.requireNonNull(calibrator, "calibrator");
        if (calibrator instanceof PlattCalibrator p) {
            out.writeByte(PLATT).writeDouble(p.slope()).writeDouble(p.offset());
        } else if (calibrator instanceof IsotonicCalibrator i) {
            out.writeByte(ISOTONIC).writeDoubleArray(i.knotInputs()).writeDoubleArray(i.knotOutputs());
        } else {
            throw new IllegalArgumentException("no bundle layout for calibrator " + calibrator.getClass().getName());
        }
    }

    /**
     * Reads a calibrator written by {@link #writeCalibrator}.
     *
     * @throws BundleFormatException if the payload is malformed or the calibrator invalid
     */
    public static ProbabilityCalibrator readCalibrator(BundleInput in) {
        long at = in.offset();
        byte kind = in.readByte();
        try {
            if (kind == PLATT) {
                double a = in.readFiniteDouble("Platt slope");
                double b = in.readFiniteDouble("Platt offset");
                return PlattCalibrator.of(a, b);
            }
            if (kind == ISOTONIC) {
                double[] x = in.readFiniteDoubleArray("isotonic knot inputs", MAX_KNOTS);
                double[] y = in.readFiniteDoubleArray("isotonic knot outputs", MAX_KNOTS);
                return IsotonicCalibrator.of(x, y);
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof BundleFormatException) {
                throw e;
            }
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
        throw new BundleFormatException("unknown calibrator kind " + kind, in.section(), at);
    }

    /** Writes risk bands: {@code double[]} cut-offs, then the list of names. */
    public static void writeBands(RiskBands bands, BundleOutput out) {
        out.writeDoubleArray(bands.cuts()).writeStringList(bands.names());
    }

    /**
     * Reads risk bands written by {@link #writeBands}.
     *
     * @throws BundleFormatException if the payload is malformed or the bands invalid
     */
    public static RiskBands readBands(BundleInput in) {
        long at = in.offset();
        double[] cuts = in.readFiniteDoubleArray("risk band cut-offs", MAX_BANDS);
        java.util.List<String> names = in.readStringList(MAX_BANDS + 1, 1 << 12);
        try {
            return RiskBands.of(cuts, names);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
    }

    private static void writeLinear(LinearPredictor l, BundleOutput out) {
        int outputs = l.classCount() == 2 ? 1 : l.classCount();
        out.writeInt(l.classCount()).writeInt(l.featureCount());
        for (int c = 0; c < outputs; c++) {
            out.writeDoubleArray(l.weights(c)).writeDouble(l.intercept(c));
        }
        out.writeDoubleArray(l.reference());
    }

    private static LinearPredictor readLinear(BundleInput in) {
        long at = in.offset();
        int classes = in.readInt("class count", 2, MAX_CLASSES);
        int features = in.readInt("feature count", 0, MAX_FEATURES);
        int outputs = classes == 2 ? 1 : classes;
        if ((long) outputs * (4L + 8L * features + 8) > in.remaining()) {
            throw new BundleFormatException(classes + " classes of " + features
                    + " weights need more bytes than remain (" + in.remaining() + ")", in.section(), at);
        }
        double[][] w = new double[outputs][];
        double[] b = new double[outputs];
        for (int c = 0; c < outputs; c++) {
            w[c] = in.readFiniteDoubleArray("weights of output " + c, features);
            if (w[c].length != features) {
                throw in.fail("weights of output " + c + " have " + w[c].length + " entries, expected " + features);
            }
            b[c] = in.readFiniteDouble("intercept of output " + c);
        }
        double[] reference = in.readFiniteDoubleArray("reference", features);
        if (reference.length != features) {
            throw in.fail("reference has " + reference.length + " entries, expected " + features);
        }
        try {
            return classes == 2 ? LinearPredictor.binary(w[0], b[0], reference)
                    : LinearPredictor.multinomial(w, b, reference);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
    }

    /*
     * Trees: int features, int classes, double outputScale, double[] base scores, then a list of
     * trees, each: int output, int node count, then per node int feature (-1 for a leaf) followed
     * by double threshold, int left, int right (absolute node indices) for a split or double value,
     * double cover for a leaf.
     */
    private static void writeTrees(TreeEnsemble t, BundleOutput out) {
        out.writeInt(t.features).writeInt(t.classes).writeDouble(t.outputScale).writeDoubleArray(t.base);
        int trees = t.roots.length;
        out.writeInt(trees);
        for (int k = 0; k < trees; k++) {
            int start = t.roots[k];
            int end = k + 1 < trees ? t.roots[k + 1] : t.feature.length;
            out.writeInt(t.treeOutput[k]).writeInt(end - start);
            for (int i = start; i < end; i++) {
                out.writeInt(t.feature[i]);
                if (t.feature[i] >= 0) {
                    out.writeDouble(t.threshold[i]).writeInt(t.left[i]).writeInt(t.right[i]);
                } else {
                    out.writeDouble(t.value[i]).writeDouble(t.cover[i]);
                }
            }
        }
    }

    private static TreeEnsemble readTrees(BundleInput in) {
        long at = in.offset();
        int features = in.readInt("feature count", 1, MAX_FEATURES);
        int classes = in.readInt("class count", 2, MAX_CLASSES);
        double scale = in.readFiniteDouble("output scale");
        double[] base = in.readFiniteDoubleArray("base scores", classes == 2 ? 1 : classes);
        int trees = in.readInt("tree count", 1, Math.min(MAX_TREES, in.remaining() / 8));
        try {
            TreeEnsemble.Builder b = TreeEnsemble.builder(features, classes).outputScale(scale);
            if (base.length != (classes == 2 ? 1 : classes)) {
                throw in.fail("expected " + (classes == 2 ? 1 : classes) + " base scores, found " + base.length);
            }
            for (int c = 0; c < base.length; c++) {
                b.baseScore(c, base[c]);
            }
            // children are connected after all nodes exist; a split's children are remembered here
            // in a growing list (no allocation sized by a declared count)
            IntList splits = new IntList();
            int nodes = 0;
            for (int k = 0; k < trees; k++) {
                int output = in.readInt("output of tree " + k, 0, base.length - 1);
                int count = in.readInt("node count of tree " + k, 1, Math.min(MAX_NODES - nodes, in.remaining() / 12));
                b.tree(output);
                for (int i = 0; i < count; i++, nodes++) {
                    int feature = in.readInt("feature of node " + nodes, -1, features - 1);
                    if (feature >= 0) {
                        double threshold = in.readDouble();
                        int left = in.readInt("left child of node " + nodes, 0, MAX_NODES);
                        int right = in.readInt("right child of node " + nodes, 0, MAX_NODES);
                        b.split(feature, threshold);
                        splits.add(nodes, left, right);
                    } else {
                        double value = in.readFiniteDouble("leaf value of node " + nodes);
                        double cover = in.readFiniteDouble("leaf cover of node " + nodes);
                        b.leaf(value, cover);
                    }
                }
            }
            for (int s = 0; s < splits.size; s += 3) {
                b.children(splits.data[s], splits.data[s + 1], splits.data[s + 2]);
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof BundleFormatException) {
                throw e;
            }
            throw new BundleFormatException("invalid tree ensemble: " + e.getMessage(), in.section(), at);
        }
    }

    /** A growing int array. */
    private static final class IntList {
        int[] data = new int[48];
        int size;

        void add(int a, int b, int c) {
            if (size + 3 > data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = a;
            data[size++] = b;
            data[size++] = c;
        }
    }
}
