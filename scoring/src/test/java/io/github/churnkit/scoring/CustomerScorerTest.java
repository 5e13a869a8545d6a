package io.github.churnkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.churn.ChurnCodec;
import io.github.churnkit.scoring.churn.LinearPredictor;
import io.github.churnkit.scoring.churn.RiskBands;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.segment.SegmentCodec;
import io.github.churnkit.scoring.segment.SegmentEncoder;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerScorerTest {

    private static final CustomerScorer SCORER = CustomerScorer.of(ScorerFixtures.bundle());
    private static final CustomerTable TABLE = ScorerFixtures.table(2_500, 99L);

    private static Map<String, Object> base() {
        Map<String, Object> m = new HashMap<>();
        m.put("tenure", 12);
        m.put("charges", 80.5);
        m.put("paperless", true);
        m.put("contract", "Month");
        m.put("payment", "Card");
        return m;
    }

    @Test
    void load_fromStream_sameScoresAsFromBundle() {
        CustomerScorer loaded = CustomerScorer.load(new ByteArrayInputStream(ScorerFixtures.bundle().toBytes()));
        assertEquals(SCORER.score(base()), loaded.score(base()));
        assertEquals(SCORER.checksum(), loaded.checksum());
    }

    @Test
    void inputColumns_pipelineSegmentAndClvColumns_listedOnce() {
        assertEquals(List.of("tenure", "charges", "paperless", "contract", "payment"), SCORER.inputColumns());
    }

    @Test
    void score_missingKeyNullAndNaN_allTreatedAsMissing() {
        Map<String, Object> absent = base();
        absent.remove("tenure");
        Map<String, Object> nul = base();
        nul.put("tenure", null);
        Map<String, Object> nan = base();
        nan.put("tenure", Double.NaN);
        CustomerScore a = SCORER.score(absent);
        assertEquals(a, SCORER.score(nul));
        assertEquals(a, SCORER.score(nan));
    }

    @Test
    void score_extraFields_ignored() {
        Map<String, Object> extra = base();
        extra.put("favouriteColour", "green");
        extra.put("customerID", 17);
        assertEquals(SCORER.score(base()), SCORER.score(extra));
    }

    @Test
    void score_unseenCategoryLenient_scoredStrictThrowsNamingColumnAndValue() {
        Map<String, Object> m = base();
        m.put("payment", "Bitcoin");
        CustomerScore lenient = SCORER.score(m);
        assertTrue(lenient.churnProbability() >= 0 && lenient.churnProbability() <= 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SCORER.withStrict(true).score(m));
        assertTrue(e.getMessage().contains("payment") && e.getMessage().contains("Bitcoin"), e.getMessage());
    }

    @Test
    void score_unseenSegmentCategoryStrict_throwsNamingColumnAndValue() {
        Map<String, Object> m = base();
        m.put("contract", "Lifetime");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SCORER.withStrict(true).score(m));
        assertTrue(e.getMessage().contains("contract") && e.getMessage().contains("Lifetime"), e.getMessage());
    }

    @Test
    void score_badNumberStrict_throwsLenientMissing() {
        Map<String, Object> m = base();
        m.put("tenure", "twelve");
        Map<String, Object> missing = base();
        missing.remove("tenure");
        assertEquals(SCORER.score(missing), SCORER.score(m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SCORER.withStrict(true).score(m));
        assertTrue(e.getMessage().contains("tenure") && e.getMessage().contains("twelve"), e.getMessage());
    }

    @Test
    void score_segmentFromCentroids_nearestByHand() {
        // tenure 2, charges 20, Month: z = ((2-36)/20, (20-68)/29, 0.707, 0, 0) = (-1.70, -1.66, 0.71, 0, 0);
        // squared distances: "new and cheap" (-1,-1,.5,0,0): 0.49+0.43+0.04 = 0.96; "loyal": 8.4+3.8+0.5+0.18 = 12.9;
        // "big spenders": 2.9+8.8+0.26+0.08 = 12.0, so segment 10
        Map<String, Object> m = base();
        m.put("tenure", 2);
        m.put("charges", 20);
        CustomerScore s = SCORER.score(m);
        assertEquals(10, s.segmentId());
        assertEquals("new and cheap", s.segmentName());
    }

    @Test
    void score_clv_marginTimesChargesTimesDerlOfTheProbability() {
        CustomerScore s = SCORER.score(base());
        assertEquals(ClvFormulas.subscriptionFromChurnProbability(ClvSettings.defaults(), 80.5, s.churnProbability()),
                s.clv(), 1e-12);
        Map<String, Object> noCharges = base();
        noCharges.remove("charges");
        assertTrue(Double.isNaN(SCORER.score(noCharges).clv()));
        assertTrue(Double.isNaN(s.clvLow()) && Double.isNaN(s.clvHigh()));
    }

    @Test
    void score_band_fromBundleCutOffs() {
        CustomerScore s = SCORER.score(base());
        double p = s.churnProbability();
        assertEquals(p < 0.3 ? "low" : p < 0.6 ? "medium" : "high", s.riskBand());
    }

    @Test
    void score_allReasons_sumToRawScoreMinusBaseValue() {
        // the explanation is additive: sum of per-column contributions = log-odds - expected log-odds
        LinearPredictor lin = ScorerFixtures.linear(ScorerFixtures.pipeline().width());
        CustomerScorer scorer = CustomerScorer.of(ScorerFixtures.bundle(lin));
        FittedPipeline p = ScorerFixtures.pipeline();
        Map<String, Object> m = base();
        CustomerScore s = scorer.score(m, 100);
        double[] x = new double[p.width()];
        io.github.churnkit.features.RowBuffer row = io.github.churnkit.features.RowBuffer.of(p)
                .setNumber("tenure", 12).setNumber("charges", 80.5).setNumber("paperless", 1)
                .setCategory("contract", "Month").setCategory("payment", "Card");
        p.transform(row, x);
        double total = 0;
        List<String> columns = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (ScoreReason r : s.reasons()) {
            total += r.contribution();
            columns.add(r.column());
            assertTrue(Math.abs(r.contribution()) <= previous, "ordered by size");
            previous = Math.abs(r.contribution());
            assertEquals(r.contribution() > 0, r.direction() == ScoreReason.Direction.INCREASES_RISK);
        }
        assertEquals(lin.rawScore(x, 0) - lin.expectedRawScore(0), total, 1e-12);
        assertEquals(columns.size(), columns.stream().distinct().count(), "one reason per column");
        assertTrue(columns.stream().allMatch(SCORER.inputColumns()::contains), columns.toString());
        assertEquals(2, scorer.score(m, 2).reasons().size());
        assertTrue(s.reasons().stream().anyMatch(r -> r.column().equals("contract") && r.value().equals("Month")));
    }

    @Test
    void score_reasonValues_rawValuesAsText() {
        // every column gets a non-zero contribution from the linear fixture, so all five are reasons;
        // numbers read as Double.toString (what String.format("%s", Double) gave: Formatter calls toString)
        CustomerScorer scorer = CustomerScorer.of(ScorerFixtures.bundle(ScorerFixtures.linear(ScorerFixtures.pipeline().width())));
        Map<String, Object> m = base();
        m.put("charges", 1e-5);
        Map<String, String> values = new HashMap<>();
        for (ScoreReason r : scorer.score(m, 10).reasons()) {
            values.put(r.column(), r.value());
        }
        assertEquals(Map.of("tenure", "12.0", "charges", "1.0E-5", "paperless", "1.0", "contract", "Month",
                "payment", "Card"), values);
        m.remove("tenure");
        assertTrue(scorer.score(m, 10).reasons().stream()
                .anyMatch(r -> r.column().equals("tenure") && r.value().equals("missing")));
    }

    @Test
    void score_reasonsOfConsecutiveCustomersOnOneThread_sameAsOnAFreshScorer() {
        // the per-column sums live in the thread's scratch: nothing may carry over between calls
        for (int i = 0; i < 50; i++) {
            Map<String, Object> c = ScorerFixtures.customer(TABLE, i);
            CustomerScorer fresh = CustomerScorer.of(ScorerFixtures.bundle());
            assertEquals(fresh.score(c, 5), SCORER.score(c, 5), "row " + i);
            assertEquals(fresh.score(c, 2), SCORER.score(c, 2), "row " + i);
        }
    }

    @Test
    void bound_sameResultsAsMap() {
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(SCORER);
        for (int i = 0; i < 200; i++) {
            CustomerScore expected = SCORER.score(ScorerFixtures.customer(TABLE, i));
            ScorerFixtures.Customer c = ScorerFixtures.Customer.of(TABLE, i);
            assertEquals(expected, bound.score(c), "row " + i);
            assertEquals(expected.churnProbability(), bound.probability(c), 0.0);
        }
    }

    @Test
    void scoreBatch_acrossChunkBoundaries_equalsOneByOne() {
        for (CustomerScorer scorer : List.of(SCORER,
                CustomerScorer.of(ScorerFixtures.bundle(ScorerFixtures.linear(ScorerFixtures.pipeline().width()))))) {
            BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(scorer);
            List<ScorerFixtures.Customer> rows = new ArrayList<>();
            for (int i = 0; i < TABLE.rowCount(); i++) {
                rows.add(ScorerFixtures.Customer.of(TABLE, i));
            }
            ScoreBatch batch = ScoreBatch.withCapacity(rows.size());
            bound.scoreBatch(rows, batch);
            double[] probabilities = new double[rows.size()];
            bound.probabilities(rows, probabilities);
            RiskBands bands = scorer.riskBands();
            for (int i = 0; i < rows.size(); i++) {
                CustomerScore s = bound.score(rows.get(i));
                assertEquals(s.churnProbability(), batch.probabilities()[i], 0.0, "row " + i);
                assertEquals(s.churnProbability(), probabilities[i], 0.0, "row " + i);
                assertEquals(s.riskBand(), bands.names().get(batch.bands()[i]));
                assertEquals(s.segmentId(), batch.segmentIds()[i]);
                assertEquals(s.clv(), batch.clv()[i], 0.0);
            }
        }
    }

    @Test
    void segmentIdsAndName_fixtureBundle_asBuiltInScorerFixtures() {
        // ScorerFixtures.segmentAssigner(): ids 10, 11, 12 named "new and cheap", "loyal", "big spenders"
        assertEquals(List.of(10, 11, 12), SCORER.segmentIds());
        assertEquals("new and cheap", SCORER.segmentName(10));
        assertEquals("loyal", SCORER.segmentName(11));
        assertEquals("big spenders", SCORER.segmentName(12));
    }

    @Test
    void segmentName_idsFromScoreBatch_equalNamesOfOneByOneScores() {
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(SCORER);
        List<ScorerFixtures.Customer> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(ScorerFixtures.Customer.of(TABLE, i));
        }
        ScoreBatch batch = ScoreBatch.withCapacity(rows.size());
        bound.scoreBatch(rows, batch);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String name = SCORER.segmentName(batch.segmentIds()[i]);
            assertEquals(bound.score(rows.get(i)).segmentName(), name, "row " + i);
            seen.add(name);
        }
        assertEquals(3, seen.size(), "the rows reach every segment: " + seen);
    }

    @Test
    void segmentName_unknownId_throwsNamingIdAndKnownIds() {
        for (int id : new int[] {13, -1, 0}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SCORER.segmentName(id));
            assertTrue(e.getMessage().contains("id " + id) && e.getMessage().contains("[10, 11, 12]"), e.getMessage());
        }
    }

    @Test
    void segmentIdsAndName_withoutSegmentModel_emptyAndThrows() {
        CustomerScorer s = CustomerScorer.of(without(without(ScorerFixtures.bundle(), SegmentCodec.SECTION),
                SegmentEncoder.SECTION));
        assertEquals(List.of(), s.segmentIds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.segmentName(-1));
        assertTrue(e.getMessage().contains("id -1") && e.getMessage().contains("no segment model"), e.getMessage());
    }

    @Test
    void binder_unknownColumnOrWrongType_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> SCORER.<ScorerFixtures.Customer>binder().number("nope", ScorerFixtures.Customer::tenure));
        assertThrows(IllegalArgumentException.class,
                () -> SCORER.<ScorerFixtures.Customer>binder().number("contract", ScorerFixtures.Customer::tenure));
        assertThrows(IllegalArgumentException.class, () -> SCORER.<ScorerFixtures.Customer>binder()
                .number("tenure", ScorerFixtures.Customer::tenure).number("tenure", ScorerFixtures.Customer::charges));
    }

    @Test
    void of_predictorWidthDiffersFromPipeline_refusedNamingBoth() {
        int width = ScorerFixtures.pipeline().width();
        TreeEnsemble narrow = ScorerFixtures.trees(width - 1, 3, 2, 1L);
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> CustomerScorer.of(ScorerFixtures.bundle(narrow)));
        assertTrue(e.getMessage().contains(width + " features") && e.getMessage().contains(String.valueOf(width - 1)),
                e.getMessage());
    }

    @Test
    void of_segmentEncoderDisagreesWithCentroids_refused() {
        ModelBundle b = rebuild(ScorerFixtures.bundle(), SegmentEncoder.SECTION,
                SegmentEncoder.builder().numeric("tenure").numeric("charges").build()::writeTo);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> CustomerScorer.of(b));
        assertTrue(e.getMessage().contains("segment"), e.getMessage());
    }

    @Test
    void of_missingSectionsOrUnknownColumns_refused() {
        ModelBundle noSettings = without(ScorerFixtures.bundle(), ClvCodec.SETTINGS_SECTION);
        assertThrows(BundleFormatException.class, () -> CustomerScorer.of(noSettings));
        ModelBundle noEncoder = without(ScorerFixtures.bundle(), SegmentEncoder.SECTION);
        assertThrows(BundleFormatException.class, () -> CustomerScorer.of(noEncoder));
        ModelBundle noModel = without(ScorerFixtures.bundle(), ChurnCodec.MODEL_SECTION);
        assertThrows(BundleFormatException.class, () -> CustomerScorer.of(noModel));
        ModelBundle unknownRevenue = rebuild(ScorerFixtures.bundle(), ClvInputs.SECTION,
                ClvInputs.fromChurnProbability("salary")::writeTo);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> CustomerScorer.of(unknownRevenue));
        assertTrue(e.getMessage().contains("salary"), e.getMessage());
    }

    @Test
    void of_withoutOptionalParts_scoresWithoutSegmentAndClv() {
        ModelBundle b = without(without(without(without(ScorerFixtures.bundle(), SegmentCodec.SECTION),
                SegmentEncoder.SECTION), ClvInputs.SECTION), ClvCodec.SETTINGS_SECTION);
        CustomerScorer s = CustomerScorer.of(b);
        CustomerScore score = s.score(base());
        assertFalse(score.hasSegment());
        assertTrue(Double.isNaN(score.clv()));
        assertEquals(List.of("tenure", "charges", "paperless", "contract", "payment"), s.inputColumns());
    }

    /** {@code bundle} with section {@code name} left out. */
    static ModelBundle without(ModelBundle bundle, String name) {
        return rebuild(bundle, name, null);
    }

    /** {@code bundle} with section {@code name} replaced (or removed when {@code writer} is null). */
    static ModelBundle rebuild(ModelBundle bundle, String name,
            java.util.function.Consumer<io.github.churnkit.scoring.bundle.BundleOutput> writer) {
        ModelBundle.Builder b = ModelBundle.builder();
        for (String s : bundle.sectionNames()) {
            if (!s.equals(name)) {
                byte[] payload = bundle.decode(s, in -> {
                    byte[] out = new byte[in.remaining()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = in.readByte();
                    }
                    return out;
                });
                b.put(s, o -> {
                    for (byte v : payload) {
                        o.writeByte(v);
                    }
                });
            }
        }
        if (writer != null) {
            b.put(name, writer);
        }
        return b.build();
    }

    @Test
    void toString_namesTheParts() {
        assertTrue(SCORER.toString().contains("3 segments"), SCORER.toString());
    }
}
