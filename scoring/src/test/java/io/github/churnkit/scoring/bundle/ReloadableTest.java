package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableTest {

    @TempDir
    Path dir;

    /** A stand-in for a scorer: its metrics must all carry the same version number. */
    private static final class Versioned {
        final double version;
        final double copy;

        Versioned(Path p) {
            TrainingMetrics m = ModelBundle.load(p).decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom);
            version = m.get("version");
            copy = m.get("copy");
        }
    }

    private static void write(Path p, int version) {
        TrainingMetrics m = new TrainingMetrics(Map.of("version", (double) version, "copy", (double) version));
        ModelBundle.builder().put(TrainingMetrics.SECTION, m::writeTo).build().writeTo(p);
    }

    @Test
    void reload_newFile_swapsAndReturnsOld() {
        Path p = dir.resolve("m.ckb");
        write(p, 1);
        Reloadable<Versioned> holder = Reloadable.load(p, Versioned::new);
        Versioned first = holder.get();
        assertEquals(1, holder.generation());
        write(p, 2);
        assertSame(first, holder.reload());
        assertEquals(2.0, holder.get().version);
        assertEquals(2, holder.generation());
        assertEquals(1.0, first.version, "the old object is untouched");
    }

    @Test
    void reload_corruptedFile_throwsAndKeepsCurrent() throws Exception {
        Path p = dir.resolve("m.ckb");
        write(p, 1);
        Reloadable<Versioned> holder = Reloadable.load(p, Versioned::new);
        byte[] bytes = Files.readAllBytes(p);
        bytes[bytes.length - 1] ^= 1;
        Files.write(p, bytes);
        assertThrows(BundleFormatException.class, holder::reload);
        assertEquals(1.0, holder.get().version);
        assertEquals(1, holder.generation());
    }

    @Test
    void reloadIfModified_unchangedFile_keepsObject() throws Exception {
        Path p = dir.resolve("m.ckb");
        write(p, 1);
        Reloadable<Versioned> holder = Reloadable.load(p, Versioned::new);
        Versioned first = holder.get();
        assertFalse(holder.reloadIfModified());
        assertSame(first, holder.get());
        write(p, 2);
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 5_000));
        assertTrue(holder.reloadIfModified());
        assertEquals(2.0, holder.get().version);
    }

    @Test
    void swap_manual_installsValue() {
        Path p = dir.resolve("m.ckb");
        write(p, 1);
        Reloadable<Versioned> holder = Reloadable.load(p, Versioned::new);
        write(p, 5);
        Versioned five = new Versioned(p);
        Versioned old = holder.swap(five);
        assertEquals(1.0, old.version);
        assertSame(five, holder.get());
        assertThrows(NullPointerException.class, () -> holder.swap(null));
    }

    @Test
    void load_firstLoad_returnsHolderWithNoPrevious() {
        Path p = dir.resolve("m.ckb");
        write(p, 1);
        List<Object> loaded = new ArrayList<>();
        Reloadable<Object> holder = Reloadable.load(p, path -> {
            Object o = new Versioned(path);
            loaded.add(o);
            return o;
        });
        assertEquals(1, loaded.size());
        assertSame(loaded.get(0), holder.get());
    }

    @Test
    void get_readersDuringManyReloads_alwaysSeeWholeObjectsInNonDecreasingVersions() throws Exception {
        Path p = dir.resolve("m.ckb");
        write(p, 0);
        Reloadable<Versioned> holder = Reloadable.load(p, Versioned::new);
        int readers = 4;
        int reloads = 60;
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < readers; t++) {
                results.add(pool.submit(() -> {
                    started.countDown();
                    double last = -1;
                    long reads = 0;
                    while (!done.get() || reads == 0) {
                        Versioned v = holder.get();
                        if (v.version != v.copy) {
                            throw new AssertionError("torn object: " + v.version + " vs " + v.copy);
                        }
                        if (v.version < last) {
                            throw new AssertionError("went back from version " + last + " to " + v.version);
                        }
                        last = v.version;
                        reads++;
                    }
                    return reads;
                }));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int version = 1; version <= reloads; version++) {
                write(p, version);
                holder.reload();
            }
            done.set(true);
            for (Future<Long> f : results) {
                assertTrue(f.get(30, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(reloads, holder.get().version);
        assertEquals(reloads + 1, holder.generation());
    }

    @Test
    void reload_whileAnotherThreadRewritesTheFile_neverSeesAPartialFile() throws Exception {
        // ModelBundle.writeTo replaces the file atomically, so a reload racing with a writer loads
        // either the old or the new bundle, never a truncated one
        Path p = dir.resolve("m.ckb");
        write(p, 0);
        Reloadable<Versioned> holder = Reloadable.load(p, Versioned::new);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> writer = pool.submit(() -> {
                int v = 0;
                while (!done.get() && v < 10_000) {
                    write(p, ++v);
                }
                return v;
            });
            for (int i = 0; i < 200; i++) {
                holder.reload();
                Versioned v = holder.get();
                assertEquals(v.version, v.copy);
            }
            done.set(true);
            assertTrue(writer.get(30, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }
    }
}
