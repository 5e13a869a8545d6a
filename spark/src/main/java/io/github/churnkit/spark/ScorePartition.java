package io.github.churnkit.spark;

import io.github.churnkit.core.DateColumn;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition: takes the model from this executor's {@link ModelCache} (decoding the
 * broadcast bundle only on the JVM's first use), makes one row scorer and one score buffer for
 * the partition, and streams the rows through them.
 *
 * <p>Input rows hold the caller's columns first ({@code width} of them) and then the model's
 * inputs, already converted by Spark SQL to double (NUMERIC, BOOLEAN), string (CATEGORICAL) or
 * int epoch day (DATE). Output rows hold the caller's columns and the score columns.
 *
 * <p>Spark ships this function to executors with its task serializer; its state is the broadcast
 * handle, the cache key, a stateless loader and three small numbers.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

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
        BatchModel.RowScorer scorer = model.newRowScorer();
        ScoreBuffer out = new ScoreBuffer(reasons);
        SparkInputRow in = new SparkInputRow(width);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                in.row = row;
                scorer.score(in, out);
                Object[] values = new Object[width + 6];
                for (int c = 0; c < width; c++) {
                    values[c] = row.get(c);
                }
                values[width] = out.churnProbability();
                values[width + 1] = out.riskBand();
                values[width + 2] = out.segmentId();
                values[width + 3] = out.segmentName();
                values[width + 4] = out.expectedClv();
                Row[] top = new Row[out.reasonCount()]; // Spark's row encoder takes arrays (or Scala Seqs)
                for (int k = 0; k < top.length; k++) {
                    top[k] = RowFactory.create(out.reasonFeature(k), out.reasonContribution(k));
                }
                values[width + 5] = top;
                return RowFactory.create(values);
            }
        };
    }

    /** The model's view of the current Spark row: its converted input columns start at {@code offset}. */
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
