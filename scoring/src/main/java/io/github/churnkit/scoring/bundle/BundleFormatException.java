package io.github.churnkit.scoring.bundle;

import java.util.Locale;

/**
 * A model bundle is malformed: wrong magic bytes, an unsupported format version, a checksum
 * mismatch, an inconsistent section table, a truncated or oversized value, or content that fails
 * validation (a non-finite number, an index out of range, ...).
 *
 * <p>This is the only exception the bundle loader throws for bad content; reading a file that
 * cannot be read at all gives an {@link java.io.UncheckedIOException}. The message names what is
 * wrong and where: the section (if any) and the absolute byte offset in the file (if known).
 */
public class BundleFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Offset value meaning "no particular byte". */
    public static final long NO_OFFSET = -1L;

    private final String section;
    private final long offset;

    /**
     * A bundle error not tied to a section or byte.
     *
     * @param message what is wrong
     */
    public BundleFormatException(String message) {
        this(message, null, NO_OFFSET);
    }

    /**
     * A bundle error at a place in the file.
     *
     * @param message what is wrong
     * @param section the section name, or {@code null} for the header, table or checksum
     * @param offset  absolute byte offset in the bundle, or {@link #NO_OFFSET}
     */
    public BundleFormatException(String message, String section, long offset) {
        super(describe(message, section, offset));
        this.section = section;
        this.offset = offset;
    }

    /**
     * A bundle error caused by another exception (for example a runtime form whose constructor
     * rejected decoded values).
     *
     * @param message what is wrong
     * @param section the section name, or {@code null}
     * @param cause   the underlying exception
     */
    public BundleFormatException(String message, String section, Throwable cause) {
        super(describe(message, section, NO_OFFSET), cause);
        this.section = section;
        this.offset = NO_OFFSET;
    }

    /** The section in which the problem was found, or {@code null} if outside any section. */
    public String section() {
        return section;
    }

    /** The absolute byte offset of the problem in the bundle, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    private static String describe(String message, String section, long offset) {
        StringBuilder sb = new StringBuilder("invalid model bundle");
        if (section != null) {
            sb.append(", section '").append(section).append('\'');
        }
        if (offset >= 0) {
            sb.append(String.format(Locale.ROOT, ", byte offset %d", offset));
        }
        return sb.append(": ").append(message).toString();
    }
}
