package io.github.churnkit.models.segment;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.clustering.kmeans.KMeansModel;

/**
 * Finds customer segments with k-means (Tribuo's {@code KMeansTrainer}, k-means++ seeding of
 * Arthur and Vassilvitskii 2007, Euclidean distance) on standardised features, choosing the
 * number of segments from the data.
 *
 * <p>For every k in {@code [minK, maxK]} the segmenter runs {@code restarts} seeded k-means++
 * fits and keeps the one with the lowest inertia (a run that leaves a segment empty only wins if
 * every run does). Each kept fit is scored by inertia, mean silhouette (on a seeded sample of
 * {@code silhouetteSample} rows) and the Calinski-Harabasz index; the {@link Criterion} picks k.
 * Candidate k above the number of distinct rows are skipped. On large data the scan over k runs on
 * a seeded sample of {@code selectionSample} rows and only the chosen k is fitted on all rows.
 *
 * <p>Columns: the named ones, or by default every NUMERIC, BOOLEAN and CATEGORICAL column whose
 * role is FEATURE. Numeric columns are standardised with the training mean and standard deviation;
 * categorical ones become 0/1 indicators scaled by {@code 1/sqrt(2)}, so that differing in one
 * categorical column costs as much as one standard deviation of a numeric one. A constant column
 * is kept but has no influence. Missing values: see {@link MissingValues}.
 *
 * <p>Same data, same config: the same model, bit for bit (with {@code threads = 1}, the default). The segmenter is immutable and
 * thread-safe; {@code fit} may run concurrently. Tribuo logs each k-means iteration at INFO
 * through {@code java.util.logging} (logger {@code org.tribuo.clustering.kmeans.KMeansTrainer}).
 */
public final class KMeansSegmenter {

    private static final Logger LOG = LoggerFactory.getLogger(KMeansSegmenter.class);

    /** How k is chosen among the candidates. */
    public enum Criterion {
        /** Highest mean silhouette width. */
        SILHOUETTE,
        /** Highest Calinski-Harabasz index. */
        CALINSKI_HARABASZ
    }

    /** What happens to a missing value in a clustering column. */
    public enum MissingValues {
        /** Fitting fails with an {@link IllegalArgumentException} naming the column and row. */
        REJECT,
        /** A missing number counts as the column mean, a missing category as no level. */
        IMPUTE_MEAN
    }

    /**
     * Settings.
     *
     * @param minK             smallest number of segments tried, at least 1
     * @param maxK             largest number tried, at least {@code minK}
     * @param restarts         seeded k-means++ runs per k, at least 1; the lowest inertia wins
     * @param maxIterations    Lloyd iterations per run, at least 1
     * @param seed             seed of every random choice
     * @param criterion        how k is chosen
     * @param silhouetteSample rows sampled to compute the silhouette, at least 2
     * @param selectionSample  with more rows than this, k is chosen on a seeded sample of this
     *                         many rows and the chosen k is then refitted on all rows (with
     *                         {@code restarts} runs); at least 2
     * @param columns          clustering columns; empty means every numeric, boolean and
     *                         categorical FEATURE column
     * @param missing          treatment of missing values
     * @param threads          Tribuo's training threads, at least 1; with more than one, Tribuo sums
     *                         each centroid's rows in thread-dependent order, so results may differ
     *                         in the last bits between runs
     * @param matchThreshold   largest centroid distance (standardised units) at which a new
     *                         segment keeps the id of an old one when aligning to a previous
     *                         model; positive
     */
    public record Config(int minK, int maxK, int restarts, int maxIterations, long seed, Criterion criterion,
                         int silhouetteSample, int selectionSample, List<String> columns, MissingValues missing, int threads,
                         double matchThreshold) {

        /** Validates and copies. */
        public Config {
            if (minK < 1) {
                throw new IllegalArgumentException("minK must be at least 1, found " + minK);
            }
            if (maxK < minK) {
                throw new IllegalArgumentException("maxK must be at least minK=" + minK + ", found " + maxK);
            }
            if (restarts < 1) {
                throw new IllegalArgumentException("restarts must be at least 1, found " + restarts);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, found " + maxIterations);
            }
            Objects.requireNonNull(criterion, "criterion");
            if (silhouetteSample < 2) {
                throw new IllegalArgumentException("silhouetteSample must be at least 2, found " + silhouetteSample);
            }
            if (selectionSample < 2) {
                throw new IllegalArgumentException("selectionSample must be at least 2, found " + selectionSample);
            }
            columns = List.copyOf(columns);
            Objects.requireNonNull(missing, "missing");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, found " + threads);
            }
            if (!(matchThreshold > 0) || Double.isInfinite(matchThreshold)) {
                throw new IllegalArgumentException("matchThreshold must be positive and finite, found " + matchThreshold);
            }
        }

