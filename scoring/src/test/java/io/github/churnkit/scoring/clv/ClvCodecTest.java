package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.ModelBundle;
import org.junit.jupiter.api.Test;

class ClvCodecTest {

    @Test
    void read_everyRecord_equal() {
        ClvSettings settings = new ClvSettings(0.3, 0.01, ClvSettings.UNBOUNDED);
        SbgParameters sbg = new SbgParameters(0.668, 3.806);
        BgNbdParameters bgNbd = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        GammaGammaParameters gg = new GammaGammaParameters(6.25, 3.74, 15.44);
        ModelBundle b = ModelBundle.parse(ModelBundle.builder()
                .put(ClvCodec.SETTINGS_SECTION, o -> ClvCodec.writeSettings(settings, o))
                .put(ClvCodec.SBG_SECTION, o -> ClvCodec.writeSbg(sbg, o))
                .put(ClvCodec.BG_NBD_SECTION, o -> ClvCodec.writeBgNbd(bgNbd, o))
                .put(ClvCodec.GAMMA_GAMMA_SECTION, o -> ClvCodec.writeGammaGamma(gg, o))
                .build().toBytes());
        assertEquals(settings, b.decode(ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings));
        assertEquals(sbg, b.decode(ClvCodec.SBG_SECTION, ClvCodec::readSbg));
        assertEquals(bgNbd, b.decode(ClvCodec.BG_NBD_SECTION, ClvCodec::readBgNbd));
        assertEquals(gg, b.decode(ClvCodec.GAMMA_GAMMA_SECTION, ClvCodec::readGammaGamma));
    }

    @Test
    void readSbg_negativeShape_refusedNamingSection() {
        ModelBundle b = ModelBundle.builder().put(ClvCodec.SBG_SECTION, o -> o.writeDouble(-1).writeDouble(2)).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(ClvCodec.SBG_SECTION, ClvCodec::readSbg));
        assertEquals(ClvCodec.SBG_SECTION, e.section());
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }

    @Test
    void readSettings_unboundedWithoutDiscount_refused() {
        ModelBundle b = ModelBundle.builder().put(ClvCodec.SETTINGS_SECTION,
                o -> o.writeDouble(1).writeDouble(0).writeInt(ClvSettings.UNBOUNDED)).build();
        assertThrows(BundleFormatException.class, () -> b.decode(ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings));
    }
}
