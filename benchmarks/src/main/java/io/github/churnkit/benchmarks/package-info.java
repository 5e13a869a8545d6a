/**
 * churnkit's JMH benchmarks: each class answers one question, with the raw Smile or Tribuo call as
 * the baseline in the same run where there is one.
 *
 * <table>
 *   <caption>Questions and classes</caption>
 *   <tr><th>question</th><th>class</th><th>baseline</th></tr>
 *   <tr><td>one customer, end to end</td><td>{@link io.github.churnkit.benchmarks.SingleScoreBenchmark}</td>
 *       <td>Smile {@code predict(Tuple)}, Tribuo {@code predict(Example)}</td></tr>
 *   <tr><td>probability only vs full score vs top-3 reasons</td>
 *       <td>{@link io.github.churnkit.benchmarks.ExplanationCostBenchmark}</td><td>the probability alone</td></tr>
 *   <tr><td>1,024 customers per call, per row</td><td>{@link io.github.churnkit.benchmarks.BatchScoringBenchmark}</td>
 *       <td>Smile loop, Tribuo {@code predict(List)}</td></tr>
 *   <tr><td>1 and 2 threads on one scorer</td><td>{@link io.github.churnkit.benchmarks.ThreadScalingBenchmark}</td>
 *       <td>one thread</td></tr>
 *   <tr><td>loading a bundle</td><td>{@link io.github.churnkit.benchmarks.BundleLoadBenchmark}</td><td>none</td></tr>
 *   <tr><td>feature transform alone</td><td>{@link io.github.churnkit.benchmarks.FeatureTransformBenchmark}</td>
 *       <td>a map-per-row encoder</td></tr>
 *   <tr><td>segment assignment alone</td><td>{@link io.github.churnkit.benchmarks.SegmentAssignBenchmark}</td>
 *       <td>Tribuo k-means {@code predict}</td></tr>
 *   <tr><td>CLV formulas per customer</td><td>{@link io.github.churnkit.benchmarks.ClvScoringBenchmark}</td>
 *       <td>none</td></tr>
 *   <tr><td>BG/NBD fit, 2,500 and 1,000,000 customers</td><td>{@link io.github.churnkit.benchmarks.BgNbdFitBenchmark}</td>
 *       <td>none</td></tr>
 *   <tr><td>training, k-means fit, fold assignment</td><td>{@code ChurnTrainingBenchmark},
 *       {@code KMeansFitBenchmark}, {@code SplitsBenchmark}</td><td>Tribuo k-means for the fit</td></tr>
 * </table>
 *
 * <p>The scoring benchmarks share {@code ChurnFixture}: seeded synthetic customers and, per
 * {@link io.github.churnkit.benchmarks.ModelKind}, one trained model that both churnkit and the library
 * score with. {@link io.github.churnkit.benchmarks.BenchmarkTable} turns JMH's JSON results into the
 * table of {@code docs/benchmarks.md}; {@code scripts/bench.sh} runs everything. A smoke test runs
 * every benchmark with tiny sizes in the normal build.
 */
package io.github.churnkit.benchmarks;
