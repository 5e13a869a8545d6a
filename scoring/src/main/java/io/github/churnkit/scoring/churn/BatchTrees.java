package io.github.churnkit.scoring.churn;

/**
 * The batch form of a binary tree ensemble: the complete trees of {@link CompleteTrees} re-laid out
 * for walking many rows at once, level by level.
 *
 * <p><b>Layout.</b> Tree {@code t} occupies the {@code 2^D} slots {@code [t 2^D, (t + 1) 2^D)} in
 * heap order: the root is slot 1, the children of slot {@code i} are {@code 2i} (left) and
 * {@code 2i + 1} (right), and after {@code D} steps the walk ends in slot {@code 2^D + j}, the
 * tree's leaf {@code j}. Each split slot holds its feature premultiplied by the block size (the
 * feature's column in the transposed block below) and its threshold; the leaf values are those of
 * {@link CompleteTrees}. The arrays are padded to a power of two so that every index can be masked
 * with {@code length - 1}, which the JIT recognises as always in bounds (no range check per step).
 *
 * <p><b>The walk.</b> Rows are taken in blocks of {@value #BLOCK}. A block is copied, transposed, into
 * a per-thread buffer with every NaN replaced by +infinity; for a finite threshold both go right, so
 * routing is unchanged, and the comparison becomes the sign bit of {@code threshold - x}, exact for
 * every other value (see {@link #right(double, double)}). Then, tree by tree and level by level,
 * every row of the block takes one step; the rows' steps are independent, so the processor overlaps
 * them. The root level reads one constant node and the last level adds the leaf value directly.
 * Leaf values are added to each row's sum in tree order, so the sums, and the probabilities, equal
 * those of the one-row walks bit for bit.
 *
 * <p><b>Two forms.</b> For depths 2 to {@value BitmaskTrees#MAX_DEPTH}, on a JVM where its inner
 * loop was seen to be vectorized ({@link #VECTORIZING_JIT}), a {@link BitmaskTrees} form is built, and
 * batches go through it instead of the walk when its estimated cost per row is lower; then the walk's
 * arrays are not built. The system property {@value #FORM_PROPERTY} overrides the choice. On the benchmark fixture (100
 * trees of depth 6 with about 29 real splits each, 19 features) the bit-mask form takes about 700 ns
 * per row against about 790 ns for the walk, by CPU time on JDK 25.
 *
 * <p>Immutable and thread-safe: the working buffers are per thread ({@link ThreadLocal}), so a batch
 * call allocates nothing once a thread has its buffers.
 */
final class BatchTrees {

    /** Rows per block: the block's transposed values stay in the L1 cache. */
    static final int BLOCK = 128;
    private static final int BLOCK_SHIFT = 7;

    private final int depth;
    private final int stride;
    private final int trees;
    private final int features;
    private final int[] feature;
    private final double[] threshold;
    private final double[] leaf;
    private final ThreadLocal<Work> work;
    /** The bit-mask form when it is expected to be faster than the walk, else null. */
    private final BitmaskTrees bitmask;

    /**
     * Which batch form to use by default: the cheaper by the estimates ({@link #estimatedWalkNanosPerRow},
     * {@link BitmaskTrees#estimatedNanosPerRow}) where the JIT vectorizes the bit-mask loop, else the
     * walk; the system property {@value #FORM_PROPERTY} ({@code walk} or {@code bitmask}) overrides it.
     */
    static final int AUTO = 0;
    /** System property that fixes the batch form: {@code walk}, {@code bitmask} or {@code auto} (the default). */
    static final String FORM_PROPERTY = "churnkit.batchForm";
    /**
     * True when the running JVM is known to compile {@link BitmaskTrees}' inner loop to vector
     * instructions: HotSpot 25 or later ({@code java.vm.name} "OpenJDK 64-Bit Server VM" or "Java
     * HotSpot(TM) 64-Bit Server VM") on x86-64 with its own C2 compiler (not a JVMCI compiler such as
     * Graal, whose builds say {@code jvmci} in {@code java.vm.version}), where it was measured. On
     * JDK 17 the same loop stays scalar and the bit-mask form was 2.4 times slower than the walk (trees of about 29 splits,
     * depth 6), so other JVMs keep the walk unless {@value #FORM_PROPERTY} says otherwise.
     */
    static final boolean VECTORIZING_JIT = Runtime.version().feature() >= 25
            && (System.getProperty("os.arch", "").equals("amd64") || System.getProperty("os.arch", "").equals("x86_64"))
            && System.getProperty("java.vm.name", "").contains("Server VM") // HotSpot's; not OpenJ9's
            && !System.getProperty("java.vm.version", "").contains("jvmci");
    /** Always the level-by-level walk. */
    static final int WALK = 1;
    /** The {@link BitmaskTrees} form whenever the depth allows it (2 to {@value BitmaskTrees#MAX_DEPTH}). */
    static final int BITMASK = 2;

