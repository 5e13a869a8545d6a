package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.testing.SharedData;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Segments the real Telco file (7,043 customers, 1,869 churners per shared/data/SOURCES.md). */
class TelcoSegmentsTest {

    private static SegmentModel model;

    @BeforeAll
    static void fit() {
        QuietTribuo.install();
        CustomerTable telco = CsvIngest.withDefaults().read(SharedData.telco()).table();
        model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
                        .withColumns(List.of("tenure", "MonthlyCharges", "Contract", "InternetService"))
                        .withKRange(2, 6).withRestarts(3))
                .fit(telco);
    }

    @Test
    void profiles_churnRatesAddUpToTheFileTotal() {
        double churners = 0;
        int rows = 0;
        for (SegmentProfile p : model.profiles()) {
            churners += p.churnRate() * p.size();
            rows += p.size();
        }
        assertEquals(7043, rows);
        assertEquals(1869, churners, 1e-6);
    }

    @Test
    void segments_differInChurnRate() {
        List<SegmentProfile> profiles = model.profiles();
        long[][] counts = new long[profiles.size()][2];
        for (int s = 0; s < profiles.size(); s++) {
            long churned = Math.round(profiles.get(s).churnRate() * profiles.get(s).size());
            counts[s][0] = churned;
            counts[s][1] = profiles.get(s).size() - churned;
        }
        double p = new ChiSquareTest().chiSquareTest(counts);
        assertTrue(p < 1e-6, "p = " + p);
    }

    /**
     * Counted from the file (Python csv module, by hand): month-to-month customers churn at
     * 1655/3875 = 42.7%, one-year 166/1473 = 11.3%, two-year 48/1695 = 2.8%, against 26.5% overall,
     * so the highest-churn segment is expected to lean on month-to-month contracts and the
     * lowest-churn segment not to.
     */
    @Test
    void highestChurnSegment_overRepresentsMonthToMonthContracts() {
        SegmentProfile worst = model.profiles().stream().max(Comparator.comparingDouble(SegmentProfile::churnRate))
                .orElseThrow();
        SegmentProfile best = model.profiles().stream().min(Comparator.comparingDouble(SegmentProfile::churnRate))
                .orElseThrow();
        assertTrue(worst.overRepresented().stream()
                .anyMatch(l -> l.column().equals("Contract") && l.level().equals("Month-to-month")), worst.toString());
        assertTrue(best.overRepresented().stream().noneMatch(l -> l.level().equals("Month-to-month")), best.toString());
    }
}
