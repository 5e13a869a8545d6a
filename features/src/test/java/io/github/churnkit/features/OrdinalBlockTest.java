package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import org.junit.jupiter.api.Test;

class OrdinalBlockTest {

    private static final Ordinal TIERS = Ordinal.of("Basic", "Standard", "Premium");

    private static double[] encode(OrdinalBlock b, String level, boolean strict) {
        double[] out = new double[b.width()];
        b.encode(TestRow.ofCategory(level), out, 0, strict);
        return out;
    }

    @Test
    void encode_declaredOrder_ranks() {
        // ranks of the non-missing training rows: 0, 2, 1, 0 -> sorted 0, 0, 1, 2 -> median 0.5
        OrdinalBlock b = OrdinalBlock.fit("plan", 0, TIERS,
                CategoricalColumn.of("plan", "Basic", "Premium", "Standard", null, "Basic"));
        assertArrayEquals(new double[] {2, 0}, encode(b, "Premium", true));
        assertArrayEquals(new double[] {0, 0}, encode(b, "Basic", true));
        assertArrayEquals(new double[] {0.5, 1}, encode(b, null, true));
    }

    @Test
    void encode_unknownLenient_treatedAsMissing() {
        OrdinalBlock b = OrdinalBlock.fit("plan", 0, TIERS,
                CategoricalColumn.of("plan", "Basic", "Premium", "Standard", null, "Basic"));
        assertArrayEquals(new double[] {0.5, 1}, encode(b, "Gold", false));
    }

    @Test
    void encode_unknownStrict_throws() {
        OrdinalBlock b = OrdinalBlock.fit("plan", 0, TIERS, CategoricalColumn.of("plan", "Basic", "Premium"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encode(b, "Gold", true));
        assertTrue(e.getMessage().contains("'plan'") && e.getMessage().contains("'Gold'"), e.getMessage());
    }

    @Test
    void fit_levelOutsideOrder_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrdinalBlock.fit("plan", 0,
                TIERS, CategoricalColumn.of("plan", "Basic", "Gold")));
        assertTrue(e.getMessage().contains("'Gold'"), e.getMessage());
    }
}