    /** One thread's buffers: the transposed block and the rows' current slots. */
    private static final class Work {
        final double[] block;
        final int[] at;

        Work(int features) {
            this.block = new double[powerOfTwoAtLeast(BLOCK * features)];
            this.at = new int[BLOCK];
        }
    }

    /**
     * @param depth    the common depth {@code D} of the complete trees (0 to {@link CompleteTrees#MAX_DEPTH})
     * @param features the row width
     * @param splitFeature per tree, the {@code 2^D - 1} split features in level order (0-based, children of
     *                 position {@code p} at {@code 2p + 1} and {@code 2p + 2}), tree after tree
     * @param splitThreshold the matching thresholds, finite or NaN for a padding split
     * @param leafValue per tree, its {@code 2^D} leaf values, tree after tree
     */
    BatchTrees(int depth, int features, int[] splitFeature, double[] splitThreshold, double[] leafValue) {
        this(depth, features, splitFeature, splitThreshold, leafValue, AUTO);
    }

    /**
     * As {@link #BatchTrees(int, int, int[], double[], double[])}, with the form chosen by
     * {@code strategy} ({@link #AUTO}, {@link #WALK} or {@link #BITMASK}; tests use the last two).
     */
    BatchTrees(int depth, int features, int[] splitFeature, double[] splitThreshold, double[] leafValue, int strategy) {
        this.depth = depth;
        this.stride = 1 << depth;
        this.trees = leafValue.length / stride;
        this.features = features;
        int form = strategy == AUTO ? configuredForm() : strategy;
        BitmaskTrees masks = null;
        boolean worthTrying = form == BITMASK || (form == AUTO && VECTORIZING_JIT);
        if (worthTrying && depth >= 2 && depth <= BitmaskTrees.MAX_DEPTH) {
            masks = new BitmaskTrees(depth, features, splitFeature, splitThreshold, leafValue);
            if (form == AUTO && masks.estimatedNanosPerRow() >= estimatedWalkNanosPerRow()) {
                masks = null;
            }
        }
        this.bitmask = masks;
        // the walk's layout, unless the bit-mask form replaces it
        int inner = stride - 1;
        int slots = masks != null ? 1 : powerOfTwoAtLeast(trees * stride);
        this.feature = new int[slots];
        this.threshold = new double[slots];
        this.leaf = new double[slots];
        if (masks == null) {
            for (int t = 0; t < trees; t++) {
                for (int p = 0; p < inner; p++) {
                    double thr = splitThreshold[t * inner + p];
                    // a padding split (NaN) sits above copies of one leaf: either way gives its value
                    feature[t * stride + p + 1] = Double.isNaN(thr) ? 0 : splitFeature[t * inner + p] << BLOCK_SHIFT;
                    threshold[t * stride + p + 1] = Double.isNaN(thr) ? 0.0 : thr;
                }
            }
            System.arraycopy(leafValue, 0, leaf, 0, trees * stride);
        }
        this.work = masks != null ? null : ThreadLocal.withInitial(() -> new Work(features));
    }

    /** The form {@value #FORM_PROPERTY} asks for; AUTO when it is unset or says {@code auto}. */
    static int configuredForm() {
        String v = System.getProperty(FORM_PROPERTY, "auto").trim();
        switch (v) {
            case "walk":
                return WALK;
            case "bitmask":
                return BITMASK;
            case "auto":
            case "":
                return AUTO;
            default:
                throw new IllegalStateException("system property " + FORM_PROPERTY + " is '" + v
                        + "'; expected walk, bitmask or auto");
        }
    }

    /**
     * A rough cost of a row through the walk in nanoseconds: about 1.45 ns per tree and level, and
     * 2 ns per feature for the transposed copy (fitted like {@link BitmaskTrees#estimatedNanosPerRow}).
     */
    double estimatedWalkNanosPerRow() {
        return 1.45 * depth * trees + 2.0 * features;
    }

    /** True when batches go through the {@link BitmaskTrees} form. */
    boolean usesBitmasks() {
        return bitmask != null;
    }

