/**
 * Assigning customers to segments at scoring time, without the training libraries.
 *
 * <p>A k-means segment model trained in {@code churnkit-models} (package
 * {@code io.github.churnkit.models.segment}) exports a {@link
 * io.github.churnkit.scoring.segment.SegmentAssigner}: the scaler (mean and inverse standard
 * deviation per encoded feature) and one centroid per segment, in flat {@code double[]} arrays.
 * Assignment is a nearest-centroid search that allocates nothing:
 *
 * <pre>{@code
 * SegmentAssigner assigner = segmentModel.toRuntime();
 * double[] customer = new double[assigner.featureCount()];   // reuse per thread
 * segmentModel.encode(table, row, customer);                 // or fill it from your own record
 * int segmentId = assigner.assign(customer);                 // stable across retrains
 * }</pre>
 *
 * <p>Segment ids are the stable ids of the model (kept across retrains by matching centroids),
 * not positions; {@link io.github.churnkit.scoring.segment.SegmentAssigner#nearest(double[])}
 * gives the position when that is what a caller needs. The builder lets a model-file reader
 * rebuild an assigner from plain numbers.
 */
package io.github.churnkit.scoring.segment;
