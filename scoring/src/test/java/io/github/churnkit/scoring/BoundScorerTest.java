package io.github.churnkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.churnkit.core.CustomerTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Columns a {@link RecordBinder} leaves unbound must read as missing on every call, although the
 * scorer's per-thread scratch is shared with the map path and with other bound scorers. The
 * expected values come from the map path with those keys absent (documented as missing), and each
 * test first checks that the values left behind by the earlier call would change the score, so a
 * leak cannot go unnoticed.
 */
class BoundScorerTest {

    private static final CustomerScorer SCORER = CustomerScorer.of(ScorerFixtures.bundle());
    private static final CustomerTable TABLE = ScorerFixtures.table(300, 5L);

    /** Binds charges, paperless and payment; leaves tenure (numeric) and contract (categorical) unbound. */
    private static BoundScorer<ScorerFixtures.Customer> partial(CustomerScorer scorer) {
        return scorer.<ScorerFixtures.Customer>binder()
                .number("charges", ScorerFixtures.Customer::charges)
                .bool("paperless", ScorerFixtures.Customer::paperless)
                .category("payment", ScorerFixtures.Customer::payment)
                .bind();
    }

    /** The record's values as a map, without the columns {@link #partial} leaves unbound. */
    private static Map<String, Object> boundPart(ScorerFixtures.Customer c) {
        Map<String, Object> m = new HashMap<>();
        m.put("charges", Double.isNaN(c.charges()) ? null : c.charges());
        m.put("paperless", c.paperless());
        m.put("payment", c.payment());
        return m;
    }

    /** A customer whose tenure and contract pull the score and the segment far from "missing". */
    private static Map<String, Object> leaky() {
        Map<String, Object> m = new HashMap<>();
        m.put("tenure", 70);
        m.put("charges", 80.5);
        m.put("paperless", true);
        m.put("contract", "Two year");
        m.put("payment", "Card");
        return m;
    }

    private static final ScorerFixtures.Customer RECORD = new ScorerFixtures.Customer(70, 80.5, true, "Two year", "Card");

    @Test
    void score_unboundColumnsAfterMapScoreOnSameThread_readAsMissing() {
        CustomerScore expected = SCORER.score(boundPart(RECORD), 5);
        CustomerScore expectedWithoutReasons = SCORER.score(boundPart(RECORD));
        CustomerScore leaked = SCORER.score(leaky(), 5);
        assertNotEquals(expected.churnProbability(), leaked.churnProbability(), "precondition: tenure/contract matter");
        BoundScorer<ScorerFixtures.Customer> bound = partial(SCORER);
        assertEquals(expected, bound.score(RECORD, 5));
        SCORER.score(leaky());
        assertEquals(expected.churnProbability(), bound.probability(RECORD), 0.0);
        SCORER.probability(leaky());
        assertEquals(expectedWithoutReasons, bound.score(RECORD));
    }

    @Test
    void score_unboundColumnsAfterAnotherBoundScorerOnSameThread_readAsMissing() {
        CustomerScore expected = SCORER.score(boundPart(RECORD));
        BoundScorer<ScorerFixtures.Customer> full = ScorerFixtures.bind(SCORER);
        BoundScorer<ScorerFixtures.Customer> bound = partial(SCORER);
        assertNotEquals(expected, full.score(RECORD), "precondition: tenure/contract matter");
        assertEquals(expected, bound.score(RECORD));
        full.score(RECORD);
        assertEquals(expected, bound.score(RECORD));
    }

    @Test
    void scoreBatchAndProbabilities_unboundColumnsAfterMapScore_readAsMissing() {
        List<ScorerFixtures.Customer> rows = new ArrayList<>();
        List<CustomerScore> expected = new ArrayList<>();
        for (int i = 0; i < TABLE.rowCount(); i++) {
            ScorerFixtures.Customer c = ScorerFixtures.Customer.of(TABLE, i);
            rows.add(c);
            expected.add(SCORER.score(boundPart(c)));
        }
        BoundScorer<ScorerFixtures.Customer> bound = partial(SCORER);
        ScoreBatch batch = ScoreBatch.withCapacity(rows.size());
        double[] probabilities = new double[rows.size()];
        SCORER.score(leaky());
        bound.scoreBatch(rows, batch);
        SCORER.score(leaky());
        bound.probabilities(rows, probabilities);
        List<String> bands = SCORER.riskBands().names();
        for (int i = 0; i < rows.size(); i++) {
            CustomerScore e = expected.get(i);
            assertEquals(e.churnProbability(), batch.probabilities()[i], 0.0, "row " + i);
            assertEquals(e.churnProbability(), probabilities[i], 0.0, "row " + i);
            assertEquals(e.riskBand(), bands.get(batch.bands()[i]), "row " + i);
            assertEquals(e.segmentId(), batch.segmentIds()[i], "row " + i);
            assertEquals(e.clv(), batch.clv()[i], 0.0, "row " + i);
        }
    }

    @Test
    void score_nothingBound_equalsEmptyMap() {
        BoundScorer<ScorerFixtures.Customer> none = SCORER.<ScorerFixtures.Customer>binder().bind();
        CustomerScore expected = SCORER.score(Map.of(), 3);
        SCORER.score(leaky(), 3);
        assertEquals(expected, none.score(RECORD, 3));
    }
}
