package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.scoring.segment.SegmentAssigner;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentModelTest {

    private static CustomerTable table;
    private static SegmentModel model;

    /** Light users on Basic (hours 1-4) and heavy users on Premium (hours 21-24), 4 rows each. */
    @BeforeAll
    static void fit() {
        QuietTribuo.install();
        table = CustomerTable.of(List.of(
                NumericColumn.of("hours", new double[] {1, 2, 3, 4, 21, 22, 23, 24}),
                CategoricalColumn.of("plan", "Basic", "Basic", "Basic", "Basic",
                        "Premium", "Premium", "Premium", "Premium")));
        model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(2)).fit(table);
    }

    @Test
    void centroid_originalUnits_meanAndLevelShares() {
        int light = model.assign(table)[0];
        int heavy = model.assign(table)[7];
        // means of 1..4 and 21..24; the plan indicators are pure within each group
        assertArrayEquals(new double[] {2.5, 1, 0}, model.centroid(light), 1e-9);
        assertArrayEquals(new double[] {22.5, 0, 1}, model.centroid(heavy), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> model.centroid(99));
    }

    @Test
    void encode_thenRuntime_matchesAssign() {
        SegmentAssigner runtime = model.toRuntime();
        double[] row = new double[runtime.featureCount()];
        int[] assigned = model.assign(table);
        for (int i = 0; i < table.rowCount(); i++) {
            model.encode(table, i, row);
            assertEquals(assigned[i], runtime.assign(row));
        }
        assertThrows(IllegalArgumentException.class, () -> model.encode(table, 0, new double[1]));
    }

    @Test
    void profiles_andNames_describeTheTwoGroups() {
        assertEquals(2, model.profiles().size());
        int heavy = model.assign(table)[7];
        assertTrue(model.profile(heavy).name().contains("high hours"), model.profile(heavy).name());
        assertTrue(model.profile(heavy).name().contains("Premium"), model.profile(heavy).name());
        assertEquals(model.segmentNames().get(model.segmentIds().indexOf(heavy)), model.profile(heavy).name());
        assertThrows(IllegalArgumentException.class, () -> model.profile(42));
    }

    @Test
    void profiler_newTable_usesModelAssignments() {
        CustomerTable later = CustomerTable.of(List.of(
                NumericColumn.of("hours", new double[] {2, 23}),
                CategoricalColumn.of("plan", "Basic", "Premium")));
        List<SegmentProfile> p = model.profiler(later).profile();
        assertEquals(2, p.size());
        assertEquals(1, p.get(0).size());
    }

    @Test
    void accessors_describeTheFit() {
        assertEquals(List.of("hours", "plan"), model.columns());
        assertEquals(8, model.trainingRows());
        assertEquals(2, model.selection().chosenK());
        assertTrue(model.toString().contains("2 segments"));
        assertTrue(model.alignment().isEmpty());
    }
}
