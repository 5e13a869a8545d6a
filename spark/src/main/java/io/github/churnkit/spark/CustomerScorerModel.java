package io.github.churnkit.spark;

import io.github.churnkit.core.ColumnType;
import io.github.churnkit.scoring.BoundScorer;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.RecordBinder;
import io.github.churnkit.scoring.ScoreBatch;
import io.github.churnkit.scoring.ScoreReason;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

/**
 * The {@link BatchModel} over churnkit's in-process {@link CustomerScorer}, on its allocation-free
 * bound path: every input column of the bundle is bound once (per decoded bundle, so once per JVM)
 * to the {@link InputRow} interface, and chunk scorers call the resulting {@link BoundScorer}.
 *
 * <ul>
 *   <li>Without reasons, a chunk goes through {@link BoundScorer#scoreBatch} (the churn model sees
 *       the whole chunk at once; a tree ensemble walks its rows together) into a per-scorer
 *       {@link ScoreBatch}, and band indices and segment ids become the model's own name strings;
 *       the CLV and its interval bounds ({@link ScoreBatch#clvLow()}, {@link ScoreBatch#clvHigh()})
 *       are copied as they are. Nothing is allocated per row.</li>
 *   <li>With reasons, each row goes through {@link BoundScorer#score(Object, int)}, whose
 *       explanation allocates its working arrays and result; the CLV bounds are the score's
 *       {@code clvLow()} and {@code clvHigh()}.</li>
 * </ul>
 *
 * Both give exactly what {@code CustomerScorer.score(customer, topReasons)} gives for the same
 * values (the batch path equals the one-row path bit for bit; scoring's tests and this module's
 * tests check it). Immutable and thread-safe (the bound scorer keeps per-thread scratch buffers);
 * chunk scorers are not.
 */
final class CustomerScorerModel implements BatchModel {

    private final List<String> inputs;
    private final ColumnType[] types;
    private final BoundScorer<InputRow> bound;
    private final String[] bandNames;
    private final CustomerScorer scorer;

    /**
     * Binds the scorer of {@code bundle}.
     *
     * @throws io.github.churnkit.scoring.bundle.BundleFormatException if the bundle is not a valid scoring bundle
     */
    CustomerScorerModel(ModelBundle bundle) {
        CustomerScorer scorer = CustomerScorer.of(bundle);
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
        this.bandNames = scorer.riskBands().names().toArray(new String[0]);
        this.scorer = scorer;
    }

    /**
     * Decodes bundles as {@link CustomerScorer#load(java.io.InputStream)} does (at most
     * {@link ModelBundle#DEFAULT_MAX_BYTES}); stateless.
     */
    static final class Loader implements BatchModel.Loader {
        private static final long serialVersionUID = 1L;

        @Override
        public BatchModel load(byte[] bundle) {
            return new CustomerScorerModel(ModelBundle.load(new ByteArrayInputStream(bundle), ModelBundle.DEFAULT_MAX_BYTES));
        }
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
    public ChunkScorer newChunkScorer() {
        return new Chunks();
    }

    /** The name of segment {@code id}: the empty string for -1 (no segment model), as CustomerScore has it. */
    private String segmentName(int id) {
        return id < 0 ? "" : scorer.segmentName(id);
    }

    /** One thread's chunk scorer: owns the batch result arrays. */
    private final class Chunks implements ChunkScorer {
        private ScoreBatch batch;

        @Override
        public void score(List<? extends InputRow> rows, ScoreBuffer out) {
            int n = rows.size();
            if (n > out.capacity()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a chunk of %d rows does not fit a score buffer of %d", n, out.capacity()));
            }
            int reasons = out.maxReasons();
            if (reasons == 0) {
                if (batch == null || batch.capacity() < n) {
                    batch = ScoreBatch.withCapacity(out.capacity());
                }
                bound.scoreBatch(rows, batch);
                double[] p = batch.probabilities();
                int[] band = batch.bands();
                int[] segment = batch.segmentIds();
                double[] clv = batch.clv();
                double[] clvLow = batch.clvLow();
                double[] clvHigh = batch.clvHigh();
                for (int i = 0; i < n; i++) {
                    out.set(i, p[i], bandNames[band[i]], segment[i], segmentName(segment[i]), clv[i], clvLow[i],
                            clvHigh[i]);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                CustomerScore s = bound.score(rows.get(i), reasons);
                out.set(i, s.churnProbability(), s.riskBand(), s.segmentId(), s.segmentName(), s.clv(), s.clvLow(),
                        s.clvHigh());
                for (ScoreReason r : s.reasons()) {
                    out.addReason(i, r.column(), r.value(), r.contribution(), r.direction());
                }
            }
        }
    }
}
