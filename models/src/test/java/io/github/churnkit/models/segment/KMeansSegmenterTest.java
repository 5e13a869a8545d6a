package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.clustering.kmeans.KMeansModel;

class KMeansSegmenterTest {

    @BeforeAll
    static void quiet() {
        QuietTribuo.install();
    }

    private static GaussianBlobs blobs(int rows, int d, int k, long seed) {
        // centres at least 20 sd apart: a point is closer to another centre than to its own with
        // probability below P(N(0,1) > 10) ~ 7.6e-24, so the true partition is the k-means optimum
        // (ARI 1); and every point's silhouette in it is at least about 1 - sqrt(2d)/20 (mean distance
        // within a blob sqrt(2d) sd), well above what merging two blobs gives
        return GaussianBlobs.generate(new GaussianBlobs.Config(rows, d, k, 20.0, seed));
    }

    @ParameterizedTest
    @CsvSource({"3, 11", "4, 12", "5, 13", "6, 14"})
    void fit_wellSeparatedBlobs_recoversTruthAndK(int k, long seed) {
        GaussianBlobs data = blobs(600, 4, k, seed);
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 8).withSeed(seed))
                .fit(data.data());
        assertEquals(k, model.selection().chosenK(), model.selection().toTable());
        int[] labels = model.assign(KMeansSegmenter.matrixTable(data.data()));
        double ari = ClusterQuality.adjustedRandIndex(labels, data.truth());
        assertTrue(ari >= 0.95, "ARI " + ari);
        assertEquals(7, model.selection().scores().size());
    }

    @Test
    void fit_moreRowsThanSelectionSample_choosesKOnSampleAndRefitsAllRows() {
        GaussianBlobs data = blobs(3000, 3, 4, 31);
        int[] runs = new int[2];
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 6)
                        .withRestarts(2).withSelectionSample(400))
                .withListener((done, total, k, inertia) -> {
                    runs[0] = done;
                    runs[1] = total;
                })
                .fit(data.data());
        assertEquals(4, model.selection().chosenK(), model.selection().toTable());
        // 5 candidate k on the sample plus the refit of the chosen k, 2 runs each
        assertEquals(12, runs[0]);
        assertEquals(12, runs[1]);
        int[] labels = model.assign(KMeansSegmenter.matrixTable(data.data()));
        assertTrue(ClusterQuality.adjustedRandIndex(labels, data.truth()) >= 0.95);
        // the model's inertia is that of all 3000 rows, not of the 400-row sample
        assertTrue(model.inertia() > model.selection().chosen().inertia());
    }

    @Test
    void fit_calinskiHarabaszCriterion_alsoFindsTrueK() {
        GaussianBlobs data = blobs(500, 3, 4, 21);
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
                .withCriterion(KMeansSegmenter.Criterion.CALINSKI_HARABASZ).withKRange(2, 7)).fit(data.data());
        assertEquals(4, model.selection().chosenK(), model.selection().toTable());
    }

    @Test
    void runtimeAssign_heldOutRows_agreesWithTribuoPrediction() {
        GaussianBlobs train = GaussianBlobs.generate(new GaussianBlobs.Config(800, 5, 4, 2.5, 3));
        // overlapping blobs (separation 2.5 sd) so many test rows lie near segment borders
        GaussianBlobs test = GaussianBlobs.generate(new GaussianBlobs.Config(2000, 5, 4, 2.5, 3).withSeed(99));
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(3, 6)).fit(train.data());
        SegmentAssigner runtime = model.toRuntime();
        double[][] rows = test.data();
        int used = 0;
        for (double[] row : rows) {
            assertEquals(model.tribuoAssign(row), runtime.assign(row));
            used++;
        }
        assertEquals(2000, used);
        assertTrue(model.segmentCount() >= 3);
    }

    @Test
    void fit_inertia_noWorseThanBestOfTenPlainKMeansPlusPlusRuns() {
        // overlapping blobs, where k-means has several local optima
        GaussianBlobs data = GaussianBlobs.generate(new GaussianBlobs.Config(1500, 3, 8, 2.0, 5));
        double[][] x = data.data();
        int k = 8;
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(k).withRestarts(10)
                .withSeed(2024)).fit(x);
        // the plain runs: Tribuo k-means++ with ten other seeds, on the same standardised matrix
        FeatureEncoder enc = FeatureEncoder.fit(KMeansSegmenter.matrixTable(x), List.of("x0", "x1", "x2"),
                KMeansSegmenter.MissingValues.REJECT);
        double[][] z = enc.standardizedMatrix(KMeansSegmenter.matrixTable(x));
        TribuoKMeans tribuo = TribuoKMeans.of(z, 3);
        double best = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= 10; seed++) {
            KMeansModel plain = tribuo.train(k, 100, 1, seed);
            best = Math.min(best, ClusterQuality.inertia(z, tribuo.centroids(plain)));
        }
        assertTrue(model.inertia() <= best * (1 + 1e-12), model.inertia() + " > " + best);
        assertEquals(ClusterQuality.inertia(z, centroidsOf(model)), model.inertia(), 1e-9 * model.inertia());
    }

    private static double[][] centroidsOf(SegmentModel model) {
        double[][] c = new double[model.segmentCount()][];
        for (int p = 0; p < c.length; p++) {
            c[p] = model.standardizedCentroid(p);
        }
        return c;
    }

    @Test
    void fit_sameSeed_identicalModel() {
        double[][] x = blobs(300, 3, 3, 7).data();
        KMeansSegmenter s = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 5));
        SegmentModel a = s.fit(x);
        SegmentModel b = s.fit(x);
        assertEquals(a.selection(), b.selection());
        assertEquals(a.dataFingerprint(), b.dataFingerprint());
        x[0][0] += 1e-9;
        assertNotEquals(a.dataFingerprint(), s.fit(x).dataFingerprint());
        for (int p = 0; p < a.segmentCount(); p++) {
            assertArrayEquals(a.standardizedCentroid(p), b.standardizedCentroid(p), 0.0);
        }
    }

    @Test
    void fit_idsNumberedBySize_largestIsZero() {
        // clusters of 300, 200 and 100 rows at 0, 20 and 40 on one axis (20 sd apart)
        double[][] x = new double[600][];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 600; i++) {
            double centre = i < 100 ? 40 : i < 300 ? 20 : 0;
            x[i] = new double[] {centre + rng.nextDouble() - 0.5};
        }
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(3)).fit(x);
        assertEquals(List.of(0, 1, 2), model.segmentIds());
        assertEquals(600, model.trainingRows());
        assertEquals(300, model.profile(0).size());
        assertEquals(200, model.profile(1).size());
        assertEquals(100, model.profile(2).size());
        // centroids in original units sit at the cluster centres (uniform noise of mean 0)
        assertEquals(0, model.centroid(0)[0], 0.1);
        assertEquals(20, model.centroid(1)[0], 0.1);
        assertEquals(40, model.centroid(2)[0], 0.1);
    }

    @Test
    void fit_kAboveDistinctRows_throwsNamingCounts() {
        double[][] x = {{1, 1}, {1, 1}, {2, 2}, {2, 2}, {3, 3}, {3, 3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(4)).fit(x));
        assertTrue(e.getMessage().contains("k=4") && e.getMessage().contains("3 distinct rows"), e.getMessage());
    }

    @Test
    void fit_rangeAboveDistinctRows_skipsLargerK() {
        double[][] x = new double[30][];
        for (int i = 0; i < 30; i++) {
            x[i] = new double[] {(i % 3) * 10.0, (i % 3) * 5.0};
        }
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 6)).fit(x);
        assertEquals(List.of(2, 3), model.selection().scores().stream().map(KScore::k).toList());
        assertEquals(3, model.selection().chosenK());
    }

    @Test
    void fit_constantColumn_hasNoInfluence() {
        GaussianBlobs data = blobs(400, 2, 3, 8);
        double[][] x = data.data();
        double[][] withConstant = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            withConstant[i] = new double[] {x[i][0], 7.5, x[i][1]};
        }
        KMeansSegmenter s = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 5));
        SegmentModel plain = s.fit(x);
        SegmentModel padded = s.fit(withConstant);
        assertEquals(plain.selection().chosenK(), padded.selection().chosenK());
        assertArrayEquals(plain.assign(KMeansSegmenter.matrixTable(x)),
                padded.assign(KMeansSegmenter.matrixTable(withConstant)));
        assertEquals(0.0, padded.toRuntime().centroid(0)[1], 0.0);
    }

    @Test
    void fit_allColumnsConstant_throws() {
        double[][] x = {{1, 2}, {1, 2}, {1, 2}, {1, 2}};
        assertThrows(IllegalArgumentException.class, () -> KMeansSegmenter.withDefaults().fit(x));
    }

    @Test
    void fit_nanInClusteringColumn_throwsNamingColumnAndRow() {
        double[][] x = blobs(50, 2, 2, 1).data();
        x[17][1] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansSegmenter.withDefaults().fit(x));
        assertTrue(e.getMessage().contains("'x1' row 17"), e.getMessage());
    }

    @Test
    void fit_nanWithImputeMean_treatsItAsTheMean() {
        GaussianBlobs data = blobs(300, 2, 3, 4);
        double[][] x = data.data();
        x[5][0] = Double.NaN;
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 5)
                .withMissing(KMeansSegmenter.MissingValues.IMPUTE_MEAN)).fit(x);
        assertEquals(3, model.selection().chosenK());
        // the runtime treats NaN as the training mean: same as passing the mean itself
        double[] encoded = new double[2];
        model.encode(KMeansSegmenter.matrixTable(x), 5, encoded);
        double mean = model.toRuntime().center()[0];
        assertEquals(model.toRuntime().assign(new double[] {mean, encoded[1]}), model.toRuntime().assign(encoded));
    }

    @Test
    void fit_tableWithCategoricalColumn_usesIndicators() {
        // two groups that differ only in plan; the numeric column is constant and so carries nothing
        int n = 200;
        String[] plan = new String[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            plan[i] = i % 2 == 0 ? "Basic" : "Premium";
            noise[i] = 1.0;
        }
        CustomerTable t = CustomerTable.of(List.of(NumericColumn.of("usage", noise), CategoricalColumn.of("plan", plan)));
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(2)).fit(t);
        assertEquals(List.of("usage", "plan=Basic", "plan=Premium"), model.featureNames());
        int[] seg = model.assign(t);
        for (int i = 2; i < n; i++) {
            assertEquals(seg[i % 2], seg[i]);
        }
        List<String> names = new ArrayList<>(model.segmentNames());
        names.sort(null);
        assertEquals(List.of("Basic", "Premium"), names);
    }

    @Test
    void fit_listener_seesEveryRun() {
        double[][] x = blobs(100, 2, 2, 2).data();
        int[] calls = new int[1];
        KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withKRange(2, 4).withRestarts(3))
                .withListener((done, total, k, inertia) -> {
                    calls[0]++;
                    assertEquals(9, total);
                    assertEquals(calls[0], done);
                })
                .fit(x);
        assertEquals(9, calls[0]);
    }

    @Test
    void config_invalid_throws() {
        KMeansSegmenter.Config d = KMeansSegmenter.Config.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withKRange(0, 3));
        assertThrows(IllegalArgumentException.class, () -> d.withKRange(5, 3));
        assertThrows(IllegalArgumentException.class, () -> d.withRestarts(0));
        assertThrows(IllegalArgumentException.class, () -> d.withSilhouetteSample(1));
        assertThrows(IllegalArgumentException.class, () -> d.withMatchThreshold(Double.NaN));
    }
}
