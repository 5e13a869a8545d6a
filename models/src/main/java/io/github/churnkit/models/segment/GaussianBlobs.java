package io.github.churnkit.models.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data with known groups: {@code clusters} spherical Gaussian blobs (standard
 * deviation 1 in every dimension) whose centres are at least {@code separation} apart. Useful to
 * check that a segmentation recovers known structure, and for benchmarks.
 *
 * <p>Centres are drawn uniformly from the cube {@code [-L, L]^d} with
 * {@code L = separation * clusters^(1/d)} (so that the typical distance between centres stays within
 * a small multiple of the smallest one), rejecting a draw closer than {@code separation} to an earlier
 * centre. Rows are dealt to clusters in turn (row {@code i} belongs to cluster {@code i % clusters})
 * and then shuffled. Same config, same data. Instances are immutable; accessors return copies.
 */
public final class GaussianBlobs {

    /**
     * Settings.
     *
     * @param rows       number of rows, at least {@code clusters}
     * @param dimensions number of columns, at least 1
     * @param clusters   number of blobs, at least 1
     * @param separation smallest distance between two centres, in standard deviations; positive
     * @param seed       seed of every draw
     */
    public record Config(int rows, int dimensions, int clusters, double separation, long seed) {

        /** Validates. */
        public Config {
            if (clusters < 1) {
                throw new IllegalArgumentException("clusters must be at least 1, found " + clusters);
            }
            if (rows < clusters) {
                throw new IllegalArgumentException("rows must be at least clusters=" + clusters + ", found " + rows);
            }
            if (dimensions < 1) {
                throw new IllegalArgumentException("dimensions must be at least 1, found " + dimensions);
            }
            if (!(separation > 0) || Double.isInfinite(separation)) {
                throw new IllegalArgumentException("separation must be positive and finite, found " + separation);
            }
        }

        /** A copy with another seed. */
        public Config withSeed(long s) {
            return new Config(rows, dimensions, clusters, separation, s);
        }
    }

    private final double[][] data;
    private final int[] truth;
    private final double[][] centres;

    private GaussianBlobs(double[][] data, int[] truth, double[][] centres) {
        this.data = data;
        this.truth = truth;
        this.centres = centres;
    }

    /** Draws the data. */
    public static GaussianBlobs generate(Config config) {
        SplittableRandom rng = new SplittableRandom(config.seed());
        int k = config.clusters();
        int d = config.dimensions();
        double half = config.separation() * Math.pow(k, 1.0 / d);
        double[][] centres = new double[k][d];
        for (int c = 0; c < k; c++) {
            boolean ok;
            int tries = 0;
            do {
                for (int j = 0; j < d; j++) {
                    centres[c][j] = (rng.nextDouble() * 2 - 1) * half;
                }
                ok = true;
                for (int o = 0; o < c && ok; o++) {
                    ok = ClusterQuality.squaredDistance(centres[c], centres[o]) >= config.separation() * config.separation();
                }
                if (++tries % 1000 == 0) {
                    half *= 2;
                }
            } while (!ok);
        }
        int n = config.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[][] data = new double[n][d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = order[i] % k;
            truth[i] = c;
            for (int j = 0; j < d; j++) {
                data[i][j] = centres[c][j] + gaussian(rng);
            }
        }
        return new GaussianBlobs(data, truth, centres);
    }

    /** Standard normal by the Marsaglia polar method. */
    private static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = rng.nextDouble() * 2 - 1;
            v = rng.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** A copy of the rows. */
    public double[][] data() {
        double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i].clone();
        }
        return out;
    }

    /** A copy of the true cluster of each row. */
    public int[] truth() {
        return truth.clone();
    }

    /** A copy of the true centres. */
    public double[][] centres() {
        double[][] out = new double[centres.length][];
        for (int i = 0; i < centres.length; i++) {
            out[i] = Arrays.copyOf(centres[i], centres[i].length);
        }
        return out;
    }
}
