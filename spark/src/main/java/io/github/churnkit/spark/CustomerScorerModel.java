package io.github.churnkit.spark;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.scoring.BoundScorer;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.RecordBinder;
import io.github.churnkit.scoring.ScoreReason;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The {@link BatchModel} over churnkit's in-process {@link CustomerScorer}: every input column of
 * the bundle is bound once to the Spark row view ({@link InputRow}), and each row is scored with
 * the bound scorer, so Spark gives exactly the in-process scorer's answers. Immutable and
 * thread-safe (the bound scorer keeps per-thread scratch buffers).
 */
final class CustomerScorerModel implements BatchModel {

    private final CustomerScorer scorer;
    private final List<String> inputs;
    private final ColumnType[] types;
    private final BoundScorer<InputRow> bound;

    CustomerScorerModel(CustomerScorer scorer) {
        this.scorer = scorer;
        this.inputs = scorer.inputColumns();
        this.types = new ColumnType[inputs.size()];
        RecordBinder<InputRow> binder = scorer.binder();
        for (int i = 0; i < types.length; i++) {
            String name = inputs.get(i);
            types[i] = scorer.inputType(name);
            int input = i;
            switch (types[i]) {
                case NUMERIC:
                case BOOLEAN:
                    binder.number(name, r -> r.number(input));
                    break;
                case CATEGORICAL:
                    binder.category(name, r -> r.category(input));
                    break;
                case DATE:
                    binder.date(name, r -> r.epochDay(input));
                    break;
                default:
                    throw new IllegalArgumentException("bundle input '" + name + "' has type " + types[i]
                            + ", which batch scoring cannot feed");
            }
        }
        this.bound = binder.bind();
    }

    /** Decodes bundles with {@link CustomerScorer#load(java.io.InputStream)}; stateless. */
    static final class Loader implements BatchModel.Loader {
        private static final long serialVersionUID = 1L;

        @Override
        public BatchModel load(byte[] bundle) {
            return new CustomerScorerModel(CustomerScorer.load(new ByteArrayInputStream(bundle)));
        }
    }

    /** The wrapped scorer. */
    CustomerScorer scorer() {
        return scorer;
    }

    @Override
    public List<String> inputNames() {
        return inputs;
    }

    @Override
    public ColumnType inputType(int input) {
        return types[input];
    }

    @Override
    public RowScorer newRowScorer() {
        return (row, out) -> {
            CustomerScore s = bound.score(row, out.capacity());
            out.set(s.churnProbability(), s.riskBand(), s.segmentId(), s.segmentName(), s.clv());
            for (ScoreReason r : s.reasons()) {
                out.addReason(r.column(), r.contribution());
            }
        };
    }
}
