package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static final DataFingerprint DATA = new DataFingerprint(10, 3, "0".repeat(64));

    @Test
    void constructor_settingsCopiedAndSorted() {
        Map<String, String> settings = new HashMap<>(Map.of("trees", "100", "depth", "6"));
        Provenance p = new Provenance(settings, 7, DATA, BundleFixtures.provenance().run());
        settings.put("added", "later");
        assertEquals(List.of("depth", "trees"), List.copyOf(p.settings().keySet()));
    }

    @Test
    void readFrom_written_equalIncludingNanoseconds() {
        Provenance p = BundleFixtures.provenance();
        ModelBundle b = ModelBundle.builder().put(Provenance.SECTION, p::writeTo).build();
        Provenance back = b.decode(Provenance.SECTION, Provenance::readFrom);
        assertEquals(p, back);
        assertEquals(123_456_789, back.run().trainedAt().getNano());
    }

    @Test
    void runInfoCurrent_fixedClock_usesClockAndJavaVersion() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        RunInfo r = RunInfo.current(Clock.fixed(t, ZoneOffset.UTC));
        assertEquals(t, r.trainedAt());
        assertEquals(System.getProperty("java.version"), r.javaVersion());
    }

    @Test
    void dataFingerprint_invalidHash_throws() {
        assertThrows(IllegalArgumentException.class, () -> new DataFingerprint(1, 1, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> new DataFingerprint(1, 1, "0123456789ABCDEF"));
        assertThrows(IllegalArgumentException.class, () -> new DataFingerprint(1, 1, "0".repeat(15)));
        // a 64-bit digest from another trainer fits
        new DataFingerprint(1, 1, "cbf29ce484222325");
        assertThrows(IllegalArgumentException.class, () -> new DataFingerprint(-1, 1, "0".repeat(64)));
    }

    @Test
    void readFrom_nanosecondsOutOfRange_refused() {
        ModelBundle b = ModelBundle.builder().put(Provenance.SECTION, o -> {
            o.writeInt(0).writeLong(1);
            o.writeLong(1).writeInt(1).writeString("0".repeat(64));
            o.writeString("0.1").writeString("17").writeLong(0).writeInt(1_000_000_000);
        }).build();
        assertThrows(BundleFormatException.class, () -> b.decode(Provenance.SECTION, Provenance::readFrom));
    }
}
