/**
 * Seeded generators of synthetic customer data with known, documented ground truth, for testing
 * models (does the fit recover the parameters? does the churn model find the built-in effects?)
 * and for demonstrations at any scale.
 *
 * <h2>Purchase histories (non-contractual)</h2>
 * {@link io.github.churnkit.core.synthetic.TransactionGenerator} simulates the BG/NBD purchase and
 * dropout process (Fader, Hardie and Lee 2005) with Gamma-Gamma spend (Fader and Hardie 2013). The
 * defaults are the published CDNOW estimates, so a fitter run on
 *
 * <pre>{@code
 * TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults()
 *         .withCustomers(100_000).withSeed(7));
 * TransactionLog log = gen.generate();                       // or gen.writeCsv(writer, listener)
 * CustomerSummaries s = TransactionSummarizer.of(gen.config().calendar().summarizerConfig())
 *         .summarize(log);
 * }</pre>
 *
 * should find r close to 0.243, alpha close to 4.414, a close to 0.793 and b close to 2.426. The
 * hidden per-customer truth (purchase rate, dropout probability, dropout time) is available from
 * {@code gen.latent(i)} to check P(alive) and conditional forecasts.
 *
 * <h2>Subscription customers (contractual)</h2>
 * {@link io.github.churnkit.core.synthetic.SubscriptionGenerator} produces a streaming-service
 * customer base (plan, fee, region, device, genre, profiles, tenure, watch hours, support queries,
 * satisfaction, promotion, payment method) with a churn label drawn from a logistic model whose
 * formula and coefficients are in its javadoc, a plan-change label, and hidden customer types
 * (the {@code segment} column) that a segmentation should rediscover. The churn rate is a
 * parameter; the intercept is calibrated to it.
 *
 * <pre>{@code
 * SubscriptionGenerator gen = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
 *         .withCustomers(100_000).withChurnRate(0.11));
 * CustomerTable table = gen.generate();                 // schema: id, 17 features, 2 ignored, target
 * try (Writer w = Files.newBufferedWriter(path)) {      // or 10 million rows in constant memory
 *     gen.writeCsv(w, (done, total) -> log.info("{} / {}", done, total));
 * }
 * }</pre>
 *
 * <h2>Retention cohorts</h2>
 * {@link io.github.churnkit.core.synthetic.CohortGenerator} simulates the shifted-beta-geometric
 * model (Fader and Hardie 2007, "How to project customer retention"): every customer has a fixed
 * churn probability per renewal drawn from a beta distribution, so the retention rate of a cohort
 * rises with tenure as the likely leavers leave first.
 *
 * <pre>{@code
 * SimulatedCohorts c = CohortGenerator.of(CohortGenerator.Config.defaults()
 *         .withCohorts(6).withPeriods(12)).generate();
 * int[] survivors = c.survivors(0);   // 1000, then about 632, 479, ... active after t renewals
 * CustomerTable individuals = c.toTable();  // tenure and churned flag, right-censored
 * }</pre>
 *
 * <h2>Randomness</h2>
 * Every generator takes a seed in its config. Row (customer) {@code i} draws from its own
 * {@link java.util.SplittableRandom} seeded from {@code (seed, i)}, so the same config gives the
 * same data bit for bit whether it is built in memory or streamed to a file, in any JVM (the
 * generators use {@link java.lang.StrictMath} for transcendental functions). The
 * gamma, beta and normal samplers are in {@link io.github.churnkit.core.synthetic.RandomVariates}
 * (Marsaglia and Tsang 2000 for gamma; beta as a ratio of gammas).
 */
package io.github.churnkit.core.synthetic;
