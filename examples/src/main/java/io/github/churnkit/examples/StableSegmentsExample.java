package io.github.churnkit.examples;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentAlignment;
import io.github.churnkit.models.segment.SegmentModel;
import java.io.PrintStream;
import java.util.List;

/**
 * Retraining with stable segment ids: segment this month's customers, then next month's, passing
 * the previous model so that each new segment keeps the id of the old segment it matches
 * (minimum-cost matching of centroids). Dashboards keyed by segment id keep their meaning.
 */
public final class StableSegmentsExample {

    private StableSegmentsExample() {
    }

    /** Runs the example on two monthly snapshots of 8,000 customers. */
    public static void main(String[] args) {
        run(8_000, System.out);
    }

    /** Runs the example; returns the alignment of the retrained model to the first. */
    public static SegmentAlignment run(int customers, PrintStream out) {
        KMeansSegmenter segmenter = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
                .withColumns(List.of("weekly_watch_hours", "profiles", "device", "age"))
                .withK(4)
                .withMissing(KMeansSegmenter.MissingValues.IMPUTE_MEAN));

        // Two snapshots: different customers (another seed) drawn from the same population.
        CustomerTable october = snapshot(customers, 1);
        CustomerTable november = snapshot(customers, 2);

        SegmentModel first = segmenter.fit(october);
        SegmentModel retrained = segmenter.fit(november, first);   // ids matched to 'first'
        SegmentAlignment alignment = retrained.alignment().orElseThrow();
        for (int id : retrained.segmentIds()) {
            out.println("segment " + id + ": before '" + (first.segmentIds().contains(id) ? first.profile(id).name() : "-")
                    + "', after '" + retrained.profile(id).name() + "'");
        }
        out.println("kept " + alignment.kept() + ", added " + alignment.added() + ", gone " + alignment.gone());
        return alignment;
    }

    private static CustomerTable snapshot(int customers, long seed) {
        return SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(customers).withSeed(seed))
                .generate();
    }
}
