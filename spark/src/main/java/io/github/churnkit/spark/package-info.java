/**
 * Apache Spark integration: customer summaries of transaction tables too large for one machine,
 * and batch scoring of customer tables with a churnkit model bundle.
 *
 * <h2>Customer summaries at scale</h2>
 * {@link io.github.churnkit.spark.SparkTransactionSummarizer} computes, with Spark SQL
 * aggregations, exactly the per-customer summary that core's
 * {@link io.github.churnkit.core.transactions.TransactionSummarizer} computes in memory:
 *
 * <pre>{@code
 * Dataset<Row> events = spark.read().parquet("/data/transactions");    // customer_id, date, amount
 * Dataset<Row> summaries = SparkTransactionSummarizer.of(
 *         TransactionSummarizer.Config.at(LocalDate.of(2025, 12, 31)).withHoldoutDays(90),
 *         SparkTransactionSummarizer.Columns.defaults())
 *     .summarize(events);
 * summaries.write().parquet("/data/summaries");                       // one row per customer
 *
 * // BG/NBD needs only (x, t_x, T): customers with the same triple collapse into one weighted row
 * for (Row r : SparkTransactionSummarizer.collapse(summaries).collectAsList()) {
 *     rfm.add(r.getInt(0), r.getDouble(1), r.getDouble(2), r.getLong(3)); // e.g. churnkit-models' RfmData.Builder
 * }
 * }</pre>
 *
 * A billion events become a few thousand weighted triples, and the maximum-likelihood fit then runs
 * on the driver in milliseconds.
 *
 * <h2>Batch scoring</h2>
 * {@link io.github.churnkit.spark.SparkCustomerScorer} adds churn probability, risk band, segment,
 * expected CLV with its confidence interval (NaN bounds when the bundle has none) and the top
 * reasons to every row, with exactly the in-process scorer's answers:
 *
 * <pre>{@code
 * try (SparkCustomerScorer scorer = SparkCustomerScorer.of(spark, Path.of("churn.ckb"),
 *         SparkCustomerScorer.Options.defaults())) {
 *     scorer.score(spark.read().parquet("/data/customers"))   // columns matched by name, checked now
 *           .write().parquet("/data/scored");
 * }
 * }</pre>
 *
 * The bundle's bytes are broadcast once and decoded once per executor JVM; each partition is scored
 * in chunks of 1,024 rows by one reusable chunk scorer (without reasons, through the in-process
 * scorer's allocation-free batch path). Each reason is a struct {@code (column, value, contribution,
 * direction)}, as churnkit's {@code ScoreReason}.
 *
 * <h2>Running the tests</h2>
 * Spark 4 runs on Java 17 and 21 only; the module's tests fork such a JVM (see the module's pom).
 */
package io.github.churnkit.spark;
