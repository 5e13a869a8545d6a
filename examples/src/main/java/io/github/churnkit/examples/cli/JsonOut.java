package io.github.churnkit.examples.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the {@code --json} document of a subcommand: an object with {@code "command"},
 * {@code "formatVersion"} (1) and the command's own fields (docs/cli.md). Non-finite numbers are
 * written as null.
 */
final class JsonOut {

    /** Format version of every document; raised only on an incompatible change. */
    static final int FORMAT_VERSION = 1;

    /** Writes the command's own fields into the open root object. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOut() {
    }

    static void write(Path file, String command, Body body) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("command", command);
                g.writeNumberField("formatVersion", FORMAT_VERSION);
                body.write(g);
                g.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to " + file + ": " + e.getMessage(), e);
        }
    }

    /** A number, or null when not finite. */
    static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** An object of numbers. */
    static void numbers(JsonGenerator g, String name, Map<String, Double> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            number(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
