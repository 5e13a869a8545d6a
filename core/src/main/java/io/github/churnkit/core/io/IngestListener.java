package io.github.churnkit.core.io;

/**
 * Receives progress while a CSV file is read, so that a caller can show a progress bar or log
 * for big files. Called on the reading thread every {@link CsvIngest.Options#progressInterval()}
 * data rows and once more when the file is done; it should return quickly.
 */
@FunctionalInterface
public interface IngestListener {

    /** A listener that ignores all progress. */
    IngestListener NONE = (source, rowsRead, rowsRejected) -> { };

    /**
     * Progress so far.
     *
     * @param source       the file or source name
     * @param rowsRead     data rows read so far (blank lines and the header not counted)
     * @param rowsRejected of those, rows rejected (always 0 in strict mode)
     */
    void progress(String source, long rowsRead, long rowsRejected);
}
