package io.github.churnkit.core.synthetic;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Simulates contractual retention with the shifted-beta-geometric (sBG) model of Fader and Hardie
 * (2007), "How to project customer retention", Journal of Interactive Marketing 21(1):76-90.
 *
 * <h2>The model</h2>
 * Each customer has a per-period churn probability {@code theta ~ Beta(alpha, beta)}, fixed over
 * their lifetime. At the end of every period (renewal {@code t = 1, 2, ...}) an active customer
 * cancels with probability {@code theta} and renews with probability {@code 1 - theta}. The
 * lifetime {@code L} (the renewal at which the customer churns) is therefore geometric on
 * {@code 1, 2, ...} given theta, and over the population
 * <pre>
 * P(L = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)
 * S(t) = P(L &gt; t) = B(alpha, beta + t) / B(alpha, beta) = prod_{i=0}^{t-1} (beta + i) / (alpha + beta + i)
 * </pre>
 * so the retention rate {@code S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1)} rises
 * with tenure: the customers most likely to leave leave first.
 *
 * <h2>Design</h2>
 * {@code cohorts} cohorts of {@code customersPerCohort} customers each; cohort {@code k}
 * (0-based) is acquired at calendar period {@code k} and observed until calendar period
 * {@code periods}, so for {@code periods - k} renewals (with one cohort this is the classic
 * survivor table of the paper). Observation is right-censored at the end: a customer whose
 * lifetime exceeds the window is still active with tenure equal to the window.
 *
 * <p>Lifetimes are drawn by inversion, {@code L = max(1, ceil(ln(1 - U) / ln(1 - theta)))},
 * which has {@code P(L > t) = (1 - theta)^t} exactly. Customer {@code i} (numbered across
 * cohorts) draws theta and U from its own stream seeded from {@code (seed, i)}; the same config
 * gives the same cohorts. Immutable and thread-safe.
 */
public final class CohortGenerator {

    /**
     * sBG parameters of the churn-probability distribution Beta(alpha, beta).
     *
     * @param alpha &gt; 0
     * @param beta  &gt; 0 (mean churn probability alpha / (alpha + beta))
     */
    public record Retention(double alpha, double beta) {

        /** Validates both parameters are finite and positive. */
        public Retention {
            RandomVariates.requirePositive(alpha, "alpha");
            RandomVariates.requirePositive(beta, "beta");
        }

        /**
         * alpha = 0.7, beta = 1.2: a heterogeneous base where about 37% leave at the first
         * renewal (0.7 / 1.9) and retention rises from 63% towards 100% with tenure.
         */
        public static Retention defaults() {
            return new Retention(0.7, 1.2);
        }
    }

    /**
     * Generator settings.
     *
     * @param customersPerCohort customers acquired per cohort, &gt;= 1
     * @param cohorts            number of cohorts, acquired one per period, &gt;= 1 and &lt;= periods
     * @param periods            calendar periods observed after the first acquisition, &gt;= 1
     * @param retention          the sBG parameters
     * @param seed               the random seed
     */
    public record Config(int customersPerCohort, int cohorts, int periods, Retention retention, long seed) {

        /** Validates the design. */
        public Config {
            if (customersPerCohort < 1) {
                throw new IllegalArgumentException("customersPerCohort must be >= 1, found " + customersPerCohort);
            }
            if (periods < 1) {
                throw new IllegalArgumentException("periods must be >= 1, found " + periods);
            }
            if (cohorts < 1 || cohorts > periods) {
                throw new IllegalArgumentException("cohorts must be in 1.." + periods + " (periods), found " + cohorts);
            }
            Objects.requireNonNull(retention, "retention");
            if ((long) customersPerCohort * cohorts > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many customers: " + customersPerCohort + " x " + cohorts);
            }
        }

        /** One cohort of 1,000 customers observed for 12 periods (the paper's setting), default retention, seed 42. */
        public static Config defaults() {
            return new Config(1000, 1, 12, Retention.defaults(), 42L);
        }

        /** A copy with another cohort size. */
        public Config withCustomersPerCohort(int n) {
            return new Config(n, cohorts, periods, retention, seed);
        }

        /** A copy with another number of cohorts (staggered, one per period). */
        public Config withCohorts(int k) {
            return new Config(customersPerCohort, k, periods, retention, seed);
        }

        /** A copy with another observation length. */
        public Config withPeriods(int t) {
            return new Config(customersPerCohort, Math.min(cohorts, t), t, retention, seed);
        }

        /** A copy with other sBG parameters. */
        public Config withRetention(Retention r) {
            return new Config(customersPerCohort, cohorts, periods, r, seed);
        }

        /** A copy with another seed. */
        public Config withSeed(long s) {
            return new Config(customersPerCohort, cohorts, periods, retention, s);
        }
    }

    private final Config config;

    private CohortGenerator(Config config) {
        this.config = config;
    }

    /** A generator with the given settings. */
    public static CohortGenerator of(Config config) {
        return new CohortGenerator(Objects.requireNonNull(config, "config"));
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** Simulates all cohorts. */
    public SimulatedCohorts generate() {
        int perCohort = config.customersPerCohort();
        int n = perCohort * config.cohorts();
        int[] cohort = new int[n];
        int[] tenure = new int[n];
        boolean[] churned = new boolean[n];
        double[] theta = new double[n];
        Retention ret = config.retention();
        for (int i = 0; i < n; i++) {
            int k = i / perCohort;
            int window = config.periods() - k;
            SplittableRandom rng = Seeds.forRow(config.seed(), i);
            double th = RandomVariates.beta(rng, ret.alpha(), ret.beta());
            long life = lifetime(th, rng.nextDouble());
            cohort[i] = k;
            theta[i] = th;
            if (life <= window) {
                tenure[i] = (int) life;
                churned[i] = true;
            } else {
                tenure[i] = window;
            }
        }
        return new SimulatedCohorts(config, cohort, tenure, churned, theta);
    }

    /** Geometric lifetime on 1, 2, ... with churn probability theta per renewal, by inversion of U in [0, 1). */
    static long lifetime(double theta, double u) {
        if (theta >= 1.0) {
            return 1;
        }
        if (theta <= 0.0) {
            return Long.MAX_VALUE;
        }
        double l = Math.ceil(StrictMath.log1p(-u) / StrictMath.log1p(-theta));
        return l >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1L, (long) l);
    }
}
