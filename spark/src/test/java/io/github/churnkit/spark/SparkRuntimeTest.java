package io.github.churnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks that the forked test JVM is one Spark 4 runs on, and that a local session works. */
class SparkRuntimeTest {

    @Test
    void forkedJvm_isJava17Or21() {
        int feature = Runtime.version().feature();
        assertTrue(feature == 17 || feature == 21, "test JVM is Java " + feature);
    }

    @Test
    void localSession_countsRange() {
        // 0 + 1 + ... + 999 = 999 * 1000 / 2
        assertEquals(499_500L, SparkTestSession.get().range(1000).selectExpr("sum(id)").first().getLong(0));
    }
}
