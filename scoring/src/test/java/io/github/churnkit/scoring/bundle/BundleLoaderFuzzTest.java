package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the bundle loader with Jazzer.
 *
 * <p>In a normal build ({@code ./mvnw verify}) this runs in regression mode: once with an empty
 * input and once per file in {@code src/test/resources/io/github/churnkit/scoring/bundle/
 * BundleLoaderFuzzTestInputs/load/}. To fuzz for real, see {@code docs/fuzzing.md}:
 * <pre>JAZZER_FUZZ=1 ./mvnw -B -ntp -pl scoring -am test -Dtest=BundleLoaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>The only exception allowed out of the loader is {@link BundleFormatException}; anything else
 * (an {@code ArrayIndexOutOfBoundsException}, an {@code OutOfMemoryError}, a hang) is a finding.
 */
class BundleLoaderFuzzTest {

    /** Loader limit for fuzzing: small enough that no input can make it allocate much. */
    private static final int MAX_BYTES = 1 << 20;

    /**
     * The first input byte picks a mode. Even: the rest is the file as it is (exercises the magic,
     * version and checksum checks). Odd: the rest is the content and a valid SHA-256 is appended,
     * as a hand-edited file with a recomputed checksum would be (exercises the section table and
     * every section reader, which a fuzzer could not reach through the checksum otherwise).
     */
    @FuzzTest(maxDuration = "10m")
    void load(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 1) {
            file = BundleFixtures.reseal(Arrays.copyOf(file, file.length + 32));
        }
        try {
            ModelBundle bundle = ModelBundle.load(new ByteArrayInputStream(file), MAX_BYTES);
            BundleFixtures.decodeAll(bundle);
            // an accepted file is written back byte for byte (writing is deterministic)
            assertArrayEquals(file, bundle.toBytes(), "an accepted bundle re-serialises to the same bytes");
        } catch (BundleFormatException expected) {
            // the documented outcome for bad input
        }
    }
}
