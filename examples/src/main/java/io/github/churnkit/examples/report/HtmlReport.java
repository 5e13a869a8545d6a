package io.github.churnkit.examples.report;

import io.github.churnkit.examples.workflow.CustomerAnalysis;
import io.github.churnkit.examples.workflow.RetentionOffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The self-contained HTML report of an analysis. */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the report to {@code file}. */
    public static void write(CustomerAnalysis.Analysis a, RetentionOffer offer, Path file) {
        try {
            Files.writeString(file, "<html><body>report</body></html>", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
