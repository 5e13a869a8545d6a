package io.github.churnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-JVM model cache, without Spark. Keys are unique per test so tests do not interact. */
class ModelCacheTest {

    private static BatchModel model(double intercept) {
        return new TestModel.Loader().load(TestModel.bundle(intercept));
    }

    @Test
    void get_sameKeyTwice_loadsOnce() {
        AtomicInteger loads = new AtomicInteger();
        BatchModel first = ModelCache.get("cache-test-once", () -> {
            loads.incrementAndGet();
            return model(1);
        });
        BatchModel second = ModelCache.get("cache-test-once", () -> {
            loads.incrementAndGet();
            return model(2);
        });
        assertSame(first, second);
        assertEquals(1, loads.get());
    }

    @Test
    void lookups_everyGetCounts_loadsOnlyTheFirst() {
        long lookups = ModelCache.lookups();
        long loads = ModelCache.loads();
        for (int i = 0; i < 3; i++) {
            ModelCache.get("cache-test-lookups", () -> model(4));
        }
        assertEquals(lookups + 3, ModelCache.lookups());
        assertEquals(loads + 1, ModelCache.loads());
    }

    @Test
    void get_concurrentTasksSameKey_oneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] tasks = new Future<?>[8];
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = pool.submit(() -> {
                    start.await();
                    return ModelCache.get("cache-test-concurrent", () -> {
                        loads.incrementAndGet();
                        return model(3);
                    });
                });
            }
            start.countDown();
            for (Future<?> t : tasks) {
                t.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
    }

    @Test
    void get_moreBundlesThanCapacity_evictsLeastRecentlyUsed() {
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i <= ModelCache.CAPACITY; i++) { // CAPACITY + 1 distinct bundles
            int k = i;
            ModelCache.get("cache-test-evict-" + k, () -> {
                loads.incrementAndGet();
                return model(k);
            });
        }
        assertEquals(ModelCache.CAPACITY + 1, loads.get());
        // the newest is still held; the first was dropped and is loaded again
        ModelCache.get("cache-test-evict-" + ModelCache.CAPACITY, () -> {
            loads.incrementAndGet();
            return model(0);
        });
        assertEquals(ModelCache.CAPACITY + 1, loads.get());
        ModelCache.get("cache-test-evict-0", () -> {
            loads.incrementAndGet();
            return model(0);
        });
        assertEquals(ModelCache.CAPACITY + 2, loads.get());
    }

    @Test
    void get_loaderReturnsNull_throwsNamingKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModelCache.get("cache-test-null", () -> null));
        assertEquals("model loader returned null for bundle cache-test-null", e.getMessage());
    }
}
