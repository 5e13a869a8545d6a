package io.github.churnkit.examples.workflow;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.features.RawRow;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV record seen as the pipeline's {@link RawRow}: each pipeline input is found by name in the
 * file's header once; a column the file lacks is always missing. Values are parsed like the ingest
 * does: missing markers (empty, NA, N/A, null, ?), yes/no/true/false/1/0 for booleans, dates as
 * {@code yyyy-MM-dd}, {@code dd-MM-yyyy}, {@code dd/MM/yyyy}, {@code dd-MM-yy} or {@code dd/MM/yy}.
 * A number that does not parse fails with the line and column named. Not thread-safe.
 */
final class CsvRecordRow implements RawRow {

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "null", "?");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"),
            DateTimeFormatter.ofPattern("dd-MM-uu"), DateTimeFormatter.ofPattern("dd/MM/uu"));

    private final String source;
    private final int[] fileColumn;
    private final String[] names;
    private final ColumnType[] types;
    private CSVRecord record;

    CsvRecordRow(String source, FittedPipeline pipeline, Map<String, Integer> header) {
        this.source = source;
        List<String> inputs = pipeline.inputColumns();
        this.fileColumn = new int[inputs.size()];
        this.names = inputs.toArray(new String[0]);
        this.types = new ColumnType[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Integer c = header.get(inputs.get(i));
            fileColumn[i] = c == null ? -1 : c;
            types[i] = pipeline.inputType(i);
        }
    }

    /** The pipeline inputs the file does not have. */
    List<String> absent() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (fileColumn[i] < 0) {
                out.add(names[i]);
            }
        }
        return out;
    }

    void set(CSVRecord r) {
        this.record = r;
    }

    /** The raw text of a column of the current record, null when missing. */
    static String text(CSVRecord r, int column) {
        if (column < 0 || column >= r.size()) {
            return null;
        }
        String s = r.get(column).strip();
        return MISSING.contains(s.toLowerCase(Locale.ROOT)) ? null : s;
    }

    private String text(int input) {
        return text(record, fileColumn[input]);
    }

    @Override
    public double number(int input) {
        String s = text(input);
        if (s == null) {
            return Double.NaN;
        }
        if (types[input] == ColumnType.BOOLEAN) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "1", "y", "t":
                    return 1;
                case "no", "false", "0", "n", "f":
                    return 0;
                default:
                    throw bad(input, s, "expected yes/no, true/false or 1/0");
            }
        }
        return parseNumber(s, input);
    }

    double parseNumber(String s, int input) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(input, s, "expected a number");
        }
    }

    @Override
    public String category(int input) {
        return text(input);
    }

    @Override
    public int epochDay(int input) {
        String s = text(input);
        if (s == null) {
            return DateColumn.MISSING;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Math.toIntExact(LocalDate.parse(s, f).toEpochDay());
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        throw bad(input, s, "expected a date");
    }

    private IllegalArgumentException bad(int input, String value, String what) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d, column '%s': %s, found \"%s\"",
                source, record.getRecordNumber() + 1, names[input], what, value));
    }
}
