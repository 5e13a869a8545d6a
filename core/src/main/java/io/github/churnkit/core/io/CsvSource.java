package io.github.churnkit.core.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One open CSV input: strips a UTF-8 byte order mark, detects the delimiter, reads and validates
 * the header, then hands out data records one at a time with the line each starts on. Blank lines
 * are skipped. Parse errors from Commons CSV become {@link CsvFormatException}s naming the line.
 * Not thread-safe; holds no more than the current record.
 */
final class CsvSource implements Closeable {

    /** Delimiters tried by detection, in order of preference on a tie. */
    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int HEADER_PEEK_LIMIT = 1 << 20;

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;
    private final List<String> header;
    private long lastEndLine;
    private long line;
    private long blankLines;

    private CsvSource(String name, Reader in, Character delimiter) throws IOException {
        this.name = name;
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        skipBom(reader);
        this.delimiter = delimiter != null ? delimiter : detect(reader);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(this.delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        this.parser = CSVParser.parse(reader, format);
        this.records = parser.iterator();
        this.header = readHeader();
    }

    /**
     * Opens {@code in} as a CSV source called {@code name}; {@code delimiter} null means detect.
     * Closes {@code in} when this source is closed or when opening fails.
     */
    static CsvSource open(String name, Reader in, Character delimiter) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "sourceName");
        try {
            return new CsvSource(name, in, delimiter);
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new UncheckedIOException(describe(name, 1, e), e);
        } catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
    }

    private static void closeQuietly(Reader in, Exception primary) {
        try {
            in.close();
        } catch (IOException suppressed) {
            primary.addSuppressed(suppressed);
        }
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /**
     * Counts the candidate delimiters outside quotes on the first line and picks the most
     * frequent; a comma when none occurs (a one-column file).
     */
    private static char detect(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK_LIMIT);
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < HEADER_PEEK_LIMIT - 1; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    private List<String> readHeader() {
        CSVRecord first = nextRaw();
        if (first == null) {
            throw new CsvFormatException(name, 0, null, null,
                    "the file is empty; the first line must be a header row naming the columns");
        }
        if (isBlank(first)) {
            throw new CsvFormatException(name, 1, null, null,
                    "line 1 is blank; the first line must be a header row naming the columns");
        }
        List<String> names = new ArrayList<>(first.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            String n = first.get(i).strip();
            if (n.isEmpty()) {
                throw new CsvFormatException(name, line, null, null, "header column " + (i + 1) + " of "
                        + first.size() + " has a blank name; every column needs a name");
            }
            Integer before = seen.put(n, i);
            if (before != null) {
                throw new CsvFormatException(name, line, n, null, "duplicate column name in the header "
                        + "(columns " + (before + 1) + " and " + (i + 1) + "); column names must be unique");
            }
            names.add(n);
        }
        return List.copyOf(names);
    }

    /** The source name used in messages. */
    String name() {
        return name;
    }

    /** The delimiter in use (given or detected). */
    char delimiter() {
        return delimiter;
    }

    /** The trimmed header names, unique and not blank. */
    List<String> header() {
        return header;
    }

    /** The line on which the record last returned by {@link #next()} starts. */
    long line() {
        return line;
    }

    /** Blank lines skipped so far. */
    long blankLines() {
        return blankLines;
    }

    /** The next non-blank data record, or null at the end of the input. */
    CSVRecord next() {
        while (true) {
            CSVRecord r = nextRaw();
            if (r == null || !isBlank(r)) {
                return r;
            }
            blankLines++;
        }
    }

    private CSVRecord nextRaw() {
        line = lastEndLine + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            lastEndLine = parser.getCurrentLineNumber();
            return r;
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(UncheckedIOException e) {
        IOException cause = e.getCause();
        if (cause instanceof CSVException) {
            String msg = String.valueOf(cause.getMessage());
            String problem;
            if (msg.contains("EOF reached before encapsulated token finished")) {
                problem = "a quoted field opened on this line is never closed (unterminated quote)";
            } else if (msg.contains("Invalid character between encapsulated token and delimiter")) {
                problem = "text follows the closing quote of a quoted field before the next delimiter "
                        + "(a quote inside a quoted field must be doubled: \"\")";
            } else {
                problem = "malformed CSV: " + msg;
            }
            CsvFormatException ex = new CsvFormatException(name, line, null, null, problem);
            ex.initCause(cause);
            return ex;
        }
        return new UncheckedIOException(describe(name, line, cause), cause);
    }

    private static String describe(String name, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            // the reader decodes ahead in blocks, so the line is approximate
            return name + ": not valid UTF-8 (found while reading near line " + line
                    + "); save the file as UTF-8, or decode it yourself and pass a Reader";
        }
        return name + " line " + line + ": cannot read: " + e.getMessage();
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot close: " + e.getMessage(), e);
        }
    }
}
