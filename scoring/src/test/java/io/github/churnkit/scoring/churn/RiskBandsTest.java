package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskBandsTest {

    private static final RiskBands BANDS = RiskBands.of(new double[] {0.2, 0.5}, List.of("low", "medium", "high"));

    @Test
    void name_boundaries_belongToTheHigherBand() {
        assertEquals("low", BANDS.name(0.0));
        assertEquals("low", BANDS.name(0.1999));
        assertEquals("medium", BANDS.name(0.2));
        assertEquals("medium", BANDS.name(0.4999));
        assertEquals("high", BANDS.name(0.5));
        assertEquals("high", BANDS.name(1.0));
        assertEquals(3, BANDS.size());
    }

    @Test
    void index_nanOrOutOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> BANDS.index(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BANDS.index(1.01));
        assertThrows(IllegalArgumentException.class, () -> BANDS.index(-0.01));
    }

    @Test
    void of_invalid_throws() {
        assertThrows(IllegalArgumentException.class, () -> RiskBands.of(new double[] {0.5, 0.2}, List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class, () -> RiskBands.of(new double[] {0.0}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> RiskBands.of(new double[] {0.5}, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> RiskBands.of(new double[] {0.5}, List.of("a", "a")));
        assertEquals("only", RiskBands.of(new double[0], List.of("only")).name(0.7));
    }

    @Test
    void of_cutsCopied() {
        double[] cuts = {0.3};
        RiskBands b = RiskBands.of(cuts, List.of("low", "high"));
        cuts[0] = 0.9;
        assertEquals("high", b.name(0.5));
    }

    @Test
    void readBands_written_equal() {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.BANDS_SECTION, o -> ChurnCodec.writeBands(BANDS, o)).build();
        assertEquals(BANDS, b.decode(ChurnCodec.BANDS_SECTION, ChurnCodec::readBands));
    }

    @Test
    void readBands_cutOutsideUnitInterval_refused() {
        ModelBundle b = ModelBundle.builder().put(ChurnCodec.BANDS_SECTION, o -> o.writeDoubleArray(new double[] {1.5})
                .writeStringList(List.of("a", "b"))).build();
        assertThrows(BundleFormatException.class, () -> b.decode(ChurnCodec.BANDS_SECTION, ChurnCodec::readBands));
    }
}
