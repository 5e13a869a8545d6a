package io.github.churnkit.examples.cli;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.io.CsvIngest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reading the user's files with checks that give one-line, actionable errors. */
final class Inputs {

    private Inputs() {
    }

    /** Fails with exit code 2 when {@code file} is missing, a directory, unreadable or empty. */
    static Path requireFile(Path file, String option) {
        if (file == null) {
            throw new BadInputException("missing " + option + " FILE");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(option + ": file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + ": " + file + " is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(option + ": cannot read " + file + " (permission denied)");
        }
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(option + ": " + file + " is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@link #requireFile} and a check that the file is text (no NUL bytes in its first 8 KiB). */
    static Path requireCsv(Path file, String option) {
        requireFile(file, option);
        try {
            byte[] head;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8192);
            }
            for (byte b : head) {
                if (b == 0) {
                    throw new BadInputException(option + ": " + file
                            + " is not a text file (it contains NUL bytes); expected a UTF-8 CSV file with a header row");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Reads a customer CSV, the target and id named or inferred, types overridden by
     * {@code NAME=TYPE} entries. Checks that a named target exists before reading the rows.
     */
    static CsvIngest.Result readTable(Path file, String target, String id, List<String> types) {
        requireCsv(file, "--data");
        CsvIngest.Options o = CsvIngest.Options.defaults();
        if (target != null) {
            o = o.withTarget(target);
        }
        if (id != null) {
            o = o.withId(id);
        }
        for (String t : types) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--type: expected NAME=TYPE, found \"" + t + "\"");
            }
            String type = t.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            try {
                o = o.withType(t.substring(0, eq).trim(), ColumnType.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--type: unknown type \"" + t.substring(eq + 1) + "\" (one of "
                        + List.of(ColumnType.values()) + ")");
            }
        }
        CsvIngest ingest = CsvIngest.of(o);
        try {
            Schema schema = ingest.inferSchema(file);
            checkColumn(schema, target, "--target", file);
            checkColumn(schema, id, "--id", file);
            return ingest.read(file, schema);
        } catch (UncheckedIOException e) {
            throw notText(file, e);
        }
    }

    /** A bad-input error for a file that is not UTF-8 text, else the exception itself. */
    static RuntimeException notText(Path file, UncheckedIOException e) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
            return new BadInputException("--data: " + file + " is not a text CSV file (not valid UTF-8: "
                    + e.getCause().getMessage() + ")");
        }
        return e;
    }

    private static void checkColumn(Schema schema, String name, String option, Path file) {
        if (name != null && !schema.contains(name)) {
            throw new BadInputException(option + ": no column '" + name + "' in " + file + "; columns are "
                    + schema.names());
        }
    }

    /** The table's target, or a one-line error when it has none. */
    static void requireTarget(CustomerTable table, Path file) {
        if (table.schema().target().isEmpty()) {
            throw new BadInputException("no target column found in " + file
                    + "; name it with --target (columns are " + table.schema().names() + ")");
        }
    }
}
