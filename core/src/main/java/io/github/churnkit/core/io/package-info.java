/**
 * CSV ingest: from a file with a header row to a typed, columnar
 * {@link io.github.churnkit.core.CustomerTable}, with an inferred schema that explains itself and
 * an {@link io.github.churnkit.core.io.IngestReport} that accounts for every row.
 *
 * <h2>Reading a file</h2>
 *
 * <pre>{@code
 * CsvIngest.Result r = CsvIngest.withDefaults().read(Path.of("telco.csv"));
 * CustomerTable customers = r.table();
 * log.info("schema:\n{}", customers.schema().explain());
 * }</pre>
 *
 * <p>prints one line per column, for example
 *
 * <pre>
 * customerID: ID TEXT (all 7043 values are distinct text (for example "7590-VHVEG"): an identifier)
 * SeniorCitizen: FEATURE BOOLEAN (all 7043 non-missing values are yes/no, true/false or 1/0 (0: 5901, 1: 1142))
 * TotalCharges: FEATURE NUMERIC (7032 of 7032 non-missing values parse as numbers; 11 missing)
 * Churn: TARGET BOOLEAN (the name 'Churn' is a usual churn label; all 7043 non-missing values are yes/no, ...)
 * </pre>
 *
 * <h2>How the schema is inferred</h2>
 *
 * <p>The first {@link io.github.churnkit.core.io.CsvIngest.Options#inferenceRows() inferenceRows}
 * data rows (20,000 by default) are profiled; nothing else of the file is held as text. For each
 * column, in this order:
 * <ol>
 *   <li>all values yes/no, true/false or 1/0 (any case): {@code BOOLEAN};</li>
 *   <li>all values numbers: {@code NUMERIC}; distinct integers in a column named like an id
 *       ({@code User ID}, {@code customer_id}) make it the {@code ID} instead;</li>
 *   <li>all values dates as {@code yyyy-MM-dd}, {@code dd-MM-yyyy}, {@code dd/MM/yyyy},
 *       {@code dd-MM-yy} or {@code dd/MM/yy}: {@code DATE} (two-digit years are 2000 to 2099;
 *       {@code MM/dd/yyyy} is not recognised, so a US date stays text rather than being misread);</li>
 *   <li>all values distinct text: {@code TEXT}, and the {@code ID} role when the name looks like an
 *       id or there are at least 20 rows;</li>
 *   <li>up to {@code maxCategoryLevels} distinct values: {@code CATEGORICAL}; beyond that
 *       {@code TEXT}, ignored by models.</li>
 * </ol>
 * Missing values (empty, blank, {@code NA}, {@code N/A}, {@code null}, {@code ?} in any case, or
 * your own {@link io.github.churnkit.core.io.CsvIngest.Options#withMissingMarkers markers}) do not
 * vote. The target is the column you name, or a BOOLEAN / two-valued column called {@code Churn},
 * {@code churned}, {@code Exited}, {@code Attrition}, {@code target} or {@code label}. A named
 * target with more than two values is an error listing the values, unless
 * {@link io.github.churnkit.core.io.CsvIngest.Options#withBinaryTarget(boolean) withBinaryTarget(false)}.
 *
 * <h2>Overriding what was inferred</h2>
 *
 * <p>Either in the options, before reading:
 *
 * <pre>{@code
 * CsvIngest ingest = CsvIngest.of(CsvIngest.Options.defaults()
 *         .withTarget("Exited")
 *         .withId("CustomerId")
 *         .withType("NumOfProducts", ColumnType.CATEGORICAL));
 * }</pre>
 *
 * <p>or by inferring, adjusting and reading with the adjusted schema:
 *
 * <pre>{@code
 * Schema s = ingest.inferSchema(file).toBuilder().role("Complain", ColumnRole.IGNORED).build();
 * CsvIngest.Result r = ingest.read(file, s);
 * }</pre>
 *
 * <h2>Bad rows</h2>
 *
 * <p>In the default {@link io.github.churnkit.core.io.CsvIngest.Mode#STRICT strict} mode the first
 * bad row stops the read with a {@link io.github.churnkit.core.io.CsvFormatException}:
 *
 * <pre>telco.csv line 12, column 'TotalCharges': expected a number, found "abc"</pre>
 *
 * <p>In {@link io.github.churnkit.core.io.CsvIngest.Mode#LENIENT lenient} mode bad rows are set
 * aside, whole, with the same details, and counted: {@code rowsRead == rowsAccepted + rowsRejected}.
 * Give a {@link io.github.churnkit.core.io.CsvIngest.Options#withRejectsFile(java.nio.file.Path)
 * rejects file} to get them back as CSV (line, reason, then the original fields):
 *
 * <pre>{@code
 * CsvIngest lenient = CsvIngest.of(CsvIngest.Options.defaults()
 *         .withMode(CsvIngest.Mode.LENIENT)
 *         .withRejectsFile(Path.of("rejects.csv")));
 * IngestReport report = lenient.read(file).report();
 * report.rejected().forEach(row -> log.warn(row.message(report.source())));
 * }</pre>
 *
 * <p>A file that cannot be parsed at all fails in both modes, each with its own message: an empty
 * file, a blank first line, blank or duplicate header names, an unterminated quote. A row with too
 * few or too many fields is a bad row. A file with a header and no rows is valid: it gives a table
 * with zero rows (its columns default to {@code CATEGORICAL}, the reason says why).
 *
 * <p>Files are read as UTF-8 (a byte order mark is skipped). For another encoding, open a
 * {@link java.io.Reader} with the right charset and call
 * {@link io.github.churnkit.core.io.CsvIngest#read(java.io.Reader, String)}. Blank lines are
 * skipped, so in a file with a single column an empty line is not read as a missing value (write
 * {@code NA} instead).
 *
 * <h2>Big files</h2>
 *
 * <p>Rows are streamed; each accepted value goes straight into a primitive array (a
 * {@code double}, an {@code int} category code or epoch day), so memory grows with the accepted
 * data only: 1,000,000 rows of 20 columns take about 200 MB (see {@code CsvIngestMemoryIT}).
 * Attach an {@link io.github.churnkit.core.io.IngestListener} to follow progress:
 *
 * <pre>{@code
 * CsvIngest ingest = CsvIngest.withDefaults()
 *         .withListener((source, rows, rejected) -> bar.update(rows));
 * }</pre>
 *
 * <p>{@link io.github.churnkit.core.io.CsvIngest} is immutable and thread-safe; read several files
 * in parallel with one instance if you like.
 */
package io.github.churnkit.core.io;
