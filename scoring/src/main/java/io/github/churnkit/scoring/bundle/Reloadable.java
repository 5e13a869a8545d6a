package io.github.churnkit.scoring.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Holds an object loaded from a bundle file (typically a scorer) and swaps in a newly loaded one
 * atomically while other threads keep using it.
 *
 * <pre>{@code
 * Reloadable<CustomerScorer> scorer = Reloadable.load(path, CustomerScorer::load);
 * // request threads:
 * CustomerScore s = scorer.get().score(customer);
 * // a scheduler, every minute:
 * scorer.reloadIfModified();
 * }</pre>
 *
 * <p>{@link #get()} is a single volatile read: a caller that took the old object finishes with it
 * undisturbed (the holder never mutates loaded objects; they must be immutable), and the next
 * {@link #get()} returns the new one. A reload that fails (bad file, I/O error) throws and leaves
 * the current object in place, so a half-written or corrupted file never replaces a working model;
 * {@link ModelBundle#writeTo(Path)} replaces files atomically to make that case rare.
 *
 * <p>Thread-safe. Reloads are serialised with each other; {@link #get()} never blocks.
 *
 * @param <T> the loaded type
 */
public final class Reloadable<T> {

    private static final class Snapshot<T> {
        final T value;
        final long generation;
        final FileTime modified;
        final long size;

        Snapshot(T value, long generation, FileTime modified, long size) {
            this.value = value;
            this.generation = generation;
            this.modified = modified;
            this.size = size;
        }
    }

    private final Path path;
    private final Function<Path, ? extends T> loader;
    private final AtomicReference<Snapshot<T>> current = new AtomicReference<>();

    private Reloadable(Path path, Function<Path, ? extends T> loader) {
        this.path = path;
        this.loader = loader;
    }

    /**
     * Loads the object once and returns a holder that can reload it from the same path.
     *
     * @param loader reads the file (for example {@code CustomerScorer::load}); must not return null
     * @throws BundleFormatException if the loader rejects the file
     * @throws UncheckedIOException  if it cannot be read
     */
    public static <T> Reloadable<T> load(Path path, Function<Path, ? extends T> loader) {
        Reloadable<T> r = new Reloadable<>(Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(loader, "loader"));
        r.reload();
        return r;
    }

    /** The current object. Never null. */
    public T get() {
        return current.get().value;
    }

    /** How many times an object was installed: 1 after {@link #load}, then +1 per successful swap. */
    public long generation() {
        return current.get().generation;
    }

    /** The file this holder loads from. */
    public Path path() {
        return path;
    }

    /**
     * Loads the file again and installs the result.
     *
     * @return the object that was replaced, or null on the first load
     * @throws BundleFormatException if the loader rejects the file; the current object stays
     * @throws UncheckedIOException  if it cannot be read; the current object stays
     */
    public synchronized T reload() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(path);
            size = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        T loaded = Objects.requireNonNull(loader.apply(path), "loader returned null");
        return install(loaded, modified, size);
    }

    /**
     * Reloads if the file's modification time or size changed since the last load.
     *
     * @return whether a new object was installed
     * @throws BundleFormatException if the changed file is rejected; the current object stays
     * @throws UncheckedIOException  if it cannot be read; the current object stays
     */
    public synchronized boolean reloadIfModified() {
        Snapshot<T> s = current.get();
        try {
            if (Files.getLastModifiedTime(path).equals(s.modified) && Files.size(path) == s.size) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        reload();
        return true;
    }

    /**
     * Installs an object loaded elsewhere (for example from a stream).
     *
     * @return the object that was replaced
     */
    public synchronized T swap(T value) {
        Objects.requireNonNull(value, "value");
        Snapshot<T> s = current.get();
        return install(value, s.modified, s.size);
    }

    private T install(T value, FileTime modified, long size) {
        Snapshot<T> old = current.get();
        long generation = old == null ? 1 : old.generation + 1;
        current.set(new Snapshot<>(value, generation, modified, size));
        return old == null ? null : old.value;
    }

    @Override
    public String toString() {
        return "Reloadable[" + path + ", generation " + generation() + "]";
    }
}
