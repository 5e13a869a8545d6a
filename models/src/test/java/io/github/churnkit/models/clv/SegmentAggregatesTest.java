package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentAggregatesTest {

    @Test
    void of_smallExample_groupsByHand() {
        String[] seg = {"gold", "basic", "gold", "basic", "basic", "new"};
        double[] clv = {100, 10, 300, 20, Double.NaN, 5};
        List<SegmentAggregates.Row> rows = SegmentAggregates.of(seg, clv);
        // totals: gold 400, basic 30, new 5; grand total 435
        assertEquals(List.of("gold", "basic", "new"), rows.stream().map(SegmentAggregates.Row::segment).toList());
        SegmentAggregates.Row gold = rows.get(0);
        assertEquals(2, gold.customers());
        assertEquals(200.0, gold.mean());
        assertEquals(100.0, gold.min());
        assertEquals(300.0, gold.max());
        assertEquals(400.0 / 435, gold.shareOfTotal(), 1e-15);
        SegmentAggregates.Row basic = rows.get(1);
        assertEquals(2, basic.customers());
        assertEquals(1, basic.missing());
        assertEquals(15.0, basic.mean());
    }

    @Test
    void of_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> SegmentAggregates.of(new String[] {"a"}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SegmentAggregates.of(new String[] {null}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentAggregates.of(new String[] {"a"}, new double[] {Double.POSITIVE_INFINITY}));
    }
}
