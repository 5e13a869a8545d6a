package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfmSegmenterTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void fit_tenDistinctValues_cutsAtEverySecondValue() {
        // 20% of 10 = 2 values, so the quintile cut points are the 2nd, 4th, 6th and 8th values
        RfmSegmenter.RfmModel m = RfmSegmenter.fit(ONE_TO_TEN, ONE_TO_TEN, ONE_TO_TEN);
        assertArrayEquals(new double[] {2, 4, 6, 8}, m.frequencyCuts(), 0.0);
        List<RfmScore> s = m.scoreAll(ONE_TO_TEN, ONE_TO_TEN, ONE_TO_TEN);
        int[] expectedF = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        for (int i = 0; i < 10; i++) {
            assertEquals(expectedF[i], s.get(i).frequency());
            assertEquals(6 - expectedF[i], s.get(i).recency(), "fewer days since the last purchase score higher");
        }
    }

    @Test
    void fit_ties_shareAScore() {
        // six one-time buyers of ten: cut points are the 2nd, 4th, 6th and 8th sorted values,
        // 1 1 1 3; the six ones exceed none and all score 1; 2 exceeds three cuts (score 4), as
        // does 3 (not above 3); 4 and 5 exceed all four (score 5)
        double[] f = {1, 1, 1, 1, 1, 1, 2, 3, 4, 5};
        RfmSegmenter.RfmModel m = RfmSegmenter.fit(ONE_TO_TEN, f, ONE_TO_TEN);
        assertArrayEquals(new double[] {1, 1, 1, 3}, m.frequencyCuts(), 0.0);
        assertEquals(1, m.score(1, 1, 1).frequency());
        assertEquals(4, m.score(1, 2, 1).frequency());
        assertEquals(4, m.score(1, 3, 1).frequency());
        assertEquals(5, m.score(1, 4, 1).frequency());
    }

    @Test
    void segmentOf_documentedRules() {
        assertEquals(RfmSegment.CHAMPIONS, RfmSegment.of(5, 5, 4));
        assertEquals(RfmSegment.CHAMPIONS, RfmSegment.of(4, 4, 4));
        assertEquals(RfmSegment.LOYAL, RfmSegment.of(3, 4, 5));
        assertEquals(RfmSegment.LOYAL, RfmSegment.of(5, 3, 3));
        assertEquals(RfmSegment.POTENTIAL_LOYALISTS, RfmSegment.of(5, 2, 3));
        assertEquals(RfmSegment.NEW, RfmSegment.of(5, 1, 2));
        assertEquals(RfmSegment.CANT_LOSE_THEM, RfmSegment.of(1, 5, 4));
        assertEquals(RfmSegment.AT_RISK, RfmSegment.of(2, 3, 4));
        assertEquals(RfmSegment.HIBERNATING, RfmSegment.of(3, 2, 2));
        assertEquals(RfmSegment.HIBERNATING, RfmSegment.of(1, 3, 1));
        assertEquals(RfmSegment.LOST, RfmSegment.of(3, 1, 2));
        assertEquals(RfmSegment.LOST, RfmSegment.of(1, 1, 1));
        assertEquals("Can't lose them", RfmSegment.CANT_LOSE_THEM.label());
    }

    @Test
    void segmentOf_allScores_coverEveryNamedSegment() {
        Set<RfmSegment> seen = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    seen.add(RfmSegment.of(r, f, m));
                }
            }
        }
        assertEquals(EnumSet.allOf(RfmSegment.class), seen);
        assertThrows(IllegalArgumentException.class, () -> RfmSegment.of(0, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> RfmSegment.of(3, 6, 3));
    }

    @Test
    void score_codeAndConsistency() {
        assertEquals("545", RfmScore.of(5, 4, 5).code());
        assertThrows(IllegalArgumentException.class, () -> new RfmScore(1, 1, 1, RfmSegment.CHAMPIONS));
    }

    @Test
    void fit_badInput_throwsNamingCustomer() {
        double[] r = {1, 2, Double.NaN};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmSegmenter.fit(r, new double[] {1, 1, 1}, new double[] {1, 1, 1}));
        assertEquals(true, e.getMessage().contains("customer 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RfmSegmenter.fit(new double[] {1}, new double[] {-1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RfmSegmenter.fit(new double[] {1, 2}, new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RfmSegmenter.fit(new double[0], new double[0], new double[0]));
    }

    @Test
    void fit_transactionSummaries_usesDaysSinceLastPurchaseCountAndTotalSpend() {
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        TransactionLog log = TransactionLog.builder()
                .add("a", d0, 10).add("a", d0.plusDays(10), 20).add("a", d0.plusDays(30), 30)
                .add("b", d0.plusDays(5), 100)
                .add("c", d0.plusDays(20), 5).add("c", d0.plusDays(25), 5)
                .build();
        CustomerSummaries s = TransactionSummarizer.of(TransactionSummarizer.Config.at(d0.plusDays(40))
                .withUnit(PeriodUnit.DAYS)).summarize(log);
        double[][] rfm = RfmSegmenter.measures(s);
        // a: last purchase day 30, cut-off day 40 -> 10 days; 3 purchases; spend 60
        // b: day 5 -> 35 days; 1 purchase; 100.  c: day 25 -> 15 days; 2 purchases; 10
        int a = s.customerId(0).equals("a") ? 0 : s.customerId(1).equals("a") ? 1 : 2;
        assertEquals(10, rfm[0][a], 1e-12);
        assertEquals(3, rfm[1][a], 0.0);
        assertEquals(60, rfm[2][a], 1e-12);
        List<RfmScore> scores = RfmSegmenter.fit(s).scoreAll(s);
        assertEquals(3, scores.size());
        // three customers: cut points at ranks ceil(0.6)=1, ceil(1.2)=2, ceil(1.8)=2, ceil(2.4)=3;
        // a has the lowest recency (10 days, exceeds no cut point) -> R = 5
        assertEquals(5, scores.get(a).recency());
    }
}
