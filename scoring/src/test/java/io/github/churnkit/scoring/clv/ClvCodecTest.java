package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void readSbgInterval_written_equalAndLaidOutAsDocumented() {
        // docs/model-format.md: f64 c00, c01, c10, c11 (row by row), f64 level: 40 bytes
        SbgUncertainty u = SbgUncertainty.of(new double[][] {{0.04, -0.03}, {-0.03, 0.09}}, 0.9);
        ModelBundle b = ModelBundle.parse(ModelBundle.builder()
                .put(ClvCodec.SBG_INTERVAL_SECTION, o -> ClvCodec.writeSbgInterval(u, o)).build().toBytes());
        assertEquals(40, b.sectionSize(ClvCodec.SBG_INTERVAL_SECTION));
        assertEquals(u, b.decode(ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval));
        double[] raw = b.decode(ClvCodec.SBG_INTERVAL_SECTION, in -> new double[] {in.readDouble(), in.readDouble(),
            in.readDouble(), in.readDouble(), in.readDouble()});
        assertArrayEquals(new double[] {0.04, -0.03, -0.03, 0.09, 0.9}, raw, 0.0);
    }

    @Test
    void readSbgInterval_corruptValues_refusedNamingSectionAndProblem() {
        assertIntervalRefused("finite", Double.NaN, 0, 0, 0.09, 0.9);
        assertIntervalRefused("finite", 0.04, 0, 0, Double.POSITIVE_INFINITY, 0.9);
        assertIntervalRefused("symmetric", 0.04, 0.01, -0.01, 0.09, 0.9);
        assertIntervalRefused("variances >= 0", -0.04, 0, 0, 0.09, 0.9);
        assertIntervalRefused("positive semi-definite", 0.04, 0.1, 0.1, 0.09, 0.9);
        assertIntervalRefused("level", 0.04, 0, 0, 0.09, 1.0);
        assertIntervalRefused("level", 0.04, 0, 0, 0.09, Double.NaN);
    }

    @Test
    void readSbgInterval_truncatedOrTrailingBytes_refused() {
        ModelBundle shortOne = ModelBundle.builder().put(ClvCodec.SBG_INTERVAL_SECTION,
                o -> o.writeDouble(0.04).writeDouble(0).writeDouble(0).writeDouble(0.09)).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> shortOne.decode(ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval));
        assertEquals(ClvCodec.SBG_INTERVAL_SECTION, e.section());
        ModelBundle longOne = ModelBundle.builder().put(ClvCodec.SBG_INTERVAL_SECTION,
                o -> o.writeDouble(0.04).writeDouble(0).writeDouble(0).writeDouble(0.09).writeDouble(0.9).writeByte(1))
                .build();
        assertThrows(BundleFormatException.class,
                () -> longOne.decode(ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval));
    }

    private static void assertIntervalRefused(String problem, double c00, double c01, double c10, double c11,
            double level) {
        ModelBundle b = ModelBundle.builder().put(ClvCodec.SBG_INTERVAL_SECTION,
                o -> o.writeDouble(c00).writeDouble(c01).writeDouble(c10).writeDouble(c11).writeDouble(level)).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(ClvCodec.SBG_INTERVAL_SECTION, ClvCodec::readSbgInterval));
        assertEquals(ClvCodec.SBG_INTERVAL_SECTION, e.section());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains(ClvCodec.SBG_INTERVAL_SECTION), e.getMessage());
    }

    @Test
    void readSettings_unboundedWithoutDiscount_refused() {
        ModelBundle b = ModelBundle.builder().put(ClvCodec.SETTINGS_SECTION,
                o -> o.writeDouble(1).writeDouble(0).writeInt(ClvSettings.UNBOUNDED)).build();
        assertThrows(BundleFormatException.class, () -> b.decode(ClvCodec.SETTINGS_SECTION, ClvCodec::readSettings));
    }
}
