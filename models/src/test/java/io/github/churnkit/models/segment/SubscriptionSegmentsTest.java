package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the synthetic subscription base, whose hidden customer types are documented in
 * {@link SubscriptionGenerator}: family (3-5 profiles, mostly Premium, Smart TV, 18 base watch
 * hours, tenure mean 26), mobile-casual (age 26, Basic, mobile), cinephile, occasional (age
 * N(60, 8) against a base mean near 38, 4 base hours, most support queries).
 */
class SubscriptionSegmentsTest {

    private static CustomerTable table;
    private static SegmentModel model;

    @BeforeAll
    static void fit() {
        QuietTribuo.install();
        table = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(3000).withSeed(3))
                .generate();
        model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
                        .withColumns(List.of("plan", "device", "profiles", "age", "weekly_watch_hours",
                                "tenure_months", "support_queries"))
                        .withMissing(KMeansSegmenter.MissingValues.IMPUTE_MEAN) // 1% of ages are missing
                        .withKRange(2, 6))
                .fit(table);
    }

    /** The fitted segment holding most customers of the hidden type {@code type}. */
    private static SegmentProfile dominantSegmentOf(String type) {
        CategoricalColumn latent = table.categorical("segment");
        int code = latent.codeOf(type);
        int[] seg = model.assign(table);
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < seg.length; i++) {
            if (latent.code(i) == code) {
                counts.merge(seg[i], 1, Integer::sum);
            }
        }
        int best = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        return model.profile(best);
    }

    @Test
    void segments_differInChurnRate() {
        List<SegmentProfile> profiles = model.profiles();
        long[][] counts = new long[profiles.size()][2];
        for (int s = 0; s < profiles.size(); s++) {
            SegmentProfile p = profiles.get(s);
            long churned = Math.round(p.churnRate() * p.size());
            counts[s][0] = churned;
            counts[s][1] = p.size() - churned;
        }
        // chi-square test of independence of segment and churn: the generator's churn logit depends
        // on profiles, watch hours, tenure and support queries, which all differ by customer type
        double p = new ChiSquareTest().chiSquareTest(counts);
        assertTrue(p < 1e-6, "p = " + p);
    }

    @Test
    void profiles_nameTheBuiltInTraits() {
        SegmentProfile occasional = dominantSegmentOf("occasional");
        assertTrue(occasional.name().contains("older"), occasional.name());
        assertTrue(occasional.numeric("age").mean() > 50, "mean age " + occasional.numeric("age").mean());
        SegmentProfile family = dominantSegmentOf("family");
        assertTrue(family.name().contains("high profiles"), family.name());
        assertTrue(family.overRepresented().stream().anyMatch(l -> l.level().equals("Premium")),
                family.overRepresented().toString());
    }

    @Test
    void segments_occasionalViewersChurnMoreThanFamilies() {
        // families have 3+ profiles (-0.5 on the logit), ~4x the watch hours (-0.04 per hour) and
        // longer tenure; occasional viewers have more support queries (+0.3 each) and lower
        // satisfaction: every term of the documented logit favours families staying
        assertTrue(dominantSegmentOf("occasional").churnRate() > dominantSegmentOf("family").churnRate());
    }

    @Test
    void fit_subscriptionBase_reportsEveryK() {
        assertEquals(List.of(2, 3, 4, 5, 6), model.selection().scores().stream().map(KScore::k).toList());
    }
}
