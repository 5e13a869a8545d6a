package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.Schema;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the CSV reader with Jazzer.
 *
 * <p>In a normal build ({@code ./mvnw verify}) this runs in regression mode: once with an empty
 * input and once per file in {@code src/test/resources/io/github/churnkit/core/io/
 * CsvIngestFuzzTestInputs/read/}. To fuzz for real (see {@code docs/fuzzing.md}):
 * <pre>JAZZER_FUZZ=1 ./mvnw -B -ntp -pl core test -Dtest=CsvIngestFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=120s</pre>
 *
 * <p>The only exception allowed out of the reader is {@link CsvFormatException} (the documented
 * outcome for malformed text, in strict mode for a bad value, and for a schema column missing from
 * the header); anything else is a finding.
 */
class CsvIngestFuzzTest {

    private static final Schema SCHEMA = Schema.builder()
            .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
            .add("contract", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
            .add("signup", ColumnRole.FEATURE, ColumnType.DATE)
            .add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
            .build();

    /**
     * The first input byte picks the options: bit 0 strict or lenient mode, bit 1 the default
     * delimiter or ';', bit 2 schema inference or the fixed schema above. The rest is the CSV text
     * (decoded as UTF-8, malformed bytes replaced).
     */
    @FuzzTest(maxDuration = "10m")
    void read(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int flags = input[0];
        String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        CsvIngest.Options options = CsvIngest.Options.defaults()
                .withMode((flags & 1) == 0 ? CsvIngest.Mode.LENIENT : CsvIngest.Mode.STRICT)
                .withMaxRejectsKept(100);
        if ((flags & 2) != 0) {
            options = options.withDelimiter(';');
        }
        CsvIngest ingest = CsvIngest.of(options);
        try {
            CsvIngest.Result r = (flags & 4) == 0
                    ? ingest.read(new StringReader(text), "fuzz.csv")
                    : ingest.read(new StringReader(text), "fuzz.csv", SCHEMA);
            // whatever the input, every row is accounted for and only accepted rows reach the table
            IngestReport report = r.report();
            assertEquals(report.rowsRead(), report.rowsAccepted() + report.rowsRejected(), "row accounting");
            assertEquals(report.rowsAccepted(), r.table().rowCount(), "accepted rows vs table rows");
        } catch (CsvFormatException expected) {
            // the documented outcome for bad input
        }
    }
}
