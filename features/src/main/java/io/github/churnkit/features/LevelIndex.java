package io.github.churnkit.features;

import java.util.List;

/**
 * A fixed, open-addressing hash table from level text to an int, for looking categories up on
 * the scoring path without allocating: {@link String#hashCode()} is cached by the string, the
 * probe sequence is linear over a power-of-two table at most half full. Immutable and thread-safe.
 */
final class LevelIndex {

    static final int ABSENT = -1;

    private final String[] keys;
    private final int[] hashes;
    private final int[] values;
    private final int mask;

    /** Maps {@code levels.get(i)} to {@code values[i]}; levels must be non-null and distinct. */
    LevelIndex(List<String> levels, int[] values) {
        if (levels.size() != values.length) {
            throw new IllegalArgumentException(levels.size() + " levels but " + values.length + " values");
        }
        int cap = 2;
        while (cap < 2 * levels.size()) {
            cap <<= 1;
        }
        this.keys = new String[cap];
        this.hashes = new int[cap];
        this.values = new int[cap];
        this.mask = cap - 1;
        for (int i = 0; i < levels.size(); i++) {
            String key = levels.get(i);
            if (key == null) {
                throw new IllegalArgumentException("level " + i + " is null");
            }
            int h = key.hashCode();
            int slot = spread(h) & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(key)) {
                    throw new IllegalArgumentException("duplicate level '" + key + "'");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = h;
            this.values[slot] = values[i];
        }
    }

    /** Maps each level to its position in the list. */
    static LevelIndex positions(List<String> levels) {
        int[] v = new int[levels.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return new LevelIndex(levels, v);
    }

    /** The value of {@code key}, or {@link #ABSENT}; null is absent. Allocation-free. */
    int get(String key) {
        if (key == null) {
            return ABSENT;
        }
        int h = key.hashCode();
        int slot = spread(h) & mask;
        String k;
        while ((k = keys[slot]) != null) {
            // compare the cached hash first, so only a real match pays for the character comparison
            if (hashes[slot] == h && k.equals(key)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
