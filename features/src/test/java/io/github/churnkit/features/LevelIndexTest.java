package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelIndexTest {

    @Test
    void get_knownUnknownAndNull() {
        LevelIndex idx = LevelIndex.positions(List.of("DSL", "Fiber optic", "No"));
        assertEquals(1, idx.get("Fiber optic"));
        assertEquals(LevelIndex.ABSENT, idx.get("fiber optic"));
        assertEquals(LevelIndex.ABSENT, idx.get(null));
    }

    @Test
    void get_collidingHashCodes_bothFound() {
        // "Aa" and "BB" have the same String.hashCode (2112), so they probe the same slot
        assertEquals("Aa".hashCode(), "BB".hashCode());
        LevelIndex idx = new LevelIndex(List.of("Aa", "BB"), new int[] {7, 9});
        assertEquals(7, idx.get("Aa"));
        assertEquals(9, idx.get("BB"));
        assertEquals(LevelIndex.ABSENT, idx.get("AaBB"));
    }

    @Test
    void get_manyLevels_everyLevelMapsToItsPosition() {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            levels.add("city-" + i);
        }
        LevelIndex idx = LevelIndex.positions(levels);
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, idx.get("city-" + i));
        }
        assertEquals(LevelIndex.ABSENT, idx.get("city-5000"));
    }

    @Test
    void constructor_duplicateLevel_throws() {
        assertThrows(IllegalArgumentException.class, () -> LevelIndex.positions(List.of("a", "b", "a")));
    }

    @Test
    void get_empty_absent() {
        assertEquals(LevelIndex.ABSENT, LevelIndex.positions(List.of()).get("x"));
    }
}