    static int powerOfTwoAtLeast(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * 1 when a row goes right, else 0: the sign bit of {@code threshold - x}. Exact for a finite
     * threshold that is not -0.0 and any {@code x} but NaN: the rounded difference of two finite
     * doubles has the sign of the exact one and is +0.0 when they are equal, and an infinite
     * {@code x} gives an infinite difference of the opposite sign.
     */
    static int right(double threshold, double x) {
        return (int) (Double.doubleToRawLongBits(threshold - x) >>> 63);
    }

    /**
     * The class-1 probability of each row, {@code 1 - 1 / (1 + exp(outputScale · m))} with
     * {@code m = base + } the row's leaf values added in tree order: exactly the formula and order
     * of {@link TreeEnsemble#probability(double[])}.
     *
     * @param rows        {@code count} rows of {@code features} values, row after row
     * @param count       rows to score
     * @param out         receives the probabilities; {@code out.length >= count}
     * @param base        the base score
     * @param outputScale the factor from margin to log-odds
     */
    void probabilities(double[] rows, int count, double[] out, double base, double outputScale) {
        if (bitmask != null) {
            bitmask.probabilities(rows, count, out, base, outputScale);
            return;
        }
        Work w = work.get();
        if (depth < 2) {
            shallow(rows, count, out, w.block, base);
            for (int i = 0; i < count; i++) {
                out[i] = sigmoid(outputScale * out[i]);
            }
        } else {
            deep(rows, count, out, w.block, w.at, base, outputScale);
        }
    }

    private static double sigmoid(double z) {
        return 1.0 - 1.0 / (1.0 + Math.exp(z));
    }

    /**
     * Depth 2 and more, block by block: copy, walk every tree, then the block's probabilities. (The
     * probabilities are computed per block on purpose: with the sigmoid in a separate loop after all
     * blocks, C2 on JDK 25 compiled the walk about 40% slower on the benchmark machine, 1,210 against
     * 850 ns per row for 100 trees of depth 6 in 64-row blocks; the cause, presumably register
     * allocation around the exp call, was not established. For the same reason the block copy is
     * written out here and in {@link #shallow} rather than shared: as a called method it cost 4%.)
     */
    private void deep(double[] rows, int count, double[] out, double[] rb, int[] at, double base, double scale) {
        final int width = features;
        final int[] fa = feature;
        final double[] ta = threshold;
        final double[] v = leaf;
        final int d = depth;
        final int s = stride;
        final int mf = fa.length - 1;
        final int mt = ta.length - 1;
        final int mr = rb.length - 1;
        final int mv = v.length - 1;
        for (int from = 0; from < count; from += BLOCK) {
            final int n = Math.min(BLOCK, count - from);
            for (int r = 0; r < n; r++) {
                final int src = (from + r) * width;
                for (int f = 0; f < width; f++) {
                    double x = rows[src + f];
                    rb[((f << BLOCK_SHIFT) + r) & mr] = x != x ? Double.POSITIVE_INFINITY : x;
                }
                out[from + r] = base;
            }
            for (int t = 0; t < trees; t++) {
                final int b = t * s;
                final int rootFeature = fa[(b + 1) & mf];
                final double rootThreshold = ta[(b + 1) & mt];
                for (int r = 0; r < n; r++) {
                    at[r] = 2 + right(rootThreshold, rb[(rootFeature + r) & mr]);
                }
                for (int k = 1; k < d - 1; k++) {
                    for (int r = 0; r < n; r++) {
                        int i = at[r];
                        int a = (b + i) & mf;
                        at[r] = 2 * i + right(ta[a & mt], rb[(fa[a] + r) & mr]);
                    }
                }
                final int leafBase = b - s;
                for (int r = 0; r < n; r++) {
                    int i = at[r];
                    int a = (b + i) & mf;
                    out[from + r] += v[(leafBase + 2 * i + right(ta[a & mt], rb[(fa[a] + r) & mr])) & mv];
                }
            }
            for (int r = 0; r < n; r++) {
                out[from + r] = sigmoid(scale * out[from + r]);
            }
        }
    }

    /** Depth 0 (every tree a single leaf) or 1 (stumps): one step or none per tree. */
    private void shallow(double[] rows, int count, double[] out, double[] block, double base) {
        final int mb = block.length - 1;
        for (int from = 0; from < count; from += BLOCK) {
            final int n = Math.min(BLOCK, count - from);
            for (int r = 0; r < n; r++) {
                final int src = (from + r) * features;
                for (int f = 0; f < features; f++) {
                    double x = rows[src + f];
                    block[((f << BLOCK_SHIFT) + r) & mb] = x != x ? Double.POSITIVE_INFINITY : x;
                }
                out[from + r] = base;
            }
            for (int t = 0; t < trees; t++) {
                final int b = t * stride;
                if (depth == 0) {
                    for (int r = 0; r < n; r++) {
                        out[from + r] += leaf[b];
                    }
                } else {
                    final int rootFeature = feature[b + 1];
                    final double rootThreshold = threshold[b + 1];
                    for (int r = 0; r < n; r++) {
                        out[from + r] += leaf[b + right(rootThreshold, block[(rootFeature + r) & mb])];
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "BatchTrees[" + trees + " trees, depth " + depth + ", " + features + " features, "
                + (bitmask == null ? feature.length + " slots, walk]" : bitmask + "]");
    }
}
