package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every corruption of a valid bundle gives a {@link BundleFormatException}, never another
 * exception, a hang or a silently different model.
 */
class BundleCorruptionTest {

    /** Generous bound that only a hang or a runaway allocation would exceed. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void decodeAll_fullBundle_everySectionDecodes() {
        ModelBundle b = BundleFixtures.fullBundle();
        assertEquals(b.sectionNames().size(), BundleFixtures.decodeAll(ModelBundle.parse(b.toBytes())));
        assertEquals(12, b.sectionNames().size());
    }

    @Test
    void parse_eachByteFlipped_refusedByChecksumOrHeader() {
        byte[] valid = BundleFixtures.fullBundle().toBytes();
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < valid.length; i++) {
                for (int bit = 0; bit < 8; bit += 3) {
                    byte[] bad = valid.clone();
                    bad[i] ^= (byte) (1 << bit);
                    int at = i;
                    // any single flip is caught: magic, version, or else the checksum
                    assertThrows(BundleFormatException.class, () -> ModelBundle.parse(bad), () -> "byte " + at);
                }
            }
        });
    }

    @Test
    void parse_truncatedAtEveryLength_refused() {
        byte[] valid = BundleFixtures.fullBundle().toBytes();
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int n = 0; n < valid.length; n++) {
                byte[] cut = Arrays.copyOf(valid, n);
                int len = n;
                assertThrows(BundleFormatException.class, () -> ModelBundle.parse(cut), () -> "length " + len);
            }
        });
    }

    @Test
    void parse_truncatedAndResealed_refused() {
        // a truncated file whose checksum was recomputed: the table or a section reader must notice
        byte[] valid = BundleFixtures.fullBundle().toBytes();
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int n = 48; n < valid.length; n++) {
                byte[] cut = BundleFixtures.reseal(Arrays.copyOf(valid, n));
                int len = n;
                assertThrows(BundleFormatException.class,
                        () -> BundleFixtures.decodeAll(ModelBundle.parse(cut)), () -> "length " + len);
            }
        });
    }

    @Test
    void decode_handEditedBytesWithValidChecksum_onlyBundleFormatException() {
        // flips and random bytes in the body, then a valid checksum ("hand-edited" files): the
        // section readers must reject bad content or decode something valid, nothing else
        byte[] valid = BundleFixtures.fullBundle().toBytes();
        SplittableRandom random = new SplittableRandom(20261123L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < valid.length - 32; i++) {
                for (int trial = 0; trial < 4; trial++) {
                    byte[] bad = valid.clone();
                    bad[i] = trial == 0 ? (byte) ~bad[i] : (byte) random.nextInt(256);
                    if (trial == 3 && i + 1 < valid.length - 32) {
                        bad[i + 1] = (byte) random.nextInt(256);
                    }
                    outcomes[decodeOutcome(BundleFixtures.reseal(bad), i)]++;
                }
            }
        });
        // most edits must be caught; some (inside a string or a metric value) legitimately decode
        assertEquals(4 * (valid.length - 32), outcomes[0] + outcomes[1]);
        // some edits decode: proof that resealing worked and the section readers were exercised
        if (outcomes[1] == 0) {
            fail("no edit got past the checksum; the test does not reach the section readers");
        }
        if (outcomes[0] < outcomes[1]) {
            fail("expected most edits to be refused, refused " + outcomes[0] + ", decoded " + outcomes[1]);
        }
    }

    /** 0 if refused with a BundleFormatException, 1 if decoded; any other exception fails the test. */
    private static int decodeOutcome(byte[] file, int editedByte) {
        try {
            BundleFixtures.decodeAll(ModelBundle.parse(file));
            return 1;
        } catch (BundleFormatException expected) {
            return 0;
        } catch (RuntimeException e) {
            throw new AssertionError("edit at byte " + editedByte + " gave " + e, e);
        }
    }
}
