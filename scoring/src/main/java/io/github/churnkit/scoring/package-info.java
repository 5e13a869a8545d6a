/**
 * Scoring customers in-process: {@link io.github.churnkit.scoring.CustomerScorer} loads a model
 * bundle once and answers, from many threads at once, with a
 * {@link io.github.churnkit.scoring.CustomerScore}: calibrated churn probability, risk band,
 * segment, expected CLV and the top reasons.
 *
 * <h2>Load once</h2>
 * <pre>{@code
 * CustomerScorer scorer = CustomerScorer.load(Path.of("churn.ckb"));
 * }</pre>
 * Loading checks the file (checksum, format version, every length and number) and then the
 * sections against each other (pipeline width against the churn model, segment encoder against the
 * centroids, CLV columns against the schema); a bad or inconsistent file is refused with a
 * {@link io.github.churnkit.scoring.bundle.BundleFormatException} before anything is scored. The
 * file holds data only, so loading it cannot run code. Bundles are written by
 * {@code io.github.churnkit.models.export.BundleExporter} in {@code churnkit-models}; this module
 * needs neither Smile nor Tribuo. Hot reload: wrap the scorer in a
 * {@link io.github.churnkit.scoring.bundle.Reloadable}.
 *
 * <h2>Score from a map</h2>
 * <pre>{@code
 * CustomerScore s = scorer.score(Map.of("tenure", 3, "Contract", "Month-to-month",
 *         "MonthlyCharges", 89.9), 3);                       // with the top 3 reasons
 * s.churnProbability(); s.riskBand(); s.segmentName(); s.clv(); s.reasons();
 * }</pre>
 * An absent key, a null or a NaN is missing and imputed as in training; an unseen category goes to
 * "other"; keys the bundle does not read are ignored. {@code scorer.withStrict(true)} throws an
 * {@link java.lang.IllegalArgumentException} naming the column and value instead.
 *
 * <h2>The hot path: bind your record type once</h2>
 * <pre>{@code
 * BoundScorer<Request> bound = scorer.<Request>binder()
 *         .number("tenure", Request::tenure)
 *         .number("MonthlyCharges", Request::monthlyCharges)
 *         .category("Contract", Request::contract)
 *         .bind();
 * double p = bound.probability(request);          // allocates nothing
 * CustomerScore s = bound.score(request);         // allocates only the result
 * ScoreBatch out = ScoreBatch.withCapacity(4096); // caller-owned, reused
 * bound.scoreBatch(requests, out);                // nothing allocated per row
 * String segment = scorer.segmentName(out.segmentIds()[0]);
 * }</pre>
 * Each thread keeps its own scratch buffers inside the scorer, so the hot path neither allocates
 * nor shares mutable state. Columns left unbound read as missing.
 *
 * <h2>CLV</h2>
 * Which columns feed the expected CLV, and by which formula (churn probability as a per-period rate,
 * or the sBG model with the customer's renewals), is recorded in the bundle as
 * {@link io.github.churnkit.scoring.ClvInputs}. With the sBG method and its stored parameter
 * uncertainty, each CLV comes with a delta-method interval ({@code clvLow}, {@code clvHigh}).
 * {@link io.github.churnkit.scoring.ClvEvaluator} applies the same rules to raw revenue and renewals
 * values, for callers that do not hold a whole record.
 */
package io.github.churnkit.scoring;
