package io.github.churnkit.core.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes rejected rows to a CSV file: the line the record started on and the reason, then the
 * original fields as read, under the header {@code rejected_line}, {@code rejected_reason} and the
 * original header. (Line and reason come first so that a row with too many or too few fields
 * keeps all of them.) Fields are quoted as RFC 4180 asks: when they hold the delimiter, a quote or
 * a line break, with quotes doubled. The file is created (or replaced) when the read starts, so a
 * rejects file with only a header means no row was rejected. Not thread-safe.
 */
final class RejectsWriter implements Closeable {

    private final Path file;
    private final BufferedWriter out;
    private final char delimiter;

    private RejectsWriter(Path file, BufferedWriter out, char delimiter) {
        this.file = file;
        this.out = out;
        this.delimiter = delimiter;
    }

    static RejectsWriter open(Path file, List<String> header, char delimiter) {
        try {
            RejectsWriter w = new RejectsWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), delimiter);
            List<String> h = new ArrayList<>(header.size() + 2);
            h.add("rejected_line");
            h.add("rejected_reason");
            h.addAll(header);
            w.writeLine(h);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    void write(CSVRecord r, RejectedRow row) {
        List<String> fields = new ArrayList<>(r.size() + 2);
        fields.add(Long.toString(row.line()));
        String reason = row.reason() + (row.value() == null ? "" : ", found " + CsvFormatException.quote(row.value()));
        fields.add(row.column() == null ? reason : "column '" + row.column() + "': " + reason);
        for (int i = 0; i < r.size(); i++) {
            fields.add(r.get(i));
        }
        try {
            writeLine(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeLine(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            String f = fields.get(i);
            if (needsQuotes(f)) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write("\r\n");
    }

    private boolean needsQuotes(String f) {
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the rejects file " + file + ": " + e.getMessage(), e);
        }
    }
}
