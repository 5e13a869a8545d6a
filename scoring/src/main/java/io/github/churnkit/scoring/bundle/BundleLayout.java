package io.github.churnkit.scoring.bundle;

import static io.github.churnkit.scoring.bundle.ModelBundle.CHECKSUM_BYTES;
import static io.github.churnkit.scoring.bundle.ModelBundle.FORMAT_MAJOR;
import static io.github.churnkit.scoring.bundle.ModelBundle.FORMAT_MINOR;
import static io.github.churnkit.scoring.bundle.ModelBundle.HEADER_BYTES;
import static io.github.churnkit.scoring.bundle.ModelBundle.MAGIC;
import static io.github.churnkit.scoring.bundle.ModelBundle.MAX_NAME_BYTES;
import static io.github.churnkit.scoring.bundle.ModelBundle.MAX_SECTIONS;
import static io.github.churnkit.scoring.bundle.ModelBundle.MIN_ENTRY_BYTES;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Validation of the outer layout: header, version, checksum and section table. */
final class BundleLayout {

    private BundleLayout() {
    }

    /**
     * Checks everything outside the section payloads and returns the section table
     * (name to {offset, length}). Never allocates more than the table's validated size.
     */
    static NavigableMap<String, int[]> validate(byte[] b) {
        int n = b.length;
        if (n < MAGIC.length || !Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new BundleFormatException("not a churnkit model bundle: the file does not start with the "
                    + "magic bytes 89 43 4B 42 0D 0A 1A 0A", null, 0);
        }
        if (n < 12) {
            throw new BundleFormatException("truncated: " + n + " bytes, the header alone has "
                    + HEADER_BYTES, null, n);
        }
        int major = u16(b, 8);
        int minor = u16(b, 10);
        if (major != FORMAT_MAJOR) {
            String why = major > FORMAT_MAJOR
                    ? String.format(Locale.ROOT, "bundle format %d.%d needs a reader for format version %d.x;"
                            + " this churnkit reads format %d.x (up to %d.%d): upgrade churnkit",
                            major, minor, major, FORMAT_MAJOR, FORMAT_MAJOR, FORMAT_MINOR)
                    : String.format(Locale.ROOT, "bundle format %d.%d is not a valid version;"
                            + " this churnkit reads format %d.x", major, minor, FORMAT_MAJOR);
            throw new UnsupportedBundleVersionException(why, major, minor);
        }
        if (n < HEADER_BYTES + CHECKSUM_BYTES) {
            throw new BundleFormatException("truncated: " + n + " bytes, a bundle has at least "
                    + (HEADER_BYTES + CHECKSUM_BYTES), null, n);
        }
        int bodyEnd = n - CHECKSUM_BYTES;
        MessageDigest sha = ModelBundle.sha256();
        sha.update(b, 0, bodyEnd);
        byte[] expected = sha.digest();
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(b, bodyEnd, n))) {
            throw new BundleFormatException("SHA-256 checksum mismatch: the file is corrupted, truncated"
                    + " or was edited", null, bodyEnd);
        }
        int count = i32(b, 12);
        if (count < 0 || count > MAX_SECTIONS || (long) count * MIN_ENTRY_BYTES > bodyEnd - HEADER_BYTES) {
            throw new BundleFormatException(String.format(Locale.ROOT,
                    "section count %d is invalid (at most %d, and the table must fit in the file)",
                    count, MAX_SECTIONS), null, 12);
        }
        NavigableMap<String, int[]> table = new TreeMap<>();
        int pos = HEADER_BYTES;
        String previous = null;
        int[][] entries = new int[count][];
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            int entryAt = pos;
            int len = b[pos] & 0xff;
            if (len == 0 || len > MAX_NAME_BYTES || pos + 1 + len + 8 > bodyEnd) {
                throw new BundleFormatException("section name length " + len + " of entry " + i
                        + " is invalid or the entry runs past the table", null, entryAt);
            }
            String name = new String(b, pos + 1, len, StandardCharsets.ISO_8859_1);
            String problem = nameProblem(name);
            if (problem != null) {
                throw new BundleFormatException("section entry " + i + ": " + problem, null, entryAt);
            }
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new BundleFormatException("section names must be unique and sorted, found '"
                        + name + "' after '" + previous + "'", null, entryAt);
            }
            pos += 1 + len;
            entries[i] = new int[] {i32(b, pos), i32(b, pos + 4)};
            names[i] = name;
            pos += 8;
            previous = name;
        }
        long expectedOffset = pos;
        for (int i = 0; i < count; i++) {
            int offset = entries[i][0];
            int length = entries[i][1];
            if (offset != expectedOffset) {
                throw new BundleFormatException(String.format(Locale.ROOT,
                        "payload offset %d must be %d (payloads follow the table in order, without gaps"
                                + " or overlaps)", offset, expectedOffset), names[i], HEADER_BYTES);
            }
            if (length < 0 || expectedOffset + length > bodyEnd) {
                throw new BundleFormatException(String.format(Locale.ROOT,
                        "payload length %d at offset %d runs past the end of the content (%d)",
                        length, offset, bodyEnd), names[i], HEADER_BYTES);
            }
            expectedOffset += length;
            table.put(names[i], entries[i]);
        }
        if (expectedOffset != bodyEnd) {
            throw new BundleFormatException(String.format(Locale.ROOT,
                    "%d bytes between the last payload and the checksum belong to no section",
                    bodyEnd - expectedOffset), null, expectedOffset);
        }
        return table;
    }

    static void checkName(String name) {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why a section name is invalid, or null: 1 to 64 characters of [a-z0-9._-], starting with a-z. */
    static String nameProblem(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_BYTES) {
            return "section name must have 1 to " + MAX_NAME_BYTES + " characters, found "
                    + (name == null ? "null" : "'" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'));
            if (!ok) {
                return "section name must match [a-z][a-z0-9._-]*, found '" + printable(name) + "'";
            }
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    static int i32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
