package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {

    private static CustomerTable table() {
        return CustomerTable.of(List.of(
                NumericColumn.of("fee", new double[] {10, 20, 30, 40}),
                CategoricalColumn.of("plan", "Basic", "Premium", "Basic", null)));
    }

    @Test
    void fit_numericAndCategorical_meansScalesAndIndicators() {
        FeatureEncoder e = FeatureEncoder.fit(table(), List.of("fee", "plan"), KMeansSegmenter.MissingValues.IMPUTE_MEAN);
        assertEquals(List.of("fee", "plan=Basic", "plan=Premium"), e.featureNames());
        // fee: mean 25, population variance (225 + 25 + 25 + 225)/4 = 125
        assertArrayEquals(new double[] {25, 0, 0}, e.center(), 1e-12);
        assertEquals(1 / Math.sqrt(125), e.inverseScale()[0], 1e-15);
        assertEquals(1 / Math.sqrt(2), e.inverseScale()[1], 1e-15);
        double[] raw = new double[3];
        e.encodeRaw(table(), 1, raw);
        assertArrayEquals(new double[] {20, 0, 1}, raw, 0.0);
        e.encodeRaw(table(), 3, raw);
        assertTrue(Double.isNaN(raw[1]) && Double.isNaN(raw[2]), "missing category: no indicator set");
        double[] z = new double[3];
        e.standardize(raw, z);
        assertArrayEquals(new double[] {15 / Math.sqrt(125), 0, 0}, z, 1e-12);
        assertEquals(40, e.toOriginal(0, e.toStandardized(0, 40)), 1e-12);
    }

    @Test
    void encodeRaw_levelUnseenInTraining_isNaN() {
        FeatureEncoder e = FeatureEncoder.fit(table(), List.of("plan"), KMeansSegmenter.MissingValues.IMPUTE_MEAN);
        CustomerTable later = CustomerTable.of(List.of(CategoricalColumn.of("plan", "Family", "Premium")));
        double[] raw = new double[2];
        e.encodeRaw(later, 0, raw);
        assertTrue(Double.isNaN(raw[0]) && Double.isNaN(raw[1]));
        e.encodeRaw(later, 1, raw);
        assertArrayEquals(new double[] {0, 1}, raw, 0.0, "levels are matched by name, not by code");
    }

    @Test
    void fit_missingCategoryUnderReject_throws() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> FeatureEncoder.fit(table(), List.of("plan"), KMeansSegmenter.MissingValues.REJECT));
        assertTrue(ex.getMessage().contains("'plan' row 3"), ex.getMessage());
    }

    @Test
    void chooseColumns_defaultsToFeatureColumnsOfUsableTypes() {
        CustomerTable t = CustomerTable.of(List.of(
                NumericColumn.of("fee", new double[] {1, 2}),
                DateColumn.of("joined", new int[] {1, 2})));
        assertEquals(List.of("fee"), FeatureEncoder.chooseColumns(t, List.of()));
        assertThrows(IllegalArgumentException.class, () -> FeatureEncoder.chooseColumns(t, List.of("joined")));
        assertThrows(IllegalArgumentException.class, () -> FeatureEncoder.chooseColumns(t, List.of("nope")));
    }
}