        /**
         * k from 2 to 10, 5 restarts, 100 iterations, seed 42, silhouette on 2,000 rows, k chosen on
         * at most 50,000 rows, all FEATURE columns, missing values rejected, 1 thread, match
         * threshold 1.
         */
        public static Config defaults() {
            return new Config(2, 10, 5, 100, 42L, Criterion.SILHOUETTE, 2000, 50_000, List.of(), MissingValues.REJECT,
                    1, 1.0);
        }

        /** A copy trying k from {@code min} to {@code max}. */
        public Config withKRange(int min, int max) {
            return new Config(min, max, restarts, maxIterations, seed, criterion, silhouetteSample, selectionSample,
                    columns, missing, threads, matchThreshold);
        }

        /** A copy with a fixed number of segments. */
        public Config withK(int k) {
            return withKRange(k, k);
        }

        /** A copy with another number of restarts per k. */
        public Config withRestarts(int n) {
            return new Config(minK, maxK, n, maxIterations, seed, criterion, silhouetteSample, selectionSample,
                    columns, missing, threads, matchThreshold);
        }

        /** A copy with another iteration limit. */
        public Config withMaxIterations(int n) {
            return new Config(minK, maxK, restarts, n, seed, criterion, silhouetteSample, selectionSample,
                    columns, missing, threads, matchThreshold);
        }

        /** A copy with another seed. */
        public Config withSeed(long s) {
            return new Config(minK, maxK, restarts, maxIterations, s, criterion, silhouetteSample, selectionSample,
                    columns, missing, threads, matchThreshold);
        }

        /** A copy with another criterion. */
        public Config withCriterion(Criterion c) {
            return new Config(minK, maxK, restarts, maxIterations, seed, c, silhouetteSample, selectionSample,
                    columns, missing, threads, matchThreshold);
        }

        /** A copy with another silhouette sample size. */
        public Config withSilhouetteSample(int n) {
            return new Config(minK, maxK, restarts, maxIterations, seed, criterion, n, selectionSample, columns, missing,
                    threads, matchThreshold);
        }

        /** A copy clustering on the named columns. */
        public Config withColumns(List<String> names) {
            return new Config(minK, maxK, restarts, maxIterations, seed, criterion, silhouetteSample, selectionSample,
                    names, missing, threads, matchThreshold);
        }

        /** A copy with another treatment of missing values. */
        public Config withMissing(MissingValues m) {
            return new Config(minK, maxK, restarts, maxIterations, seed, criterion, silhouetteSample, selectionSample,
                    columns, m, threads, matchThreshold);
        }

        /** A copy choosing k on at most {@code n} rows. */
        public Config withSelectionSample(int n) {
            return new Config(minK, maxK, restarts, maxIterations, seed, criterion, silhouetteSample, n, columns,
                    missing, threads, matchThreshold);
        }

        /** A copy with another number of Tribuo training threads. */
        public Config withThreads(int n) {
            return new Config(minK, maxK, restarts, maxIterations, seed, criterion, silhouetteSample, selectionSample,
                    columns, missing, n, matchThreshold);
        }

