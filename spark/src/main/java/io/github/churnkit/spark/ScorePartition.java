package io.github.churnkit.spark;

import io.github.churnkit.core.DateColumn;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition: takes the model from this executor's {@link ModelCache} (decoding the
 * broadcast bundle only on the JVM's first use), makes one chunk scorer, one score buffer and
 * {@value ScoreBuffer#CHUNK} reusable row views for the partition, and streams the rows through
 * them a chunk at a time: read up to {@value ScoreBuffer#CHUNK} rows, score them in one call, hand
 * out their output rows, repeat.
 *
 * <p>Input rows hold the caller's columns first ({@code width} of them) and then the model's
 * inputs, already converted by Spark SQL to double (NUMERIC, BOOLEAN), string (CATEGORICAL) or
 * int epoch day (DATE). Output rows hold the caller's columns and the score columns. Holding a
 * chunk of input rows is safe because Spark's row deserializer gives a new {@code Row} object per
 * row (and the tests cross chunk boundaries).
 *
 * <p>Spark ships this function to executors with its task serializer; its state is the broadcast
 * handle, the cache key, a stateless loader and three small numbers.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final Row[] NO_REASONS = new Row[0];

    private final Broadcast<byte[]> bundle;
    private final String key;
    private final BatchModel.Loader loader;
    private final int width;
    private final int reasons;

    ScorePartition(Broadcast<byte[]> bundle, String key, BatchModel.Loader loader, int width, int reasons) {
        this.bundle = bundle;
        this.key = key;
        this.loader = loader;
        this.width = width;
        this.reasons = reasons;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        BatchModel model = ModelCache.get(key, () -> loader.load(bundle.value()));
        BatchModel.ChunkScorer scorer = model.newChunkScorer();
        ScoreBuffer out = new ScoreBuffer(ScoreBuffer.CHUNK, reasons);
        Chunk chunk = new Chunk(ScoreBuffer.CHUNK, width);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < chunk.size || rows.hasNext();
            }

            @Override
            public Row next() {
                if (next == chunk.size) {
                    chunk.size = 0;
                    next = 0;
                    while (chunk.size < ScoreBuffer.CHUNK && rows.hasNext()) {
                        chunk.views[chunk.size++].row = rows.next();
                    }
                    if (chunk.size == 0) {
                        throw new NoSuchElementException("the partition has no more rows");
                    }
                    scorer.score(chunk, out);
                }
                int i = next++;
                return output(chunk.views[i].row, out, i);
            }
        };
    }

    /** The caller's columns of {@code row} followed by the scores at position {@code i} of {@code out}. */
    private Row output(Row row, ScoreBuffer out, int i) {
        Object[] values = new Object[width + 8];
        for (int c = 0; c < width; c++) {
            values[c] = row.get(c);
        }
        values[width] = out.churnProbability(i);
        values[width + 1] = out.riskBand(i);
        values[width + 2] = out.segmentId(i);
        values[width + 3] = out.segmentName(i);
        values[width + 4] = out.expectedClv(i);
        values[width + 5] = out.expectedClvLow(i);
        values[width + 6] = out.expectedClvHigh(i);
        int n = out.reasonCount(i);
        Row[] top = n == 0 ? NO_REASONS : new Row[n]; // Spark's row encoder takes arrays (or Scala Seqs)
        for (int k = 0; k < n; k++) {
            top[k] = RowFactory.create(out.reasonColumn(i, k), out.reasonValue(i, k), out.reasonContribution(i, k),
                    out.reasonDirection(i, k).name());
        }
        values[width + 7] = top;
        return RowFactory.create(values);
    }

    /** The current chunk: reusable views over up to {@code views.length} Spark rows. */
    private static final class Chunk extends AbstractList<SparkInputRow> implements RandomAccess {
        final SparkInputRow[] views;
        int size;

        Chunk(int capacity, int offset) {
            views = new SparkInputRow[capacity];
            for (int i = 0; i < capacity; i++) {
                views[i] = new SparkInputRow(offset);
            }
        }

        @Override
        public SparkInputRow get(int index) {
            return views[Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The model's view of a Spark row: its converted input columns start at {@code offset}. */
    private static final class SparkInputRow implements InputRow {
        private final int offset;
        Row row;

        SparkInputRow(int offset) {
            this.offset = offset;
        }

        @Override
        public double number(int input) {
            int c = offset + input;
            return row.isNullAt(c) ? Double.NaN : row.getDouble(c);
        }

        @Override
        public String category(int input) {
            int c = offset + input;
            return row.isNullAt(c) ? null : row.getString(c);
        }

        @Override
        public int epochDay(int input) {
            int c = offset + input;
            return row.isNullAt(c) ? DateColumn.MISSING : row.getInt(c);
        }
    }
}
