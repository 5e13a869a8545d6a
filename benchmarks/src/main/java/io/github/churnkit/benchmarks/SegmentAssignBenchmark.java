package io.github.churnkit.benchmarks;

import io.github.churnkit.models.segment.GaussianBlobs;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import java.util.ArrayList;
import java.util.List;
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
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Assigning one customer to a segment: churnkit's runtime {@link SegmentAssigner} (flat arrays,
 * no allocation) against Tribuo's {@code KMeansModel.predict} on a prebuilt example (the raw
 * library call), both with {@code k} centroids over 10 features.
 *
 * <p>Inputs: 1,024 customers drawn once in {@code @Setup}; each invocation scores the next one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SegmentAssignBenchmark -prof gc} (or
 * {@code scripts/bench.sh SegmentAssignBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SegmentAssignBenchmark {

    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");
    private static final int D = 10;
    private static final int ROWS = 1024;

    /** Number of segments. */
    @Param({"8"})
    public int k;

    private SegmentAssigner assigner;
    private KMeansModel tribuo;
    private double[][] customers;
    private List<Example<ClusterID>> examples;
    private int next;

    /** Fits both models on 20,000 blob rows and draws the customers. */
    @Setup
    public void setup() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        double[][] train = GaussianBlobs.generate(new GaussianBlobs.Config(20_000, D, k, 4.0, 1)).data();
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(k).withRestarts(1)).fit(train);
        assigner = model.toRuntime();
        double[] center = assigner.center();
        double[] inv = assigner.inverseScale();
        String[] names = new String[D];
        for (int j = 0; j < D; j++) {
            names[j] = String.format(java.util.Locale.ROOT, "f%03d", j);
        }
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance("bench", factory), factory);
        for (double[] row : train) {
            ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, standardize(row, center, inv)));
        }
        tribuo = new KMeansTrainer(k, 100, DistanceType.L2.getDistance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, 1L)
                .train(ds);
        customers = GaussianBlobs.generate(new GaussianBlobs.Config(ROWS, D, k, 4.0, 1).withSeed(1)).data();
        examples = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            examples.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names,
                    standardize(customers[i], center, inv)));
        }
    }

    private static double[] standardize(double[] row, double[] center, double[] inv) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - center[j]) * inv[j];
        }
        return z;
    }

    /** churnkit runtime: scaler plus nearest centroid over flat arrays. */
    @Benchmark
    public int runtimeAssign() {
        int i = next++ & (ROWS - 1);
        return assigner.assign(customers[i]);
    }

    /** Baseline: Tribuo's own prediction on an already standardised example. */
    @Benchmark
    public int tribuoPredict() {
        int i = next++ & (ROWS - 1);
        return tribuo.predict(examples.get(i)).getOutput().getID();
    }
}
