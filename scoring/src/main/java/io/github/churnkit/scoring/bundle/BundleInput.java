package io.github.churnkit.scoring.bundle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the payload of one bundle section with bounds: the reading side of {@link BundleOutput}.
 *
 * <p>Every read checks that the bytes it needs are present before it touches them, and every
 * length-prefixed value (array, string, list, map) checks its declared length against a caller
 * given maximum <em>and</em> against the bytes remaining in the section <em>before</em>
 * allocating. So a corrupted or hostile length (say 2<sup>31</sup>-1) never makes the reader
 * allocate more than the section's own size. Any violation throws a {@link BundleFormatException}
 * naming the section, the absolute byte offset in the file and the offending value.
 *
 * <p>Runtime forms use it from their {@code readFrom(BundleInput)} factories, and reject values
 * that are out of range with {@link #fail(String)}. Not thread-safe; one instance reads one section
 * once.
 */
public final class BundleInput {

    private final String section;
    private final byte[] data;
    private final int start;
    private final int end;
    private final long base;
    private int pos;

    /**
     * @param section name for messages
     * @param data    backing bytes (not copied)
     * @param start   first byte of the payload in {@code data}
     * @param length  payload length
     * @param base    absolute file offset of {@code data[start]}, for messages
     */
    BundleInput(String section, byte[] data, int start, int length, long base) {
        this.section = section;
        this.data = data;
        this.start = start;
        this.end = start + length;
        this.base = base;
        this.pos = start;
    }

    /** A reader over a whole byte array, as if it were a section starting at file offset 0. */
    static BundleInput of(String section, byte[] data) {
        return new BundleInput(section, data, 0, data.length, 0);
    }

    /** The section being read. */
    public String section() {
        return section;
    }

    /** Absolute byte offset in the bundle file of the next byte to read. */
    public long offset() {
        return base + (pos - start);
    }

    /** Bytes not yet read in this section. */
    public int remaining() {
        return end - pos;
    }

    /** A {@link BundleFormatException} at the current offset of this section, for the caller to throw. */
    public BundleFormatException fail(String message) {
        return new BundleFormatException(message, section, offset());
    }

    /** Reads one byte as a signed value. */
    public byte readByte() {
        need(1, "a byte");
        return data[pos++];
    }

    /** Reads a boolean encoded as one byte, 0 or 1; any other value is rejected. */
    public boolean readBoolean() {
        long at = offset();
        byte b = readByte();
        if (b != 0 && b != 1) {
            throw new BundleFormatException("boolean byte must be 0 or 1, found " + b, section, at);
        }
        return b == 1;
    }

    /** Reads a big-endian 32-bit signed integer. */
    public int readInt() {
        need(4, "an int");
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16)
                | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /**
     * Reads an int and checks {@code min <= value <= max}.
     *
     * @param what name of the value, for the message
     */
    public int readInt(String what, int min, int max) {
        long at = offset();
        int v = readInt();
        if (v < min || v > max) {
            throw new BundleFormatException(String.format(Locale.ROOT,
                    "%s must be in [%d, %d], found %d", what, min, max, v), section, at);
        }
        return v;
    }

    /** Reads a big-endian 64-bit signed integer. */
    public long readLong() {
        need(8, "a long");
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** Reads a double from its IEEE 754 bits; NaN and infinities are returned as they are. */
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /**
     * Reads a double and rejects NaN and infinities.
     *
     * @param what name of the value, for the message
     */
    public double readFiniteDouble(String what) {
        long at = offset();
        double v = readDouble();
        if (!Double.isFinite(v)) {
            throw new BundleFormatException(what + " must be finite, found " + v, section, at);
        }
        return v;
    }

    /**
     * Reads a UTF-8 string written by {@link BundleOutput#writeString(String)}; malformed UTF-8 is
     * rejected.
     *
     * @param maxBytes the largest encoded length accepted
     */
    public String readString(int maxBytes) {
        long at = offset();
        int n = readLength("string", maxBytes, 1);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, pos, n))
                    .toString();
            pos += n;
            return s;
        } catch (CharacterCodingException e) {
            throw new BundleFormatException("string is not valid UTF-8", section, at);
        }
    }

    /** Reads a length-prefixed double array of at most {@code maxLength} values (NaN allowed). */
    public double[] readDoubleArray(int maxLength) {
        int n = readLength("double array", maxLength, 8);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = readDouble();
        }
        return out;
    }

    /**
     * Reads a length-prefixed double array of at most {@code maxLength} values and rejects NaN and
     * infinities.
     *
     * @param what name of the array, for the message
     */
    public double[] readFiniteDoubleArray(String what, int maxLength) {
        int n = readLength(what, maxLength, 8);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = readFiniteDouble(what + "[" + i + "]");
        }
        return out;
    }

    /** Reads a length-prefixed int array of at most {@code maxLength} values. */
    public int[] readIntArray(int maxLength) {
        int n = readLength("int array", maxLength, 4);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = readInt();
        }
        return out;
    }

    /**
     * Reads a length-prefixed int array of at most {@code maxLength} values, each in
     * {@code [min, max]} (for example child indices of a tree).
     *
     * @param what name of the array, for the message
     */
    public int[] readIntArray(String what, int maxLength, int min, int max) {
        int n = readLength(what, maxLength, 4);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = readInt(what + "[" + i + "]", min, max);
        }
        return out;
    }

    /** Reads a length-prefixed long array of at most {@code maxLength} values. */
    public long[] readLongArray(int maxLength) {
        int n = readLength("long array", maxLength, 8);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = readLong();
        }
        return out;
    }

    /** Reads a list of at most {@code maxCount} strings, each at most {@code maxStringBytes} long. */
    public List<String> readStringList(int maxCount, int maxStringBytes) {
        return readList(maxCount, in -> in.readString(maxStringBytes));
    }

    /**
     * Reads a string-to-string map written by {@link BundleOutput#writeStringMap(Map)}, keeping the
     * written order; duplicate keys are rejected.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> readStringMap(int maxEntries, int maxStringBytes) {
        int n = readLength("map", maxEntries, 8);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            long at = offset();
            String key = readString(maxStringBytes);
            String value = readString(maxStringBytes);
            if (out.put(key, value) != null) {
                throw new BundleFormatException("duplicate map key '" + key + "'", section, at);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Reads a list written by {@link BundleOutput#writeList(List, java.util.function.BiConsumer)}.
     * Each element must occupy at least one byte, which bounds the count by the bytes remaining.
     *
     * @param maxCount the largest count accepted
     * @param reader   reads one element
     * @return an unmodifiable list
     */
    public <T> List<T> readList(int maxCount, Function<BundleInput, T> reader) {
        Objects.requireNonNull(reader, "reader");
        int n = readLength("list", maxCount, 1);
        // grows as elements actually arrive: a reference per declared element could cost several
        // times the bytes present
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            int before = pos;
            out.add(reader.apply(this));
            if (pos == before) {
                throw fail("list element " + i + " occupies no bytes");
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The rest of the section as a new array (bounded by the section's size). */
    byte[] readRemaining() {
        byte[] out = java.util.Arrays.copyOfRange(data, pos, end);
        pos = end;
        return out;
    }

    /** Checks that the whole section was read; trailing bytes mean the layout was not understood. */
    public void expectEnd() {
        if (pos != end) {
            throw fail(remaining() + " unread trailing bytes");
        }
    }

    /**
     * Reads a count and checks it against {@code max} and against the bytes left, at
     * {@code minBytesEach} bytes per element, before anything is allocated.
     */
    private int readLength(String what, int max, int minBytesEach) {
        long at = offset();
        int n = readInt();
        if (n < 0) {
            throw new BundleFormatException(what + " length is negative: " + n, section, at);
        }
        if (n > max) {
            throw new BundleFormatException(String.format(Locale.ROOT,
                    "%s length %d exceeds the maximum %d", what, n, max), section, at);
        }
        if ((long) n * minBytesEach > remaining()) {
            throw new BundleFormatException(String.format(Locale.ROOT,
                    "%s length %d needs at least %d bytes but only %d remain", what, n,
                    (long) n * minBytesEach, remaining()), section, at);
        }
        return n;
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw fail("truncated: expected " + what + " (" + n + " bytes) but " + (end - pos) + " remain");
        }
    }
}
