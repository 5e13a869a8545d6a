package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.OneHot;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import io.github.churnkit.features.ColumnTransform.QuantileBins;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTransformTest {

    @Test
    void numeric_clipQuantileOutOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> Numeric.defaults().withClipQuantile(0.5));
        assertThrows(IllegalArgumentException.class, () -> Numeric.defaults().withClipQuantile(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Numeric.defaults().withClipQuantile(Double.NaN));
    }

    @Test
    void oneHot_nonPositiveSettings_throw() {
        assertThrows(IllegalArgumentException.class, () -> OneHot.defaults().withMinCount(0));
        assertThrows(IllegalArgumentException.class, () -> OneHot.defaults().withMaxLevels(0));
    }

    @Test
    void ordinal_duplicateOrTooShort_throws() {
        assertThrows(IllegalArgumentException.class, () -> Ordinal.of("a", "b", "a"));
        assertThrows(IllegalArgumentException.class, () -> Ordinal.of("a"));
    }

    @Test
    void ordinal_listCopied() {
        List<String> order = new ArrayList<>(List.of("a", "b"));
        Ordinal o = new Ordinal(order);
        order.add("c");
        assertEquals(List.of("a", "b"), o.order());
    }

    @Test
    void targetEncoding_badSettings_throw() {
        assertThrows(IllegalArgumentException.class, () -> new TargetEncoding(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new TargetEncoding(5, -1.0));
        assertThrows(IllegalArgumentException.class, () -> new TargetEncoding(5, Double.POSITIVE_INFINITY));
    }

    @Test
    void quantileBins_outOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> QuantileBins.of(1));
        assertThrows(IllegalArgumentException.class, () -> QuantileBins.of(101));
    }
}
