package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentProfilerTest {

    /**
     * Six customers, segments 0 0 0 1 1 1:
     * tenure 60 50 40 | 2 4 NaN, plan Premium Premium Basic | Basic Basic Basic,
     * churned 0 0 0 | 1 1 0, revenue 100 80 60 | 20 20 20.
     */
    private static CustomerTable table() {
        Schema schema = Schema.builder()
                .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("plan", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                .add("churned", ColumnRole.TARGET, ColumnType.BOOLEAN)
                .add("revenue", ColumnRole.IGNORED, ColumnType.NUMERIC)
                .build();
        return CustomerTable.of(schema, List.of(
                NumericColumn.of("tenure", new double[] {60, 50, 40, 2, 4, Double.NaN}),
                CategoricalColumn.of("plan", "Premium", "Premium", "Basic", "Basic", "Basic", "Basic"),
                NumericColumn.ofBoolean("churned", new double[] {0, 0, 0, 1, 1, 0}),
                NumericColumn.of("revenue", new double[] {100, 80, 60, 20, 20, 20})));
    }

    private static final int[] SEGMENTS = {0, 0, 0, 1, 1, 1};

    @Test
    void profile_handExample_sizesMeansMediansLifts() {
        List<SegmentProfile> p = SegmentProfiler.of(table(), SEGMENTS).withRevenueColumn("revenue").profile();
        assertEquals(2, p.size());
        SegmentProfile long0 = p.get(0);
        assertEquals(0, long0.id());
        assertEquals(3, long0.size());
        assertEquals(0.5, long0.share(), 0.0);
        NumericTrait tenure = long0.numeric("tenure");
        // segment 0: mean (60+50+40)/3 = 50, median 50; base (NaN left out): mean 156/5 = 31.2,
        // median of 2 4 40 50 60 = 40; population sd: deviations 28.8 18.8 8.8 -29.2 -27.2,
        // squares 829.44 353.44 77.44 852.64 739.84 sum 2852.8 / 5 = 570.56, sd 23.886...
        assertEquals(50, tenure.mean(), 1e-12);
        assertEquals(50, tenure.median(), 1e-12);
        assertEquals(31.2, tenure.baseMean(), 1e-12);
        assertEquals(40, tenure.baseMedian(), 1e-12);
        assertEquals((50 - 31.2) / Math.sqrt(570.56), tenure.effect(), 1e-12);
        // segment 1: tenure 2 and 4 (NaN left out): mean 3, median 3
        assertEquals(3, p.get(1).numeric("tenure").median(), 1e-12);
        // plan: base Premium 2/6, Basic 4/6; segment 0 Premium 2/3 -> lift 2, Basic 1/3 -> lift 0.5
        LevelLift premium = long0.overRepresented().get(0);
        assertEquals("Premium", premium.level());
        assertEquals(2.0, premium.lift(), 1e-12);
        assertEquals(0.5, long0.underRepresented().get(0).lift(), 1e-12);
        // churn 0/3 and 2/3; revenue means 80 and 20, shares 240/300 and 60/300
        assertEquals(0.0, long0.churnRate(), 0.0);
        assertEquals(2.0 / 3.0, p.get(1).churnRate(), 1e-15);
        assertEquals(80, long0.meanRevenue(), 1e-12);
        assertEquals(0.8, long0.revenueShare(), 1e-12);
        assertEquals(0.2, p.get(1).revenueShare(), 1e-12);
        assertTrue(Double.isNaN(long0.meanChurnProbability()));
        assertTrue(Double.isNaN(long0.meanClv()));
    }

    @Test
    void profile_names_fromDistinctiveTraits() {
        List<SegmentProfile> p = SegmentProfiler.of(table(), SEGMENTS).profile();
        // segment 0: tenure effect +0.79 sd, Premium share 2/3 vs 1/3: (2/3-1/3)/sqrt(2/9) = +0.71
        assertEquals("long tenure · Premium", p.get(0).name());
        // segment 1: tenure effect (3 - 31.2)/23.89 = -1.18; Basic share 1 vs 2/3: +0.71
        assertEquals("short tenure · Basic", p.get(1).name());
    }

    @Test
    void profile_probabilitiesAndClv_averagedPerSegment() {
        List<SegmentProfile> p = SegmentProfiler.of(table(), SEGMENTS)
                .withChurnProbabilities(new double[] {0.1, 0.2, 0.3, 0.7, 0.8, Double.NaN})
                .withClv(new double[] {900, 800, 700, 50, 60, 70})
                .profile();
        assertEquals(0.2, p.get(0).meanChurnProbability(), 1e-12);
        assertEquals(0.75, p.get(1).meanChurnProbability(), 1e-12);
        assertEquals(800, p.get(0).meanClv(), 1e-12);
        assertEquals(60, p.get(1).meanClv(), 1e-12);
    }

    @Test
    void profile_noDistinctiveTrait_typicalAndUniqueNames() {
        CustomerTable t = CustomerTable.of(List.of(NumericColumn.of("x", new double[] {1, 2, 1, 2})));
        List<SegmentProfile> p = SegmentProfiler.of(t, new int[] {0, 0, 1, 1}).profile();
        assertEquals("Typical customers", p.get(0).name());
        assertEquals("Typical customers #1", p.get(1).name());
    }

    @Test
    void of_wrongLength_throws() {
        assertThrows(IllegalArgumentException.class, () -> SegmentProfiler.of(table(), new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentProfiler.of(table(), SEGMENTS).withClv(new double[] {1}));
    }

    @Test
    void humanize_camelAndSnakeCase() {
        assertEquals("monthly charges", SegmentNamer.humanize("MonthlyCharges"));
        assertEquals("senior citizen", SegmentNamer.humanize("senior_citizen"));
    }
}
