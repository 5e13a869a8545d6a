package io.github.churnkit.core.synthetic;

import java.util.SplittableRandom;

/**
 * Per-row random streams: row {@code i} of a generator seeded with {@code seed} draws from
 * {@code new SplittableRandom(mix(seed, i))}, so any row can be produced on its own, in any order,
 * and a streamed file equals the in-memory table. {@code mix} is the SplitMix64 finaliser
 * (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA) applied
 * to {@code seed + (i + 1) * golden gamma}.
 */
final class Seeds {

    private Seeds() {
    }

    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom forRow(long seed, long index) {
        return new SplittableRandom(mix(seed, index));
    }

    /** A zero-padded id such as {@code C000042} with enough digits for {@code count} ids. */
    static String id(String prefix, long index, long count) {
        String digits = Long.toString(index);
        int width = Long.toString(Math.max(1, count - 1)).length();
        StringBuilder sb = new StringBuilder(prefix.length() + width);
        sb.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
