package io.github.churnkit.models.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The bridge to Tribuo's k-means: builds the dataset from a standardised matrix, runs one seeded
 * k-means++ fit and reads the centroids back by feature name.
 *
 * <p>Tribuo numbers features by sorting their names, so features are called {@code f000},
 * {@code f001}, ... (zero-padded to a common width) and the centroids are mapped back through
 * those names rather than through Tribuo's internal ids.
 */
final class TribuoKMeans {

    private final String[] names;
    private final Map<String, Integer> index;
    private final MutableDataset<ClusterID> dataset;

    private TribuoKMeans(String[] names, MutableDataset<ClusterID> dataset) {
        this.names = names;
        this.dataset = dataset;
        this.index = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            index.put(names[j], j);
        }
    }

    /** Feature names {@code f000 ...} for {@code d} features, zero-padded so that they sort numerically. */
    static String[] featureNames(int d) {
        int width = Math.max(3, Integer.toString(Math.max(0, d - 1)).length());
        String[] out = new String[d];
        for (int j = 0; j < d; j++) {
            out[j] = "f" + String.format(Locale.ROOT, "%0" + width + "d", j);
        }
        return out;
    }

    /** A Tribuo dataset holding every row of {@code z} (rows are copied by Tribuo). */
    static TribuoKMeans of(double[][] z, int d) {
        String[] names = featureNames(d);
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("churnkit standardised segment features", factory), factory);
        for (double[] row : z) {
            ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
        }
        if (ds.getFeatureMap().size() != d) {
            throw new IllegalStateException("Tribuo registered " + ds.getFeatureMap().size()
                    + " features for " + d + " columns");
        }
        return new TribuoKMeans(names, ds);
    }

    /** One k-means++ fit of {@code k} centroids with Euclidean distance. */
    KMeansModel train(int k, int maxIterations, int threads, long seed) {
        KMeansTrainer trainer = new KMeansTrainer(k, maxIterations, DistanceType.L2.getDistance(),
                KMeansTrainer.Initialisation.PLUSPLUS, threads, seed);
        return trainer.train(dataset);
    }

    /** The centroids of {@code model} as rows of {@code d} values in our feature order. */
    double[][] centroids(KMeansModel model) {
        List<List<Feature>> raw = model.getCentroids();
        double[][] out = new double[raw.size()][names.length];
        for (int c = 0; c < raw.size(); c++) {
            for (Feature f : raw.get(c)) {
                Integer j = index.get(f.getName());
                if (j == null) {
                    throw new IllegalStateException("Tribuo returned an unknown feature '" + f.getName() + "'");
                }
                out[c][j] = f.getValue();
            }
        }
        return out;
    }

    /** Tribuo's own cluster index for a standardised row. */
    static int predict(KMeansModel model, double[] z) {
        Prediction<ClusterID> p = model.predict(
                new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, featureNames(z.length), z));
        return p.getOutput().getID();
    }
}
