package io.github.churnkit.models.segment;

import org.tribuo.clustering.kmeans.KMeansModel;

/** One k-means result on a standardised matrix: centroids, labels, inertia and Tribuo's model. */
final class Clustering {

    private final double[][] centroids;
    private final int[] labels;
    private final int[] sizes;
    private final double inertia;
    private final KMeansModel model;
    private final KSelection selection;

    Clustering(double[][] centroids, int[] labels, KMeansModel model, double[][] z) {
        this(centroids, labels, model, inertiaOf(z, centroids, labels), null);
    }

    private Clustering(double[][] centroids, int[] labels, KMeansModel model, double inertia, KSelection selection) {
        this.centroids = centroids;
        this.labels = labels;
        this.model = model;
        this.inertia = inertia;
        this.selection = selection;
        this.sizes = new int[centroids.length];
        for (int l : labels) {
            sizes[l]++;
        }
    }

    private static double inertiaOf(double[][] z, double[][] centroids, int[] labels) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += ClusterQuality.squaredDistance(z[i], centroids[labels[i]]);
        }
        return s;
    }

    Clustering withSelection(KSelection s) {
        return new Clustering(centroids, labels, model, inertia, s);
    }

    /** Fewer empty clusters wins; then lower inertia. */
    boolean betterThan(Clustering other) {
        int e = emptyCount();
        int oe = other.emptyCount();
        return e != oe ? e < oe : inertia < other.inertia;
    }

    int emptyCount() {
        int e = 0;
        for (int s : sizes) {
            if (s == 0) {
                e++;
            }
        }
        return e;
    }

    int k() {
        return centroids.length;
    }

    double[][] centroids() {
        return centroids;
    }

    int[] labels() {
        return labels;
    }

    int[] sizes() {
        return sizes;
    }

    double inertia() {
        return inertia;
    }

    KMeansModel model() {
        return model;
    }

    KSelection selection() {
        return selection;
    }
}
