package io.github.churnkit.core.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.CustomerTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TransactionSummarizerTest {

    private static final LocalDate CUTOFF = LocalDate.of(2024, 3, 31);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2024, 4, 30);

    /**
     * Hand-worked example (2024 is a leap year: Jan 1 to Mar 31 is 31 + 29 + 30 = 90 days).
     * Rows are added out of order on purpose.
     * <pre>
     * A: Jan 1 10 + Jan 1 5 (one day, 15) | Jan 11 20 | Jan 31 30 + Jan 31 10 (one day, 40)
     *    holdout: Apr 5 7 + Apr 5 1 (one day) | Apr 20 3 ; after the holdout: Jun 1 99 (ignored)
     *    x = 2 (Jan 11, Jan 31), t_x = 30 days, T = 90 days, monetary = (20 + 40) / 2 = 30,
     *    total = 15 + 20 + 40 = 75, holdout purchases = 2, holdout spend = 11
     * B: Mar 31 12.5 only -> x = 0, t_x = 0, T = 0, monetary NaN, total 12.5
     * C: first purchase Apr 2 (after the cut-off) -> excluded, counted
     * D: Feb 15 8 | Mar 31 4 (on the cut-off) -> x = 1, t_x = T = 14 + 31 = 45 days, monetary 4, total 12
     * </pre>
     */
    private static TransactionLog handLog() {
        return TransactionLog.builder()
                .add("A", LocalDate.of(2024, 1, 31), 30.0)
                .add("B", LocalDate.of(2024, 3, 31), 12.5)
                .add("A", LocalDate.of(2024, 1, 1), 10.0)
                .add("C", LocalDate.of(2024, 4, 2), 50.0)
                .add("A", LocalDate.of(2024, 4, 20), 3.0)
                .add("A", LocalDate.of(2024, 1, 11), 20.0)
                .add("D", LocalDate.of(2024, 3, 31), 4.0)
                .add("A", LocalDate.of(2024, 6, 1), 99.0)
                .add("A", LocalDate.of(2024, 4, 5), 7.0)
                .add("A", LocalDate.of(2024, 1, 1), 5.0)
                .add("D", LocalDate.of(2024, 2, 15), 8.0)
                .add("A", LocalDate.of(2024, 4, 5), 1.0)
                .add("A", LocalDate.of(2024, 1, 31), 10.0)
                .build();
    }

    @Test
    void summarize_handExampleInDays_matchesHandCalculation() {
        CustomerSummaries s = TransactionSummarizer.of(
                new TransactionSummarizer.Config(CUTOFF, HOLDOUT_END, PeriodUnit.DAYS)).summarize(handLog());
        assertEquals(3, s.size());
        assertEquals(1, s.excludedAfterCutoff());
        assertEquals("A", s.customerId(0));
        assertEquals(LocalDate.of(2024, 1, 1), s.firstPurchase(0));
        assertEquals(2, s.frequency(0));
        assertEquals(30.0, s.recency(0));
        assertEquals(90.0, s.age(0));
        assertEquals(30.0, s.monetary(0), 1e-12);
        assertEquals(75.0, s.totalSpend(0), 1e-12);
        assertEquals(2, s.holdoutPurchases(0));
        assertEquals(11.0, s.holdoutSpend(0), 1e-12);

        assertEquals("B", s.customerId(1));
        assertEquals(0, s.frequency(1));
        assertEquals(0.0, s.recency(1));
        assertEquals(0.0, s.age(1));
        assertTrue(Double.isNaN(s.monetary(1)), "monetary is NaN without repeat purchases");
        assertEquals(12.5, s.totalSpend(1));
        assertEquals(0, s.holdoutPurchases(1));

        assertEquals("D", s.customerId(2));
        assertEquals(1, s.frequency(2));
        assertEquals(45.0, s.recency(2));
        assertEquals(45.0, s.age(2));
        assertEquals(4.0, s.monetary(2));
        assertEquals(12.0, s.totalSpend(2));
    }

    /** Same example in weeks: every span divided by 7 (A: t_x = 30/7, T = 90/7; D: 45/7). */
    @Test
    void summarize_handExampleInWeeks_dividesSpansBySeven() {
        CustomerSummaries s = TransactionSummarizer.of(
                new TransactionSummarizer.Config(CUTOFF, HOLDOUT_END, PeriodUnit.WEEKS)).summarize(handLog());
        assertEquals(30.0 / 7, s.recency(0), 1e-12);
        assertEquals(90.0 / 7, s.age(0), 1e-12);
        assertEquals(45.0 / 7, s.recency(2), 1e-12);
        assertEquals(2, s.frequency(0), "frequency counts days, whatever the unit");
    }

    /** Three purchases on one day and nothing else: one purchase, x = 0, total = their sum. */
    @Test
    void summarize_sameDayPurchases_mergedIntoOne() {
        LocalDate d = LocalDate.of(2024, 2, 1);
        TransactionLog log = TransactionLog.builder().add("A", d, 1).add("A", d, 2).add("A", d, 3)
                .add("A", d.plusDays(1), 4).add("A", d.plusDays(1), 6).build();
        CustomerSummaries s = TransactionSummarizer.of(TransactionSummarizer.Config.at(CUTOFF)
                .withUnit(PeriodUnit.DAYS)).summarize(log);
        assertEquals(1, s.frequency(0));
        assertEquals(1.0, s.recency(0));
        assertEquals(10.0, s.monetary(0), "repeat day amounts are summed: 4 + 6");
        assertEquals(16.0, s.totalSpend(0));
    }

    /** Without holdout (holdout end = cut-off), holdout counts are 0 even with later purchases. */
    @Test
    void summarize_noHoldout_holdoutCountsZero() {
        CustomerSummaries s = TransactionSummarizer.of(TransactionSummarizer.Config.at(CUTOFF)).summarize(handLog());
        assertEquals(0, s.holdoutPurchases(0));
        assertEquals(0.0, s.holdoutSpend(0));
        assertEquals(2, s.frequency(0));
    }

    /** Adding transactions after the cut-off (old and new customers) leaves the calibration summaries unchanged. */
    @Test
    void summarize_transactionsAfterCutoff_doNotLeak() {
        TransactionLog base = randomLog(400, 7);
        TransactionLog.Builder b = TransactionLog.builder();
        SplittableRandom rng = new SplittableRandom(8);
        int cutoffDay = (int) CUTOFF.toEpochDay();
        base.customerIds().forEach(b::customer); // same customer numbering as the base log
        for (int i = 0; i < base.size(); i++) {
            b.add(base.customerId(base.customerIndex(i)), base.date(i), base.amount(i));
            if (rng.nextInt(3) == 0) { // interleave a late purchase by an existing customer
                b.add(b.customer(base.customerId(base.customerIndex(i))), cutoffDay + 1 + rng.nextInt(200), 1000.0);
            }
        }
        for (int j = 0; j < 50; j++) {
            b.add("late-" + j, CUTOFF.plusDays(1 + j), 5.0);
        }
        TransactionLog extended = b.build();
        TransactionSummarizer sum = TransactionSummarizer.of(TransactionSummarizer.Config.at(CUTOFF));
        CustomerSummaries s0 = sum.summarize(base);
        CustomerSummaries s1 = sum.summarize(extended);
        assertEquals(s0.size(), s1.size());
        assertEquals(s0.excludedAfterCutoff() + 50, s1.excludedAfterCutoff());
        for (int i = 0; i < s0.size(); i++) {
            assertEquals(s0.customerId(i), s1.customerId(i));
            assertEquals(s0.frequency(i), s1.frequency(i));
            assertEquals(s0.recency(i), s1.recency(i));
            assertEquals(s0.age(i), s1.age(i));
            assertEquals(s0.monetary(i), s1.monetary(i));
            assertEquals(s0.totalSpend(i), s1.totalSpend(i));
        }
    }

    /** Against a naive reference (TreeMap of day sums per customer) on a random log with many same-day repeats. */
    @Test
    void summarize_randomLog_agreesWithNaiveReference() {
        TransactionLog log = randomLog(300, 11);
        LocalDate cutoff = CUTOFF.minusDays(30);
        TransactionSummarizer.Config cfg = new TransactionSummarizer.Config(cutoff, CUTOFF, PeriodUnit.WEEKS);
        CustomerSummaries s = TransactionSummarizer.of(cfg).summarize(log);
        Map<String, TreeMap<Long, Double>> days = new TreeMap<>();
        for (int i = 0; i < log.size(); i++) {
            days.computeIfAbsent(log.customerId(log.customerIndex(i)), k -> new TreeMap<>())
                    .merge((long) log.epochDay(i), log.amount(i), Double::sum);
        }
        int included = 0;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String id = s.customerId(i);
            seen.add(id);
            TreeMap<Long, Double> cal = new TreeMap<>(days.get(id).headMap(cutoff.toEpochDay(), true));
            long first = cal.firstKey();
            int x = cal.size() - 1;
            assertEquals(x, s.frequency(i), id);
            assertEquals((cal.lastKey() - first) / 7.0, s.recency(i), 1e-12, id);
            assertEquals((cutoff.toEpochDay() - first) / 7.0, s.age(i), 1e-12, id);
            double repeat = cal.values().stream().mapToDouble(Double::doubleValue).sum() - cal.firstEntry().getValue();
            assertEquals(x == 0 ? Double.NaN : repeat / x, s.monetary(i), 1e-9, id);
            int hold = days.get(id).subMap(cutoff.toEpochDay(), false, CUTOFF.toEpochDay(), true).size();
            assertEquals(hold, s.holdoutPurchases(i), id);
            included++;
        }
        long expectedIncluded = days.values().stream().filter(m -> m.firstKey() <= cutoff.toEpochDay()).count();
        assertEquals(expectedIncluded, included);
        assertEquals(days.size() - expectedIncluded, s.excludedAfterCutoff());
    }

    @Test
    void toTable_roles_holdoutIgnoredAndIdIsId() {
        CustomerTable t = TransactionSummarizer.of(
                new TransactionSummarizer.Config(CUTOFF, HOLDOUT_END, PeriodUnit.DAYS)).summarize(handLog()).toTable();
        assertEquals(3, t.rowCount());
        assertEquals(ColumnRole.ID, t.schema().column(CustomerSummaries.ID).role());
        assertEquals(ColumnRole.IGNORED, t.schema().column(CustomerSummaries.HOLDOUT_PURCHASES).role());
        assertEquals(2.0, t.numeric(CustomerSummaries.FREQUENCY).get(0));
        assertEquals(2.0, t.numeric(CustomerSummaries.HOLDOUT_PURCHASES).get(0));
        assertTrue(t.numeric(CustomerSummaries.MONETARY).isMissing(1));
        assertEquals("2024-01-01", t.date(CustomerSummaries.FIRST_PURCHASE).format(0));
    }

    @Test
    void summarize_emptyLog_emptySummaries() {
        CustomerSummaries s = TransactionSummarizer.of(TransactionSummarizer.Config.at(CUTOFF))
                .summarize(TransactionLog.builder().build());
        assertEquals(0, s.size());
        assertEquals(0, s.toTable().rowCount());
    }

    @Test
    void config_holdoutBeforeCutoff_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new TransactionSummarizer.Config(CUTOFF, CUTOFF.minusDays(1), PeriodUnit.DAYS));
        assertThrows(IllegalArgumentException.class, () -> TransactionSummarizer.Config.at(CUTOFF).withHoldoutDays(-1));
    }

    /** Random customers with purchases on few distinct days (so same-day repeats are common), some after the cut-off. */
    static TransactionLog randomLog(int customers, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TransactionLog.Builder b = TransactionLog.builder();
        long start = CUTOFF.minusDays(200).toEpochDay();
        for (int c = 0; c < customers; c++) {
            b.customer("K" + c);
        }
        for (int i = 0; i < customers * 6; i++) {
            int c = rng.nextInt(customers);
            b.add(c, (int) (start + rng.nextInt(25) * 9L), Math.round(rng.nextDouble() * 10000) / 100.0);
        }
        return b.build();
    }
}
