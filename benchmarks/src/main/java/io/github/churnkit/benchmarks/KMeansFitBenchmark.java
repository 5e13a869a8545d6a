package io.github.churnkit.benchmarks;

import io.github.churnkit.models.segment.GaussianBlobs;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fitting k-means on {@code rows} customers (default 1,000,000) x 10 features, k = 8, one k-means++ run, at most 100
 * iterations, one thread: {@link KMeansSegmenter} (standardising, building the Tribuo dataset,
 * training, labelling, silhouette on a 2,000-row sample, Calinski-Harabasz and profiles) against
 * the raw {@code KMeansTrainer.train} call on a dataset built in {@code @Setup}.
 *
 * <p>Both sides do the same Tribuo work: the baseline dataset holds the data standardised exactly
 * as the segmenter standardises it, and the baseline's seed is the one the segmenter derives for its
 * single run, so the k-means++ start and the number of Lloyd iterations are identical and the
 * difference is the segmenter's own overhead.
 *
 * <p>Data: seeded Gaussian blobs, 8 groups whose centres are at least 4 standard deviations
 * apart. Each measurement is one fit (single-shot).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KMeansFitBenchmark -prof gc} (the fork gets
 * {@code -Xmx8g}; or {@code scripts/bench.sh KMeansFitBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class KMeansFitBenchmark {

    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");
    private static final int D = 10;
    private static final int K = 8;

    /** Number of customers (named "rows" like the other benchmarks so the smoke run can shrink it). */
    @Param({"1000000"})
    public int rows;

    private double[][] data;
    private static final long SEED = 42L;
    private MutableDataset<ClusterID> dataset;

    /** Draws the data once and builds the Tribuo dataset for the baseline. */
    @Setup
    public void setup() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        data = GaussianBlobs.generate(new GaussianBlobs.Config(rows, D, K, 4.0, 7)).data();
        String[] names = new String[D];
        for (int j = 0; j < D; j++) {
            names[j] = String.format(java.util.Locale.ROOT, "f%03d", j);
        }
        ClusteringFactory factory = new ClusteringFactory();
        double[] mean = new double[D];
        double[] inverseSd = new double[D];
        for (double[] row : data) {
            for (int j = 0; j < D; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < D; j++) {
            mean[j] /= rows;
        }
        for (double[] row : data) {
            for (int j = 0; j < D; j++) {
                inverseSd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < D; j++) {
            inverseSd[j] = 1.0 / Math.sqrt(inverseSd[j] / rows);
        }
        dataset = new MutableDataset<>(new SimpleDataSourceProvenance("bench", factory), factory);
        for (double[] row : data) {
            double[] z = new double[D];
            for (int j = 0; j < D; j++) {
                z[j] = (row[j] - mean[j]) * inverseSd[j];
            }
            dataset.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, z));
        }
    }

    /** churnkit: the whole segmenter with a fixed k and one restart. */
    @Benchmark
    public SegmentModel segmenterFit() {
        return KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(K).withRestarts(1).withSeed(SEED))
                .fit(data);
    }

    /** Baseline: one raw Tribuo k-means++ training. */
    @Benchmark
    public KMeansModel tribuoTrain() {
        long runSeed = new SplittableRandom(SEED).nextLong(); // the segmenter's seed for its one run
        return new KMeansTrainer(K, 100, DistanceType.L2.getDistance(), KMeansTrainer.Initialisation.PLUSPLUS, 1,
                runSeed).train(dataset);
    }
}
