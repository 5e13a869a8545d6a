package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.clustering.kmeans.KMeansModel;

class TribuoKMeansTest {

    @BeforeAll
    static void quiet() {
        QuietTribuo.install();
    }

    @Test
    void featureNames_zeroPadded_sortInColumnOrder() {
        String[] names = TribuoKMeans.featureNames(12);
        assertEquals("f000", names[0]);
        assertEquals("f011", names[11]);
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        assertArrayEquals(names, sorted);
        assertEquals("f1000", TribuoKMeans.featureNames(1001)[1000]);
    }

    @Test
    void centroids_twelveFeatures_mappedBackByName() {
        // two groups of identical rows: feature j is j in group A and -j in group B (12 features, so
        // unpadded names would sort f10, f11 before f2); k-means with k = 2 must put the centroids
        // exactly on the two rows
        double[][] z = new double[10][12];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 12; j++) {
                z[i][j] = i < 5 ? j : -j;
            }
        }
        TribuoKMeans t = TribuoKMeans.of(z, 12);
        KMeansModel model = t.train(2, 10, 1, 3L);
        double[][] c = t.centroids(model);
        double[] a = c[0][1] > 0 ? c[0] : c[1];
        double[] b = c[0][1] > 0 ? c[1] : c[0];
        assertArrayEquals(z[0], a, 1e-12);
        assertArrayEquals(z[9], b, 1e-12);
        assertEquals(TribuoKMeans.predict(model, z[0]), c[0][1] > 0 ? 0 : 1);
    }
}