        /** A copy with another id-matching threshold. */
        public Config withMatchThreshold(double t) {
            return new Config(minK, maxK, restarts, maxIterations, seed, criterion, silhouetteSample, selectionSample,
                    columns, missing, threads, t);
        }
    }

    private final Config config;
    private final FitListener listener;

    private KMeansSegmenter(Config config, FitListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A segmenter with {@link Config#defaults()}. */
    public static KMeansSegmenter withDefaults() {
        return new KMeansSegmenter(Config.defaults(), FitListener.NONE);
    }

    /** A segmenter with the given settings. */
    public static KMeansSegmenter of(Config config) {
        return new KMeansSegmenter(config, FitListener.NONE);
    }

    /** A copy that reports progress to {@code l}. */
    public KMeansSegmenter withListener(FitListener l) {
        return new KMeansSegmenter(config, l);
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /**
     * Segments the rows of {@code table}; ids are numbered by size, 0 for the largest segment.
     *
     * @throws IllegalArgumentException if a clustering column is missing, of the wrong type, has a
     *                                  missing value under {@link MissingValues#REJECT}, or if
     *                                  {@code minK} exceeds the number of distinct rows
     */
    public SegmentModel fit(CustomerTable table) {
        return fit(table, null);
    }

    /**
     * Segments {@code table} and gives each segment the id of the matching segment of
     * {@code previous} (minimum-cost matching of centroids, see {@link SegmentAlignment}); the
     * report is in {@link SegmentModel#alignment()}. Both models must cluster on the same columns.
     */
    public SegmentModel fit(CustomerTable table, SegmentModel previous) {
        Objects.requireNonNull(table, "table");
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("cannot segment an empty table");
        }
        List<String> columns = FeatureEncoder.chooseColumns(table, config.columns());
        FeatureEncoder encoder = FeatureEncoder.fit(table, columns, config.missing());
        double[][] z = encoder.standardizedMatrix(table);
        Clustering best = cluster(z, encoder.featureCount());
        return SegmentModel.create(new SegmentModel.Parts(config, encoder, best, table, fingerprint(encoder, z)),
                previous);
    }

    /**
     * Segments the rows of a plain matrix; its columns are named {@code x0, x1, ...}.
     *
     * @throws IllegalArgumentException on ragged rows, NaN under {@link MissingValues#REJECT}, or
     *                                  too few distinct rows
     */
    public SegmentModel fit(double[][] x) {
        return fit(matrixTable(x));
    }

    /** FNV-1a (64 bit) over the feature names and the bits of every standardised value, as hex. */
    static String fingerprint(FeatureEncoder encoder, double[][] z) {
        long h = 0xcbf29ce484222325L;
        for (String name : encoder.featureNames()) {
            for (int i = 0; i < name.length(); i++) {
                h = (h ^ name.charAt(i)) * 0x100000001b3L;
            }
        }
        for (double[] row : z) {
            for (double v : row) {
                h = (h ^ Double.doubleToLongBits(v)) * 0x100000001b3L;
            }
        }
        return String.format(Locale.ROOT, "%016x", h);
    }

    /** A table of numeric FEATURE columns {@code x0, x1, ...} holding the columns of {@code x}. */
    static CustomerTable matrixTable(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot segment an empty matrix");
        }
        int d = x[0].length;
        double[][] cols = new double[d][x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                cols[j][i] = x[i][j];
            }
        }
        List<NumericColumn> columns = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            columns.add(NumericColumn.of("x" + j, cols[j]));
        }
        return CustomerTable.of(columns);
    }

    /** The best clustering over the k range of the standardised matrix {@code z}. */
    Clustering cluster(double[][] z, int d) {
        int distinct = countDistinct(z, config.maxK());
        if (distinct < config.minK()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "k=%d segments requested but the data have only %d distinct rows (of %d) in the clustering columns",
                    config.minK(), distinct, z.length));
        }
        int maxK = Math.min(config.maxK(), distinct);
        if (maxK < config.maxK()) {
            LOG.info("k above {} skipped: only {} distinct rows", maxK, distinct);
        }
        SplittableRandom seeds = new SplittableRandom(config.seed());
        boolean sampled = maxK > config.minK() && z.length > config.selectionSample();
        double[][] scanData = z;
        if (sampled) {
            int[] rows = ClusterQuality.sample(z.length, config.selectionSample(), seeds.nextLong());
            scanData = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                scanData[i] = z[rows[i]];
            }
            maxK = Math.max(config.minK(), Math.min(maxK, countDistinct(scanData, maxK)));
            LOG.info("choosing k on a sample of {} of {} rows", rows.length, z.length);
        }
        Progress progress = new Progress((maxK - config.minK() + 1 + (sampled ? 1 : 0)) * config.restarts());
        TribuoKMeans scanTribuo = TribuoKMeans.of(scanData, d);
        List<Clustering> perK = new ArrayList<>();
        List<KScore> scores = new ArrayList<>();
        for (int k = config.minK(); k <= maxK; k++) {
            Clustering best = bestOf(scanTribuo, scanData, k, seeds, progress);
            double silhouette = k < 2 ? Double.NaN
                    : ClusterQuality.silhouette(scanData, best.labels(), config.silhouetteSample(), config.seed());
            double ch = k < 2 ? Double.NaN : ClusterQuality.calinskiHarabasz(scanData, best.labels());
            scores.add(new KScore(k, best.inertia(), silhouette, ch));
            perK.add(best);
            LOG.debug("k={} inertia={} silhouette={} calinski-harabasz={}", k, best.inertia(), silhouette, ch);
        }
        int chosen = choose(scores);
        KSelection selection = new KSelection(scores, scores.get(chosen).k(), config.criterion());
        LOG.info("chose k={} by {}:\n{}", selection.chosenK(), config.criterion(), selection.toTable());
        Clustering result = sampled
                ? bestOf(TribuoKMeans.of(z, d), z, selection.chosenK(), seeds, progress)
                : perK.get(chosen);
        return result.withSelection(selection);
    }

    /** Counts finished runs for the listener. */
    private static final class Progress {
        private final int total;
        private int done;

        Progress(int total) {
            this.total = total;
        }
    }

    /** The best of {@code restarts} seeded k-means++ runs with {@code k} centroids. */
    private Clustering bestOf(TribuoKMeans tribuo, double[][] z, int k, SplittableRandom seeds, Progress progress) {
        Clustering best = null;
        for (int r = 0; r < config.restarts(); r++) {
            KMeansModel model = tribuo.train(k, config.maxIterations(), config.threads(), seeds.nextLong());
            double[][] centroids = tribuo.centroids(model);
            Clustering run = new Clustering(centroids, ClusterQuality.labels(z, centroids), model, z);
            if (best == null || run.betterThan(best)) {
                best = run;
            }
            listener.runFinished(++progress.done, progress.total, k, run.inertia());
        }
        return best;
    }

    private int choose(List<KScore> scores) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.size(); i++) {
            KScore s = scores.get(i);
            double v = config.criterion() == Criterion.SILHOUETTE ? s.silhouette() : s.calinskiHarabasz();
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }

    /** Number of distinct rows of {@code z}, counting stops once it exceeds {@code limit}. */
    static int countDistinct(double[][] z, int limit) {
        Set<RowKey> seen = new HashSet<>();
        for (double[] row : z) {
            seen.add(new RowKey(row));
            if (seen.size() > limit) {
                break;
            }
        }
        return seen.size();
    }

    private static final class RowKey {
        private final double[] row;
        private final int hash;

        RowKey(double[] row) {
            this.row = row;
            this.hash = Arrays.hashCode(row);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey r && Arrays.equals(r.row, row);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
