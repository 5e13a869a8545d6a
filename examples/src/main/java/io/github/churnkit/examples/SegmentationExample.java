package io.github.churnkit.examples;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.models.segment.ClusterQuality;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.models.segment.SegmentProfile;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Subscription segmentation: segment a synthetic streaming-service base on behaviour, print the
 * profiles, and measure how well the segments rediscover the generator's hidden customer types
 * (adjusted Rand index: 1 = identical grouping, 0 = chance).
 */
public final class SegmentationExample {

    private SegmentationExample() {
    }

    /** Runs the example on 10,000 customers. */
    public static void main(String[] args) {
        run(10_000, System.out);
    }

    /** Runs the example; returns the adjusted Rand index against the hidden types. */
    public static double run(int customers, PrintStream out) {
        CustomerTable table = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
                .withCustomers(customers).withSeed(7)).generate();

        // Four segments on what customers do and use, not on who they are.
        SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
                        .withColumns(List.of("weekly_watch_hours", "profiles", "device", "favourite_genre", "age"))
                        .withK(4)
                        .withMissing(KMeansSegmenter.MissingValues.IMPUTE_MEAN))
                .fit(table);
        int[] segment = model.assign(table);

        // Profiles: size, churn and what is over-represented in each segment.
        for (SegmentProfile p : model.profiler(table).withRevenueColumn("monthly_fee").profile()) {
            out.println(String.format(Locale.ROOT, "segment %d %-45s %5.1f%%  churn %5.1f%%  mean fee %.2f",
                    p.id(), p.name(), 100 * p.share(), 100 * p.churnRate(), p.meanRevenue()));
        }

        // The generator's hidden type of each customer (the IGNORED 'segment' column).
        CategoricalColumn truth = table.categorical("segment");
        double ari = ClusterQuality.adjustedRandIndex(segment, truth.toCodes());
        out.println(String.format(Locale.ROOT, "adjusted Rand index against the hidden types: %.3f", ari));
        return ari;
    }
}
