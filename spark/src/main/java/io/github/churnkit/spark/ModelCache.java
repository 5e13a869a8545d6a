package io.github.churnkit.spark;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models loaded in this JVM (a Spark executor, or the driver), keyed by loader and bundle
 * checksum, so a bundle is decoded once per JVM however many partitions and jobs score with it.
 * Holds the {@value #CAPACITY} most recently used models; older ones are dropped and reloaded if
 * needed again. Thread-safe: concurrent tasks asking for the same model wait for one load.
 */
final class ModelCache {

    static final int CAPACITY = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);
    private static final AtomicLong LOADS = new AtomicLong();
    private static final AtomicLong LOOKUPS = new AtomicLong();
    // access order: the first key is the least recently used
    private static final Map<String, BatchModel> MODELS = new LinkedHashMap<>(8, 0.75f, true);

    private ModelCache() {
    }

    /** The model under {@code key}, loading it with {@code load} if this JVM does not hold it. */
    static BatchModel get(String key, Supplier<BatchModel> load) {
        LOOKUPS.incrementAndGet();
        synchronized (MODELS) {
            BatchModel m = MODELS.get(key);
            if (m == null) {
                long start = System.nanoTime();
                m = load.get();
                if (m == null) {
                    throw new IllegalStateException("model loader returned null for bundle " + key);
                }
                LOADS.incrementAndGet();
                MODELS.put(key, m);
                if (MODELS.size() > CAPACITY) {
                    Iterator<String> eldest = MODELS.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
                LOG.info("loaded model bundle {} in {} ms", key, (System.nanoTime() - start) / 1_000_000);
            }
            return m;
        }
    }

    /** How many times a bundle was decoded in this JVM (for tests and monitoring). */
    static long loads() {
        return LOADS.get();
    }

    /** How many times a model was asked for in this JVM, found or loaded (for tests and monitoring). */
    static long lookups() {
        return LOOKUPS.get();
    }
}
