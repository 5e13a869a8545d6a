package io.github.churnkit.scoring.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A data-only model file: named sections of bytes behind a header and a section table, sealed with
 * a SHA-256 checksum. The layout is documented byte by byte in {@code docs/model-format.md}.
 *
 * <pre>{@code
 * ModelBundle bundle = ModelBundle.builder()
 *         .put(ModelSchema.SECTION, schema::writeTo)
 *         .put(TrainingMetrics.SECTION, metrics::writeTo)
 *         .build();
 * bundle.writeTo(path);                                  // same content, same bytes
 *
 * ModelBundle loaded = ModelBundle.load(path);           // everything checked here
 * ModelSchema schema = loaded.decode(ModelSchema.SECTION, ModelSchema::readFrom);
 * }</pre>
 *
 * <p><b>Loading validates before use</b>: the magic bytes, the format version (a newer major
 * version is refused with a {@link UnsupportedBundleVersionException} saying which version is
 * needed; a newer minor version is accepted and its unknown sections are ignored), the size limit,
 * the checksum, and the section table (valid unique names in sorted order; payloads contiguous,
 * non-overlapping and inside the file). {@link #decode(String, Function)} then reads one section
 * with a bounded {@link BundleInput} and requires it to be consumed exactly. Bad content of any
 * kind raises {@link BundleFormatException}; I/O failures raise {@link UncheckedIOException}.
 * Nothing is ever deserialized as code: there is no Java serialization in this format.
 *
 * <p><b>Memory is bounded</b> by the maximum bundle size given to the loader (default
 * {@value #DEFAULT_MAX_BYTES} bytes): the file is read into one array of at most that size, and
 * every length inside it is checked against the bytes actually present before any allocation.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelBundle {

    /** The format major version this library writes and reads. */
    public static final int FORMAT_MAJOR = 1;
    /**
     * The format minor version this library writes: 1 (format 1.1 added the optional section
     * {@code clv.sbg.interval}; a 1.0 reader ignores it, and this reader reads 1.0 files unchanged).
     */
    public static final int FORMAT_MINOR = 1;
    /** Default upper bound on the size of a bundle the loader accepts: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Maximum number of sections in a bundle. */
    public static final int MAX_SECTIONS = 1024;
    /** Maximum length of a section name in bytes. */
    public static final int MAX_NAME_BYTES = 64;

    static final byte[] MAGIC = {(byte) 0x89, 'C', 'K', 'B', '\r', '\n', 0x1A, '\n'};
    static final int HEADER_BYTES = 16;
    static final int CHECKSUM_BYTES = 32;
    /** Smallest table entry: 1-byte name length, 1-byte name, int offset, int length. */
    static final int MIN_ENTRY_BYTES = 10;

    private final byte[] file;
    private final int major;
    private final int minor;
    private final NavigableMap<String, int[]> sections; // name -> {offset, length}

    private ModelBundle(byte[] file, int major, int minor, NavigableMap<String, int[]> sections) {
        this.file = file;
        this.major = major;
        this.minor = minor;
        this.sections = sections;
    }

    /** A builder for a new bundle in the current format version. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads and validates a bundle of at most {@link #DEFAULT_MAX_BYTES} bytes.
     *
     * @throws BundleFormatException if the file is not a valid bundle
     * @throws UncheckedIOException  if it cannot be read
     */
    public static ModelBundle load(Path path) {
        return load(path, DEFAULT_MAX_BYTES);
    }

    /**
     * Loads and validates a bundle of at most {@code maxBytes} bytes; a larger file is refused
     * before it is read.
     *
     * @throws BundleFormatException if the file is larger or not a valid bundle
     * @throws UncheckedIOException  if it cannot be read
     */
    public static ModelBundle load(Path path, long maxBytes) {
        Objects.requireNonNull(path, "path");
        checkMax(maxBytes);
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new BundleFormatException(String.format(Locale.ROOT,
                        "file %s has %d bytes, more than the allowed maximum %d", path, size, maxBytes));
            }
            try (InputStream in = Files.newInputStream(path)) {
                return load(in, maxBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model bundle " + path, e);
        }
    }

    /**
     * Reads a bundle from a stream (to its end) and validates it. At most {@code maxBytes + 1}
     * bytes are read; a longer stream is refused. The stream is not closed.
     *
     * @throws BundleFormatException if the stream is too long or not a valid bundle
     * @throws UncheckedIOException  if it cannot be read
     */
    public static ModelBundle load(InputStream in, long maxBytes) {
        Objects.requireNonNull(in, "in");
        checkMax(maxBytes);
        byte[] buf = new byte[(int) Math.min(8192, maxBytes + 1)];
        int n = 0;
        try {
            while (true) {
                if (n == buf.length) {
                    if (n > maxBytes) {
                        throw new BundleFormatException(String.format(Locale.ROOT,
                                "input is longer than the allowed maximum of %d bytes", maxBytes));
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(2L * n, maxBytes + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model bundle stream", e);
        }
        if (n > maxBytes) {
            throw new BundleFormatException(String.format(Locale.ROOT,
                    "input is longer than the allowed maximum of %d bytes", maxBytes));
        }
        return parseOwned(n == buf.length ? buf : Arrays.copyOf(buf, n));
    }

    /**
     * Validates a bundle held in memory (the array is copied).
     *
     * @throws BundleFormatException if the bytes are not a valid bundle
     */
    public static ModelBundle parse(byte[] bytes) {
        return parseOwned(Objects.requireNonNull(bytes, "bytes").clone());
    }

    private static ModelBundle parseOwned(byte[] b) {
        NavigableMap<String, int[]> table = BundleLayout.validate(b);
        return new ModelBundle(b, BundleLayout.u16(b, 8), BundleLayout.u16(b, 10), table);
    }

    /** The format major version of this bundle. */
    public int formatMajor() {
        return major;
    }

    /** The format minor version of this bundle. */
    public int formatMinor() {
        return minor;
    }

    /** Names of all sections, sorted. */
    public Set<String> sectionNames() {
        return Collections.unmodifiableSet(sections.navigableKeySet());
    }

    /** Whether a section called {@code name} is present. */
    public boolean contains(String name) {
        return sections.containsKey(name);
    }

    /** Payload size of a section in bytes. */
    public int sectionSize(String name) {
        return entry(name)[1];
    }

    /** The SHA-256 checksum of the content, as 64 lower-case hexadecimal digits. */
    public String checksum() {
        StringBuilder sb = new StringBuilder(64);
        for (int i = file.length - CHECKSUM_BYTES; i < file.length; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", file[i] & 0xff));
        }
        return sb.toString();
    }

    /**
     * Reads one section with {@code reader} and requires the reader to consume it exactly.
     * An {@link IllegalArgumentException} thrown by the reader (for example by the constructor of
     * the object it builds, rejecting decoded values) is wrapped in a {@link BundleFormatException}
     * naming the section.
     *
     * @throws BundleFormatException if the section is missing or its content is invalid
     */
    public <T> T decode(String name, Function<BundleInput, T> reader) {
        Objects.requireNonNull(reader, "reader");
        int[] e = entry(name);
        BundleInput in = new BundleInput(name, file, e[0], e[1], e[0]);
        T value;
        try {
            value = reader.apply(in);
        } catch (BundleFormatException ex) {
            throw ex;
        } catch (IllegalArgumentException ex) {
            throw new BundleFormatException("content rejected: " + ex.getMessage(), name, ex);
        }
        in.expectEnd();
        return value;
    }

    /** The bundle as bytes (a copy), exactly as {@link #writeTo(OutputStream)} writes it. */
    public byte[] toBytes() {
        return file.clone();
    }

    /** Writes the bundle to a stream; the stream is not closed. */
    public void writeTo(OutputStream out) {
        try {
            out.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle", e);
        }
    }

    /**
     * Writes the bundle to a file, replacing it atomically where the file system allows (written
     * to a temporary file in the same directory, then moved), so a concurrent reader sees either
     * the old file or the new one.
     */
    public void writeTo(Path path) {
        Objects.requireNonNull(path, "path");
        Path abs = path.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, file);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle " + path, e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ModelBundle[format %d.%d, %d bytes, sections %s]",
                major, minor, file.length, sections.keySet());
    }

    private int[] entry(String name) {
        Objects.requireNonNull(name, "name");
        int[] e = sections.get(name);
        if (e == null) {
            throw new BundleFormatException("missing section '" + name + "'; sections are " + sections.keySet());
        }
        return e;
    }

    private static void checkMax(long maxBytes) {
        if (maxBytes < HEADER_BYTES + CHECKSUM_BYTES || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be in [48, " + (Integer.MAX_VALUE - 8)
                    + "], found " + maxBytes);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Collects sections and seals them into a bundle. Not thread-safe. */
    public static final class Builder {
        private final Map<String, byte[]> payloads = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds a section whose payload {@code writer} writes.
         *
         * @throws IllegalArgumentException if the name is invalid or already used
         */
        public Builder put(String name, Consumer<BundleOutput> writer) {
            Objects.requireNonNull(writer, "writer");
            BundleLayout.checkName(name);
            if (payloads.containsKey(name)) {
                throw new IllegalArgumentException("duplicate section '" + name + "'");
            }
            if (payloads.size() == MAX_SECTIONS) {
                throw new IllegalArgumentException("a bundle holds at most " + MAX_SECTIONS + " sections");
            }
            BundleOutput out = new BundleOutput();
            writer.accept(out);
            payloads.put(name, out.toByteArray());
            return this;
        }

        /** The sealed bundle: header, sorted section table, payloads and checksum. */
        public ModelBundle build() {
            BundleOutput out = new BundleOutput();
            out.writeRaw(MAGIC);
            out.writeByte(FORMAT_MAJOR >>> 8).writeByte(FORMAT_MAJOR);
            out.writeByte(FORMAT_MINOR >>> 8).writeByte(FORMAT_MINOR);
            out.writeInt(payloads.size());
            long offset = HEADER_BYTES;
            for (String name : payloads.keySet()) {
                offset += 1 + name.length() + 8;
            }
            for (Map.Entry<String, byte[]> e : payloads.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
                out.writeByte(name.length).writeRaw(name);
                if (offset > Integer.MAX_VALUE) {
                    throw new IllegalStateException("bundle larger than 2 GiB");
                }
                out.writeInt((int) offset).writeInt(e.getValue().length);
                offset += e.getValue().length;
            }
            for (byte[] p : payloads.values()) {
                out.writeRaw(p);
            }
            byte[] body = out.toByteArray();
            out.writeRaw(sha256().digest(body));
            return parseOwned(out.toByteArray());
        }
    }
}
