package io.github.churnkit.core.io;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV file with a header row into a typed {@link CustomerTable}, inferring the
 * {@link Schema} when none is given.
 *
 * <pre>{@code
 * CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults().withTarget("Churn"));
 * CsvIngest.Result r = ingest.read(Path.of("telco.csv"));
 * CustomerTable table = r.table();
 * log.info(r.report().summary());
 * }</pre>
 *
 * <p><b>Input.</b> UTF-8 (a byte order mark is skipped), RFC 4180 quoting (quoted fields may hold
 * the delimiter, doubled quotes and line breaks), a header row on the first line with unique,
 * non-blank names (trimmed). The delimiter is detected from the header line (comma, semicolon or
 * tab, the most frequent outside quotes) unless given. Blank lines are skipped. Field values are
 * trimmed; a value that is empty or one of the {@link Options#missingMarkers() missing markers}
 * (any case) is missing. A header-only file is valid and gives a table with zero rows.
 *
 * <p><b>Inference</b> reads the first {@link Options#inferenceRows()} data rows (held in memory
 * until they are loaded, so memory for them is bounded by that number) and explains each choice
 * in {@link io.github.churnkit.core.ColumnSpec#reason()}; see the package documentation for the
 * rules. A value after the sample that does not fit its inferred type is a bad value like any
 * other.
 *
 * <p><b>Bad rows.</b> In {@link Mode#STRICT} mode the first bad row throws a
 * {@link CsvFormatException} naming file, line, column, value and what was expected. In
 * {@link Mode#LENIENT} mode bad rows are set aside into the {@link IngestReport} (and the
 * {@link Options#rejectsFile() rejects file}), so that rows read = accepted + rejected. A file
 * that cannot be parsed at all (no header, unterminated quote) throws in both modes.
 *
 * <p>Instances are immutable and thread-safe; each read uses its own state.
 */
public final class CsvIngest {

    private static final Logger LOG = LoggerFactory.getLogger(CsvIngest.class);

    /** What to do with a row whose value does not fit its column. */
    public enum Mode {
        /** Throw a {@link CsvFormatException} at the first bad row. */
        STRICT,
        /** Set bad rows aside in the report and carry on. */
        LENIENT
    }

    /**
     * The table read and what happened while reading it.
     *
     * @param table  the accepted rows
     * @param report counts, rejected rows and missing values
     */
    public record Result(CustomerTable table, IngestReport report) {
        /** Validates the fields. */
        public Result {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(report, "report");
        }
    }

    private final Options options;
    private final IngestListener listener;

    private CsvIngest(Options options, IngestListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** An ingest with {@link Options#defaults()}. */
    public static CsvIngest withDefaults() {
        return new CsvIngest(Options.defaults(), IngestListener.NONE);
    }

    /** An ingest with the given options. */
    public static CsvIngest of(Options options) {
        return new CsvIngest(options, IngestListener.NONE);
    }

    /** A copy that reports progress to {@code listener}. */
    public CsvIngest withListener(IngestListener listener) {
        return new CsvIngest(options, listener);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /**
     * The schema inferred from the header and the first {@link Options#inferenceRows()} rows of
     * {@code file}, without loading the file.
     *
     * @throws CsvFormatException   if the header is missing or malformed, or the sample cannot be parsed
     * @throws IllegalArgumentException if the options name a column that is not in the header, or
     *                              the target is not binary when {@link Options#binaryTarget()} asks it to be
     * @throws UncheckedIOException if the file cannot be read
     */
    public Schema inferSchema(Path file) {
        try (CsvSource src = open(file)) {
            return inferFrom(src, new ArrayList<>(), new ArrayList<>(), false).schema();
        }
    }

    /** As {@link #inferSchema(Path)}, from a reader (closed afterwards); {@code sourceName} is used in messages. */
    public Schema inferSchema(Reader in, String sourceName) {
        try (CsvSource src = CsvSource.open(sourceName, in, options.delimiter())) {
            return inferFrom(src, new ArrayList<>(), new ArrayList<>(), false).schema();
        }
    }

    /** Reads {@code file}, inferring its schema. See the class documentation for errors. */
    public Result read(Path file) {
        try (CsvSource src = open(file)) {
            return load(src, null);
        }
    }

    /**
     * Reads {@code file} with a given schema (no inference). Every schema column must be in the
     * header; header columns not in the schema are skipped. The table follows the schema's order.
     * Category levels (including those of a CATEGORICAL target) are numbered in order of first
     * appearance, and with {@link Options#binaryTarget()} a third target value is a bad value.
     */
    public Result read(Path file, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        try (CsvSource src = open(file)) {
            return load(src, schema);
        }
    }

    /** Reads CSV text from {@code in} (closed afterwards), inferring its schema; {@code sourceName} is used in messages. */
    public Result read(Reader in, String sourceName) {
        try (CsvSource src = CsvSource.open(sourceName, in, options.delimiter())) {
            return load(src, null);
        }
    }

    /** Reads CSV text from {@code in} (closed afterwards) with a given schema; see {@link #read(Path, Schema)}. */
    public Result read(Reader in, String sourceName, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        try (CsvSource src = CsvSource.open(sourceName, in, options.delimiter())) {
            return load(src, schema);
        }
    }

    private CsvSource open(Path file) {
        Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        try {
            return CsvSource.open(name, Files.newBufferedReader(file, StandardCharsets.UTF_8), options.delimiter());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** An inferred schema and the sorted levels of its CATEGORICAL target (else empty). */
    private record Inferred(Schema schema, List<String> targetLevels) { }

    /** Profiles the sample; keeps the sampled records and their lines in the given lists when {@code keep}. */
    private Inferred inferFrom(CsvSource src, List<CSVRecord> sample, List<Long> lines, boolean keep) {
        List<String> header = src.header();
        MissingMarkers missing = new MissingMarkers(options.missingMarkers());
        List<ColumnProfile> profiles = new ArrayList<>(header.size());
        for (String h : header) {
            profiles.add(new ColumnProfile(h, options.maxCategoryLevels()));
        }
        long rows = 0;
        boolean truncated = false;
        while (true) {
            if (rows == options.inferenceRows()) {
                truncated = true;
                break;
            }
            CSVRecord r = src.next();
            if (r == null) {
                break;
            }
            rows++;
            if (keep) {
                sample.add(r);
                lines.add(src.line());
            }
            if (r.size() != header.size()) {
                continue; // reported when the row is loaded
            }
            for (int i = 0; i < r.size(); i++) {
                String v = r.get(i).strip();
                if (missing.test(v)) {
                    profiles.get(i).addMissing();
                } else {
                    profiles.get(i).add(v, src.line());
                }
            }
        }
        Schema schema = new SchemaInference(options).infer(src.name(), profiles, rows, truncated);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: schema inferred from {} rows (delimiter {}):\n{}", src.name(), rows,
                    src.delimiter() == '\t' ? "tab" : "'" + src.delimiter() + "'", schema.explain());
        }
        List<String> targetLevels = schema.target()
                .filter(t -> t.type() == ColumnType.CATEGORICAL)
                .map(t -> SchemaInference.sortedLevels(profiles.get(header.indexOf(t.name()))))
                .orElse(List.of());
        return new Inferred(schema, targetLevels);
    }

    private Result load(CsvSource src, Schema given) {
        List<CSVRecord> sample = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Inferred inferred = given != null ? new Inferred(given, List.of()) : inferFrom(src, sample, lines, true);
        Schema schema = inferred.schema();
        RejectsWriter rejects = options.mode() == Mode.LENIENT && options.rejectsFile() != null
                ? RejectsWriter.open(options.rejectsFile(), src.header(), src.delimiter()) : null;
        try {
            TableLoader loader = new TableLoader(src, schema, options, listener, rejects, inferred.targetLevels());
            for (int i = 0; i < sample.size(); i++) {
                loader.accept(sample.get(i), lines.get(i));
                sample.set(i, null);
            }
            for (CSVRecord r = src.next(); r != null; r = src.next()) {
                loader.accept(r, src.line());
            }
            Result result = loader.finish();
            if (result.report().rowsRejected() > 0) {
                LOG.warn("{}", result.report().summary());
            } else {
                LOG.debug("{}", result.report().summary());
            }
            return result;
        } finally {
            if (rejects != null) {
                rejects.close();
            }
        }
    }

    /**
     * Settings of a {@link CsvIngest}. Start from {@link #defaults()} and change what you need
     * with the {@code with*} methods.
     *
     * @param mode              strict (throw at the first bad row) or lenient (reject and go on)
     * @param delimiter         the field delimiter, or null to detect comma, semicolon or tab
     * @param missingMarkers    values (besides the empty string) that mean "missing", compared after
     *                          trimming and without regard to case
     * @param targetColumn      the target column, or null to guess it from usual names
     *                          ({@code Churn}, {@code Exited}, ...)
     * @param idColumn          the customer id column, or null to detect one
     * @param types             column types that override inference, by column name
     * @param binaryTarget      whether the target must have exactly two values
     * @param inferenceRows     data rows read to infer the schema, at least 1
     * @param maxCategoryLevels most distinct values a CATEGORICAL column may have, at least 2;
     *                          a text column with more becomes TEXT
     * @param maxRejectsKept    rejected rows listed in the report, at least 0 (all are counted)
     * @param rejectsFile       where lenient mode writes rejected rows as CSV, or null for nowhere
     * @param progressInterval  rows between two progress calls to the listener, at least 1
     */
    public record Options(Mode mode, Character delimiter, List<String> missingMarkers, String targetColumn,
                          String idColumn, Map<String, ColumnType> types, boolean binaryTarget, int inferenceRows,
                          int maxCategoryLevels, int maxRejectsKept, Path rejectsFile, long progressInterval) {

        /** The default missing markers: {@code NA}, {@code N/A}, {@code null} and {@code ?}, plus the empty string. */
        public static final List<String> DEFAULT_MISSING_MARKERS = List.of("", "NA", "N/A", "null", "?");

        /** Validates the settings and copies the collections. */
        public Options {
            Objects.requireNonNull(mode, "mode");
            if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
                throw new IllegalArgumentException("delimiter must not be a quote or a line break, found "
                        + (int) delimiter.charValue());
            }
            missingMarkers = List.copyOf(missingMarkers);
            if (targetColumn != null && targetColumn.isBlank()) {
                throw new IllegalArgumentException("targetColumn must not be blank");
            }
            if (idColumn != null && idColumn.isBlank()) {
                throw new IllegalArgumentException("idColumn must not be blank");
            }
            if (targetColumn != null && targetColumn.equals(idColumn)) {
                throw new IllegalArgumentException("column '" + targetColumn + "' cannot be both target and id");
            }
            types = Map.copyOf(types);
            if (inferenceRows < 1) {
                throw new IllegalArgumentException("inferenceRows must be at least 1, found " + inferenceRows);
            }
            if (maxCategoryLevels < 2) {
                throw new IllegalArgumentException("maxCategoryLevels must be at least 2, found " + maxCategoryLevels);
            }
            if (maxRejectsKept < 0) {
                throw new IllegalArgumentException("maxRejectsKept must not be negative, found " + maxRejectsKept);
            }
            if (progressInterval < 1) {
                throw new IllegalArgumentException("progressInterval must be at least 1, found " + progressInterval);
            }
        }

        /**
         * Strict mode, detected delimiter, {@link #DEFAULT_MISSING_MARKERS}, guessed target and id,
         * binary target, 20,000 inference rows, 1,000 category levels, 1,000 rejects listed, no
         * rejects file, progress every 100,000 rows.
         */
        public static Options defaults() {
            return new Options(Mode.STRICT, null, DEFAULT_MISSING_MARKERS, null, null, Map.of(), true,
                    20_000, 1_000, 1_000, null, 100_000);
        }

        /** A copy with another mode. */
        public Options withMode(Mode newMode) {
            return new Options(newMode, delimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy with a fixed delimiter, or null to detect it. */
        public Options withDelimiter(Character newDelimiter) {
            return new Options(mode, newDelimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy with other missing markers (the empty string is always missing). */
        public Options withMissingMarkers(List<String> markers) {
            return new Options(mode, delimiter, markers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy naming the target column (null to guess). */
        public Options withTarget(String column) {
            return new Options(mode, delimiter, missingMarkers, column, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy naming the id column (null to detect). */
        public Options withId(String column) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, column, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy that forces {@code column} to {@code type}. */
        public Options withType(String column, ColumnType type) {
            Map<String, ColumnType> t = new HashMap<>(types);
            t.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, t, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy saying whether the target must be binary. */
        public Options withBinaryTarget(boolean binary) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, types, binary,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy with another inference sample size. */
        public Options withInferenceRows(int rows) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    rows, maxCategoryLevels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy with another category limit. */
        public Options withMaxCategoryLevels(int levels) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, levels, maxRejectsKept, rejectsFile, progressInterval);
        }

        /** A copy listing at most {@code kept} rejected rows in the report. */
        public Options withMaxRejectsKept(int kept) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, kept, rejectsFile, progressInterval);
        }

        /** A copy writing rejected rows (lenient mode) to {@code file}, or nowhere when null. */
        public Options withRejectsFile(Path file) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, file, progressInterval);
        }

        /** A copy calling the listener every {@code rows} rows. */
        public Options withProgressInterval(long rows) {
            return new Options(mode, delimiter, missingMarkers, targetColumn, idColumn, types, binaryTarget,
                    inferenceRows, maxCategoryLevels, maxRejectsKept, rejectsFile, rows);
        }
    }
}
