package io.github.churnkit.examples.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessKpisTest {

    @Test
    void twoProportion_handExample_matchesHandCalculation() {
        // 40 of 200 churn with the offer, 60 of 200 without: p1 = 0.2, p0 = 0.3, d = -0.1
        // Wald se = sqrt(0.2*0.8/200 + 0.3*0.7/200) = sqrt(0.00185) = 0.0430116; half-width 1.95996 se = 0.0843012
        // pooled p = 0.25, se0 = sqrt(0.25*0.75*(1/200+1/200)) = 0.0433013, z = -0.1/0.0433013 = -2.309401
        // p-value = 2 Phi(-2.309401) = 0.020921 (normal table / R: 2*pnorm(-2.309401))
        BusinessKpis.PromotionEffect e = BusinessKpis.twoProportion(new BusinessKpis.GroupRate("offer", 200, 40),
                new BusinessKpis.GroupRate("no offer", 200, 60));
        assertEquals(-0.1, e.difference(), 1e-12);
        assertEquals(-0.1 - 0.0843012, e.lower(), 1e-6);
        assertEquals(-0.1 + 0.0843012, e.upper(), 1e-6);
        assertEquals(-2.309401, e.z(), 1e-6);
        assertEquals(0.020921, e.pValue(), 1e-6);
    }

    @Test
    void twoProportion_emptyArm_null() {
        assertNull(BusinessKpis.twoProportion(new BusinessKpis.GroupRate("offer", 0, 0),
                new BusinessKpis.GroupRate("no offer", 10, 2)));
    }

    @Test
    void compute_smallTable_groupsRevenueAndTop() {
        CustomerTable t = CustomerTable.of(List.of(
                CategoricalColumn.of("id", "a", "b", "c", "d"),
                CategoricalColumn.of("plan", "Basic", "Premium", "Basic", "Premium"),
                NumericColumn.of("tenure_months", new double[] {3, 30, 13, 60}),
                NumericColumn.of("monthly_fee", new double[] {10, 20, 10, 20}),
                NumericColumn.of("satisfaction", new double[] {4, Double.NaN, 8, 6}),
                NumericColumn.ofBoolean("promo_offer", new double[] {1, 0, 0, 1})));
        BusinessKpis.Kpis k = BusinessKpis.compute(t, new int[] {1, 0, 1, -1},
                new BusinessKpis.Columns("id", "plan", "region", null, "tenure_months", "monthly_fee", "satisfaction",
                        "promo_offer", null, null));
        assertEquals(3, k.customers()); // the unlabelled row d is left out of churn KPIs
        assertEquals(2, k.churned());
        assertEquals(List.of(new BusinessKpis.GroupRate("Basic", 2, 2), new BusinessKpis.GroupRate("Premium", 1, 0)),
                k.churnBy().get("plan"));
        // tenure bands in tenure order: 3 -> 0-6, 13 -> 13-24, 30 -> 25-48
        assertEquals(List.of("0-6 months", "13-24 months", "25-48 months"),
                k.churnBy().get("tenure band").stream().map(BusinessKpis.GroupRate::group).toList());
        // revenue to date = fee x tenure: Basic 30 + 130, Premium 600 + 1200
        assertEquals(160.0, k.revenueBy().get("plan").get("Basic"), 1e-9);
        assertEquals(1800.0, k.revenueBy().get("plan").get("Premium"), 1e-9);
        assertEquals("d", k.topCustomers().get(0).id());
        assertEquals(6.0, k.meanSatisfaction(), 1e-12); // (4 + 8 + 6) / 3, NaN skipped
        assertEquals(1, k.promotion().withOffer().customers()); // row d has no label
        assertEquals(2, k.promotion().withoutOffer().customers());
        assertTrue(Double.isNaN(k.nps()) && Double.isNaN(k.csat()), "no survey columns");
    }

    @Test
    void nps_handExample_promotersMinusDetractors() {
        // answers 10, 9, 8, 7, 6, 0 and one missing: 2 promoters, 2 detractors of 6 answers -> 0;
        // 10, 10, 9, 3: 3 promoters, 1 detractor of 4 -> 100 x 2 / 4 = 50
        assertEquals(0.0, BusinessKpis.nps(new double[] {10, 9, 8, 7, 6, 0, Double.NaN}), 1e-12);
        assertEquals(50.0, BusinessKpis.nps(new double[] {10, 10, 9, 3}), 1e-12);
    }

    @Test
    void csat_handExample_shareOfFoursAndFives() {
        // 5, 4, 3, 1 -> 2 of 4 satisfied = 50%; NaN skipped
        assertEquals(50.0, BusinessKpis.csat(new double[] {5, 4, 3, 1, Double.NaN}), 1e-12);
        assertTrue(Double.isNaN(BusinessKpis.csat(new double[] {Double.NaN})));
    }
}
