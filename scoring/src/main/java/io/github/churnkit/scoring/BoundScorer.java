package io.github.churnkit.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A {@link CustomerScorer} bound to the caller's record type by a {@link RecordBinder}: the hot
 * path. {@link #probability(Object)} allocates nothing; {@link #score(Object)} allocates only its
 * result; {@link #scoreBatch(List, ScoreBatch)} writes into caller-owned arrays and allocates
 * nothing per row (it feeds the churn model 1,024 rows at a time, which lets a tree ensemble
 * interleave rows). Each thread uses its own scratch buffers; columns the binder left unbound read
 * as missing in every call, whatever was scored before on the thread.
 *
 * <p>Immutable and thread-safe, provided the accessors are.
 *
 * @param <T> the record type
 */
public final class BoundScorer<T> {

    private final CustomerScorer scorer;
    private final List<RecordBinder.Setter<T>> setters;
    /** The input slots no setter writes: reset to missing on every call. */
    private final int[] unbound;

    BoundScorer(CustomerScorer scorer, List<RecordBinder.Setter<T>> setters, int[] unbound) {
        this.scorer = scorer;
        this.setters = setters;
        this.unbound = unbound;
    }

    /**
     * Writes the record into this thread's scratch. The scratch is shared by every path of the
     * scorer on this thread (the map path, other bound scorers), so the slots this binder leaves
     * unbound still hold the last values scored there: they are reset to missing here, each call.
     */
    private Scratch fill(T record) {
        Objects.requireNonNull(record, "record");
        Scratch s = scorer.scratch();
        for (int slot : unbound) {
            s.clearSlot(slot);
        }
        List<RecordBinder.Setter<T>> st = setters;
        for (int i = 0, n = st.size(); i < n; i++) {
            st.get(i).set(record, s);
        }
        return s;
    }

    /** The calibrated churn probability of one record. Allocates nothing. */
    public double probability(T record) {
        return scorer.probability(fill(record));
    }

    /** The full score of one record, without reasons; allocates only the result. */
    public CustomerScore score(T record) {
        return scorer.full(fill(record), 0);
    }

    /**
     * The full score of one record with its {@code topReasons} largest reasons. Besides the result
     * (the score, its reasons and their value strings), the explanation allocates a few small
     * arrays per call: the per-feature contributions and, for a tree ensemble, the TreeSHAP path of
     * O(depth * (depth / 2 + 1) + features) numbers; nothing per tree or per node.
     *
     * @throws IllegalArgumentException if {@code topReasons < 0}, or in strict mode for a bad value
     */
    public CustomerScore score(T record, int topReasons) {
        return scorer.full(fill(record), topReasons);
    }

    /**
     * Scores {@code records} into {@code into}: position {@code i} of each array of {@code into}
     * gets record {@code i}'s probability, band index, segment id, CLV and CLV interval, equal to what
     * {@link #score(Object)} gives. Allocates nothing per row.
     *
     * @throws IllegalArgumentException if {@code into} holds fewer than {@code records.size()} customers
     */
    public void scoreBatch(List<? extends T> records, ScoreBatch into) {
        Objects.requireNonNull(into, "into");
        int n = records.size();
        if (into.capacity() < n) {
            throw new IllegalArgumentException("batch of " + n + " records does not fit a ScoreBatch of capacity "
                    + into.capacity());
        }
        Scratch s = scorer.scratch();
        int width = s.x.length;
        double[] rows = s.batchRows(width);
        double[] out = s.batchOut();
        double[] prob = into.probabilities();
        int[] seg = into.segmentIds();
        double[] clv = into.clv();
        double[] clvLow = into.clvLow();
        double[] clvHigh = into.clvHigh();
        int[] band = into.bands();
        Layout layout = scorer.layout();
        int revenueSlot = layout.revenueSlot();
        int renewalsSlot = layout.renewalsSlot();
        double[] revenue = s.batchRevenue();
        double[] renewals = s.batchRenewals();
        for (int start = 0; start < n; start += Scratch.CHUNK) {
            int count = Math.min(Scratch.CHUNK, n - start);
            for (int i = 0; i < count; i++) {
                fill(records.get(start + i));
                scorer.pipeline().transform(s.pipelineView, s.x);
                System.arraycopy(s.x, 0, rows, i * width, width);
                seg[start + i] = scorer.segmentId(scorer.segmentPosition(s));
                // the CLV needs the probability, known only after the chunk: keep its inputs
                revenue[i] = revenueSlot < 0 ? Double.NaN : s.numbers[revenueSlot];
                renewals[i] = renewalsSlot < 0 ? Double.NaN : s.numbers[renewalsSlot];
            }
            scorer.predictor().batchProbability(rows, count, out);
            for (int i = 0; i < count; i++) {
                double p = calibrate(out[i]);
                prob[start + i] = p;
                band[start + i] = scorer.bandIndex(p);
                if (revenueSlot >= 0) {
                    s.numbers[revenueSlot] = revenue[i];
                    if (renewalsSlot >= 0) {
                        s.numbers[renewalsSlot] = renewals[i];
                    }
                }
                double value = scorer.clv(s, p);
                double se = scorer.clvLogStandardError(s, value);
                clv[start + i] = value;
                clvLow[start + i] = scorer.clvLow(value, se);
                clvHigh[start + i] = scorer.clvHigh(value, se);
            }
        }
    }

    /** Calibrated churn probabilities of {@code records} into {@code out}; allocates nothing per row. */
    public void probabilities(List<? extends T> records, double[] out) {
        Objects.requireNonNull(out, "out");
        int n = records.size();
        if (out.length < n) {
            throw new IllegalArgumentException("batch of " + n + " records does not fit an array of " + out.length);
        }
        Scratch s = scorer.scratch();
        int width = s.x.length;
        double[] rows = s.batchRows(width);
        double[] tmp = s.batchOut();
        for (int start = 0; start < n; start += Scratch.CHUNK) {
            int count = Math.min(Scratch.CHUNK, n - start);
            for (int i = 0; i < count; i++) {
                fill(records.get(start + i));
                scorer.pipeline().transform(s.pipelineView, s.x);
                System.arraycopy(s.x, 0, rows, i * width, width);
            }
            scorer.predictor().batchProbability(rows, count, tmp);
            for (int i = 0; i < count; i++) {
                prob(out, start + i, tmp[i]);
            }
        }
    }

    private void prob(double[] out, int at, double p) {
        out[at] = calibrate(p);
    }

    private double calibrate(double p) {
        return scorer.calibrator() == null ? p : scorer.calibrator().calibrate(p);
    }
}
