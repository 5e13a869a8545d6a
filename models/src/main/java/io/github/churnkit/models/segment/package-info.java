/**
 * Customer segmentation: k-means segments with the number of segments chosen from the data,
 * profiles people can act on, ids that keep their meaning across retrains, and RFM segments.
 *
 * <h2>K-means segments</h2>
 *
 * {@link io.github.churnkit.models.segment.KMeansSegmenter} standardises the clustering columns
 * (numeric ones to mean 0 and standard deviation 1, categorical ones to scaled 0/1 indicators), runs
 * Tribuo's k-means with k-means++ seeding and several seeded restarts for every k in a range, and
 * keeps the k with the best mean silhouette (or Calinski-Harabasz index):
 *
 * <pre>{@code
 * SegmentModel model = KMeansSegmenter.of(KMeansSegmenter.Config.defaults()
 *                 .withColumns(List.of("tenure", "MonthlyCharges", "Contract", "InternetService"))
 *                 .withKRange(2, 8))
 *         .fit(customers);
 * log.info("k table:\n{}", model.selection().toTable());   // inertia, silhouette, CH for every k
 * for (SegmentProfile p : model.profiles()) {
 *     log.info("{} {} {}% of customers, churn {}", p.id(), p.name(), 100 * p.share(), p.churnRate());
 * }
 * }</pre>
 *
 * <p>Tribuo logs every k-means iteration at INFO through {@code java.util.logging}; a fit over
 * k = 2..10 with 5 restarts writes thousands of lines. Applications that do not want them raise the
 * level once: {@code Logger.getLogger("org.tribuo").setLevel(Level.WARNING)} (keep a reference to
 * the logger). Progress is better followed with a {@link io.github.churnkit.models.segment.FitListener}.
 *
 * <h2>Profiles</h2>
 *
 * A {@link io.github.churnkit.models.segment.SegmentProfile} gives a segment's size and share, the
 * mean and median of each numeric column against the whole base, the most over- and
 * under-represented categorical levels (lift), churn rate, and, when supplied through
 * {@link io.github.churnkit.models.segment.SegmentProfiler}, the mean predicted churn probability,
 * revenue and CLV. Its name is generated from the most distinctive traits, such as
 * {@code "Premium · Smart TV · long tenure"}.
 *
 * <h2>Stable ids</h2>
 *
 * Fitting with {@code fit(table, previousModel)} matches the new centroids to the previous ones
 * (minimum-cost assignment on centroid distance) so that segment 3 still means the same customers
 * after next month's retrain; {@link io.github.churnkit.models.segment.SegmentAlignment} reports the
 * segments kept, added, merged and gone.
 *
 * <h2>Scoring</h2>
 *
 * {@link io.github.churnkit.models.segment.SegmentModel#toRuntime()} exports the scaler and the
 * centroids as a {@code io.github.churnkit.scoring.segment.SegmentAssigner}, which assigns a
 * customer without Tribuo and without allocating.
 *
 * <h2>RFM</h2>
 *
 * For transaction data, {@link io.github.churnkit.models.segment.RfmSegmenter} scores recency,
 * frequency and monetary value by quintiles and names the usual segments (Champions, Loyal,
 * Potential loyalists, New, At risk, Can't lose them, Hibernating, Lost) by the rules documented on
 * {@link io.github.churnkit.models.segment.RfmSegment}.
 *
 * <h2>Utilities</h2>
 *
 * {@link io.github.churnkit.models.segment.ClusterQuality} computes inertia, silhouette,
 * Calinski-Harabasz and the adjusted Rand index; {@link io.github.churnkit.models.segment.GaussianBlobs}
 * draws seeded data with known groups.
 */
package io.github.churnkit.models.segment;
