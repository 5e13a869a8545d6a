package io.github.churnkit.examples.workflow;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled; records end with a line feed). Not thread-safe.
 */
public final class CsvLines {

    private final Writer out;

    /** A writer onto {@code out} (not closed by this class). */
    public CsvLines(Writer out) {
        this.out = out;
    }

    /** Writes one record. */
    public void record(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String s = fields[i] == null ? "" : fields[i].toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.write('"');
                out.write(s.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(s);
            }
        }
        out.write('\n');
    }
}
