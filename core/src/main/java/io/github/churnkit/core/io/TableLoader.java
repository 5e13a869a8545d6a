package io.github.churnkit.core.io;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnBuilder;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The load pass: converts each CSV record to the schema's types and appends it to one
 * {@link ColumnBuilder} per column. A record is converted completely into a small reusable staging
 * area first and appended only when every field is valid, so a bad field never leaves earlier
 * fields of the same row half-appended. Memory grows with the accepted rows only (primitive
 * arrays, plus the strings of TEXT columns). Not thread-safe; one instance per read.
 */
final class TableLoader {

    private final String source;
    private final int headerSize;
    private final Schema schema;
    private final CsvIngest.Options options;
    private final MissingMarkers missing;
    private final IngestListener listener;
    private final RejectsWriter rejects;
    private final int[] fieldOf;
    private final ColumnType[] types;
    private final ColumnBuilder[] builders;
    private final long[] missingCounts;
    // staging area for one row, reused
    private final double[] stagedNumber;
    private final int[] stagedDay;
    private final String[] stagedText;
    private final boolean[] stagedMissing;
    // the two values a categorical binary target may take, learnt in order of appearance
    private final int binaryTarget;
    private String targetFirst;
    private String targetSecond;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private long rowsRead;
    private long rowsRejected;

    /**
     * A loader for {@code schema}; {@code targetLevels} are the levels of a CATEGORICAL target, in
     * code order, known up front (empty when the schema was given).
     */
    TableLoader(CsvSource src, Schema schema, CsvIngest.Options options, IngestListener listener,
                RejectsWriter rejects, List<String> targetLevels) {
        this.source = src.name();
        this.headerSize = src.header().size();
        this.schema = schema;
        this.options = options;
        this.missing = new MissingMarkers(options.missingMarkers());
        this.listener = listener;
        this.rejects = rejects;
        int n = schema.size();
        fieldOf = new int[n];
        types = new ColumnType[n];
        builders = new ColumnBuilder[n];
        missingCounts = new long[n];
        stagedNumber = new double[n];
        stagedDay = new int[n];
        stagedText = new String[n];
        stagedMissing = new boolean[n];
        List<String> header = src.header();
        int target = -1;
        for (int j = 0; j < n; j++) {
            ColumnSpec spec = schema.column(j);
            fieldOf[j] = header.indexOf(spec.name());
            if (fieldOf[j] < 0) {
                throw new CsvFormatException(source, 1, spec.name(), null,
                        "the schema names this column but the header does not; header columns are " + header);
            }
            types[j] = spec.type();
            boolean categoricalTarget = spec.role() == ColumnRole.TARGET && spec.type() == ColumnType.CATEGORICAL;
            builders[j] = categoricalTarget ? ColumnBuilder.categorical(spec.name(), targetLevels)
                    : ColumnBuilder.of(spec.name(), spec.type(), 1024);
            if (categoricalTarget && options.binaryTarget()) {
                target = j;
            }
        }
        this.binaryTarget = target;
        if (target >= 0 && targetLevels.size() == 2) {
            targetFirst = targetLevels.get(0);
            targetSecond = targetLevels.get(1);
        }
    }

    /** Reads one data record that starts on {@code line}. */
    void accept(CSVRecord r, long line) {
        rowsRead++;
        String problem = null;
        String column = null;
        String value = null;
        if (r.size() != headerSize) {
            problem = "expected " + headerSize + " fields as in the header, found " + r.size();
        } else {
            for (int j = 0; j < types.length && problem == null; j++) {
                String v = r.get(fieldOf[j]).strip();
                problem = stage(j, v);
                if (problem != null) {
                    column = schema.column(j).name();
                    value = v;
                }
            }
        }
        if (problem == null) {
            commit();
        } else {
            reject(r, line, column, value, problem);
        }
        if (rowsRead % options.progressInterval() == 0) {
            listener.progress(source, rowsRead, rowsRejected);
        }
    }

    /** Converts field {@code v} of column {@code j} into the staging area; the problem, or null. */
    private String stage(int j, String v) {
        boolean isMissing = missing.test(v);
        stagedMissing[j] = isMissing;
        if (isMissing) {
            return null;
        }
        switch (types[j]) {
            case NUMERIC:
                if (!Values.isNumber(v)) {
                    return "expected a number";
                }
                stagedNumber[j] = Double.parseDouble(v);
                return null;
            case BOOLEAN:
                int b = Values.parseBoolean(v);
                if (b < 0) {
                    return "expected a boolean (yes/no, true/false or 1/0)";
                }
                stagedNumber[j] = b;
                return null;
            case DATE:
                int day = Values.epochDay(v);
                if (day == Values.NOT_A_DATE) {
                    return "expected a date (" + Values.DATE_PATTERN_LIST + ")";
                }
                stagedDay[j] = day;
                return null;
            default:
                stagedText[j] = v;
                return j == binaryTarget ? checkBinaryTarget(v) : null;
        }
    }

    private String checkBinaryTarget(String v) {
        if (targetFirst == null || v.equals(targetFirst)) {
            return null;
        }
        if (targetSecond == null || v.equals(targetSecond)) {
            return null;
        }
        return "expected one of the two values of the binary target (" + targetFirst + ", " + targetSecond + ")";
    }

    private void commit() {
        for (int j = 0; j < types.length; j++) {
            ColumnBuilder b = builders[j];
            if (stagedMissing[j]) {
                missingCounts[j]++;
                b.addMissing();
                continue;
            }
            switch (types[j]) {
                case NUMERIC:
                case BOOLEAN:
                    b.addDouble(stagedNumber[j]);
                    break;
                case DATE:
                    b.addEpochDay(stagedDay[j]);
                    break;
                default:
                    String v = stagedText[j];
                    if (j == binaryTarget) {
                        if (targetFirst == null) {
                            targetFirst = v;
                        } else if (targetSecond == null && !v.equals(targetFirst)) {
                            targetSecond = v;
                        }
                    }
                    b.addString(v);
                    stagedText[j] = null;
            }
        }
    }

    private void reject(CSVRecord r, long line, String column, String value, String problem) {
        if (options.mode() == CsvIngest.Mode.STRICT) {
            throw new CsvFormatException(source, line, column, value, problem);
        }
        rowsRejected++;
        RejectedRow row = new RejectedRow(line, column, value, problem);
        if (rejected.size() < options.maxRejectsKept()) {
            rejected.add(row);
        }
        if (rejects != null) {
            rejects.write(r, row);
        }
        Arrays.fill(stagedText, null);
    }

    /** The table and the report; the loader must not be used afterwards. */
    CsvIngest.Result finish() {
        listener.progress(source, rowsRead, rowsRejected);
        List<Column> columns = new ArrayList<>(builders.length);
        Map<String, Long> missingByName = new LinkedHashMap<>();
        for (int j = 0; j < builders.length; j++) {
            columns.add(builders[j].build());
            builders[j] = null;
            missingByName.put(schema.column(j).name(), missingCounts[j]);
        }
        CustomerTable table = CustomerTable.of(schema, columns);
        IngestReport report = new IngestReport(source, rowsRead, rowsRead - rowsRejected, rowsRejected,
                rejected, missingByName);
        return new CsvIngest.Result(table, report);
    }
}
