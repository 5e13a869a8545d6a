package io.github.churnkit.core.synthetic;

import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionCsvWriter;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Simulates purchase histories from the BG/NBD model with Gamma-Gamma spend, with known
 * parameters, for testing and demonstrating CLV models.
 *
 * <h2>The model</h2>
 * BG/NBD (Fader, Hardie and Lee 2005, "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2):275-284), for each customer independently:
 * <ol>
 *   <li>the purchase rate {@code lambda ~ Gamma(r, alpha)} (shape r, rate alpha, per time unit);</li>
 *   <li>the dropout probability {@code p ~ Beta(a, b)};</li>
 *   <li>the first purchase happens at time 0 of the customer's own clock, on a day drawn uniformly
 *       from the acquisition window (staggered cohorts);</li>
 *   <li>while active, purchases follow a Poisson process with rate {@code lambda} (exponential gaps);</li>
 *   <li>right after each <i>repeat</i> purchase the customer becomes inactive for good with
 *       probability {@code p} (never right after the first purchase, as in the paper's likelihood).</li>
 * </ol>
 * Gamma-Gamma spend (Fader and Hardie 2013, "The Gamma-Gamma model of monetary value"): per
 * customer {@code nu ~ Gamma(q, gamma)} (shape q, rate gamma) and each transaction's amount
 * {@code z ~ Gamma(p, nu)} (shape p, rate nu), independent of the purchase process. The first
 * purchase also gets an amount.
 *
 * <p>Continuous times are turned into dates by {@code firstDay + floor(t * unitDays)}; two purchases
 * may therefore fall on the same day, which {@code TransactionSummarizer} merges (at the CDNOW
 * rates this is rare). Simulation stops at the holdout end of the calendar.
 *
 * <h2>Determinism</h2>
 * Customer {@code i} draws from its own {@link SplittableRandom} seeded from {@code (seed, i)}
 * ({@link Seeds}), in the order: first-purchase day, lambda, p, nu, first amount, then per event
 * gap, amount and dropout coin. The same config always gives the same log and the same CSV bytes,
 * streamed or in memory. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults().withCustomers(2357));
 * TransactionLog log = gen.generate();
 * CustomerSummaries s = TransactionSummarizer.of(gen.config().calendar().summarizerConfig()).summarize(log);
 * }</pre>
 */
public final class TransactionGenerator {

    /**
     * BG/NBD purchase and dropout parameters (rates per {@link Calendar#unit()}).
     *
     * @param r     shape of the purchase-rate gamma, &gt; 0
     * @param alpha rate of the purchase-rate gamma, &gt; 0 (mean rate r / alpha)
     * @param a     first beta parameter of the dropout probability, &gt; 0
     * @param b     second beta parameter, &gt; 0 (mean dropout probability a / (a + b))
     */
    public record Purchases(double r, double alpha, double a, double b) {

        /** Validates that all parameters are finite and positive. */
        public Purchases {
            RandomVariates.requirePositive(r, "r");
            RandomVariates.requirePositive(alpha, "alpha");
            RandomVariates.requirePositive(a, "a");
            RandomVariates.requirePositive(b, "b");
        }

        /** The CDNOW estimates of Fader, Hardie and Lee (2005), per week: r=0.243, alpha=4.414, a=0.793, b=2.426. */
        public static Purchases cdnow() {
            return new Purchases(0.243, 4.414, 0.793, 2.426);
        }
    }

    /**
     * Gamma-Gamma spend parameters.
     *
     * @param p     shape of each transaction's amount, &gt; 0
     * @param q     shape of the customer's nu, &gt; 0 (the mean amount is finite only for q &gt; 1)
     * @param gamma rate of the customer's nu, &gt; 0
     */
    public record Spend(double p, double q, double gamma) {

        /** Validates that all parameters are finite and positive. */
        public Spend {
            RandomVariates.requirePositive(p, "p");
            RandomVariates.requirePositive(q, "q");
            RandomVariates.requirePositive(gamma, "gamma");
        }

        /** The CDNOW estimates of Fader and Hardie (2013): p=6.25, q=3.74, gamma=15.44 (mean amount about $35). */
        public static Spend cdnow() {
            return new Spend(6.25, 3.74, 15.44);
        }
    }

    /**
     * The simulated calendar.
     *
     * @param acquisitionStart first possible first-purchase day
     * @param acquisitionEnd   last possible first-purchase day (not before the start; may be after
     *                         the cut-off to simulate customers acquired in the holdout)
     * @param cutoff           end of the calibration period (inclusive), not before the acquisition start
     * @param holdoutEnd       end of the holdout period (inclusive), not before the cut-off and not
     *                         before the acquisition end; equal to the cut-off for no holdout
     * @param unit             the time unit of the purchase rates
     */
    public record Calendar(LocalDate acquisitionStart, LocalDate acquisitionEnd, LocalDate cutoff,
                           LocalDate holdoutEnd, PeriodUnit unit) {

        /** Validates the order of the dates. */
        public Calendar {
            Objects.requireNonNull(acquisitionStart, "acquisitionStart");
            Objects.requireNonNull(acquisitionEnd, "acquisitionEnd");
            Objects.requireNonNull(cutoff, "cutoff");
            Objects.requireNonNull(holdoutEnd, "holdoutEnd");
            Objects.requireNonNull(unit, "unit");
            if (acquisitionEnd.isBefore(acquisitionStart)) {
                throw new IllegalArgumentException("acquisitionEnd " + acquisitionEnd + " is before acquisitionStart "
                        + acquisitionStart);
            }
            if (cutoff.isBefore(acquisitionStart)) {
                throw new IllegalArgumentException("cutoff " + cutoff + " is before acquisitionStart " + acquisitionStart);
            }
            if (holdoutEnd.isBefore(cutoff) || holdoutEnd.isBefore(acquisitionEnd)) {
                throw new IllegalArgumentException("holdoutEnd " + holdoutEnd + " is before cutoff " + cutoff
                        + " or acquisitionEnd " + acquisitionEnd);
            }
        }

        /**
         * The CDNOW design: first purchases from 1997-01-01 to 1997-03-31, calibration until
         * 1997-09-30 (39 weeks after the start), holdout until 1998-06-30 (39 more weeks), in weeks.
         */
        public static Calendar cdnow() {
            return new Calendar(LocalDate.of(1997, 1, 1), LocalDate.of(1997, 3, 31), LocalDate.of(1997, 9, 30),
                    LocalDate.of(1998, 6, 30), PeriodUnit.WEEKS);
        }

        /** A copy without holdout: the holdout end moves to the cut-off (or to the acquisition end if that is later). */
        public Calendar withoutHoldout() {
            LocalDate end = acquisitionEnd.isAfter(cutoff) ? acquisitionEnd : cutoff;
            return new Calendar(acquisitionStart, acquisitionEnd, cutoff, end, unit);
        }

        /** A copy with another unit. */
        public Calendar withUnit(PeriodUnit newUnit) {
            return new Calendar(acquisitionStart, acquisitionEnd, cutoff, holdoutEnd, newUnit);
        }

        /** Summariser settings matching this calendar (same cut-off, holdout end and unit). */
        public TransactionSummarizer.Config summarizerConfig() {
            return new TransactionSummarizer.Config(cutoff, holdoutEnd, unit);
        }
    }

    /**
     * Generator settings.
     *
     * @param customers number of customers, &gt;= 0
     * @param seed      the random seed
     * @param purchases the BG/NBD parameters
     * @param spend     the Gamma-Gamma parameters
     * @param calendar  the calendar
     */
    public record Config(int customers, long seed, Purchases purchases, Spend spend, Calendar calendar) {

        /** Validates the fields. */
        public Config {
            if (customers < 0) {
                throw new IllegalArgumentException("customers must be >= 0, found " + customers);
            }
            Objects.requireNonNull(purchases, "purchases");
            Objects.requireNonNull(spend, "spend");
            Objects.requireNonNull(calendar, "calendar");
        }

        /** 2,357 customers (the CDNOW cohort size), seed 42, CDNOW parameters and calendar. */
        public static Config defaults() {
            return new Config(2357, 42L, Purchases.cdnow(), Spend.cdnow(), Calendar.cdnow());
        }

        /** A copy with another number of customers. */
        public Config withCustomers(int n) {
            return new Config(n, seed, purchases, spend, calendar);
        }

        /** A copy with another seed. */
        public Config withSeed(long s) {
            return new Config(customers, s, purchases, spend, calendar);
        }

        /** A copy with other BG/NBD parameters. */
        public Config withPurchases(Purchases p) {
            return new Config(customers, seed, p, spend, calendar);
        }

        /** A copy with other Gamma-Gamma parameters. */
        public Config withSpend(Spend s) {
            return new Config(customers, seed, purchases, s, calendar);
        }

        /** A copy with another calendar. */
        public Config withCalendar(Calendar c) {
            return new Config(customers, seed, purchases, spend, c);
        }
    }

    /**
     * The hidden truth about one simulated customer.
     *
     * @param id               the customer id
     * @param firstPurchaseDay epoch day of the first purchase
     * @param lambda           purchase rate per unit while active
     * @param p                dropout probability after each repeat purchase
     * @param nu               Gamma-Gamma spend rate (the mean amount is {@code spend.p() / nu})
     * @param dropoutTime      time (units after the first purchase) at which the customer became
     *                         inactive, or {@code +Infinity} if still active at the holdout end
     */
    public record LatentCustomer(String id, int firstPurchaseDay, double lambda, double p, double nu,
                                 double dropoutTime) {

        /** Whether the customer is still active {@code time} units after their first purchase. */
        public boolean activeAt(double time) {
            return time < dropoutTime;
        }
    }

    /** Receives simulated transactions. */
    private interface Sink {
        void accept(int customerDay, double amount);
    }

    private final Config config;

    private TransactionGenerator(Config config) {
        this.config = config;
    }

    /** A generator with the given settings. */
    public static TransactionGenerator of(Config config) {
        return new TransactionGenerator(Objects.requireNonNull(config, "config"));
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** The id of customer {@code i}: {@code C} and a zero-padded number, e.g. {@code C0042}. */
    public String customerId(int i) {
        return Seeds.id("C", i, config.customers());
    }

    /** Simulates all customers into an in-memory log, sorted by customer then date. */
    public TransactionLog generate() {
        TransactionLog.Builder b = TransactionLog.builder();
        for (int i = 0; i < config.customers(); i++) {
            int c = b.customer(customerId(i));
            simulate(i, (day, amount) -> b.add(c, day, amount));
        }
        return b.build();
    }

    /**
     * Streams all customers to {@code out} as CSV in the format of {@link TransactionCsvWriter},
     * holding one customer at a time; the bytes equal {@code generate().writeCsv(out)}. The writer
     * is flushed, not closed.
     *
     * @param listener receives progress per customer; use {@link ProgressListener#NONE} for none
     * @return the number of transactions written
     * @throws java.io.UncheckedIOException if writing fails
     */
    public long writeCsv(Writer out, ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        TransactionCsvWriter w = TransactionCsvWriter.to(out);
        int n = config.customers();
        for (int i = 0; i < n; i++) {
            String id = customerId(i);
            simulate(i, (day, amount) -> w.write(id, day, amount));
            if ((i + 1) % ProgressListener.EVERY == 0) {
                listener.progress(i + 1L, n);
            }
        }
        w.flush();
        listener.progress(n, n);
        return w.rowsWritten();
    }

    /** The hidden parameters and dropout time of customer {@code i} (re-simulated, deterministic). */
    public LatentCustomer latent(int i) {
        Objects.checkIndex(i, config.customers());
        return simulate(i, (day, amount) -> { });
    }

    private LatentCustomer simulate(int i, Sink sink) {
        SplittableRandom rng = Seeds.forRow(config.seed(), i);
        Calendar cal = config.calendar();
        long from = cal.acquisitionStart().toEpochDay();
        long span = cal.acquisitionEnd().toEpochDay() - from;
        int first = Math.toIntExact(from + rng.nextLong(span + 1));
        Purchases bg = config.purchases();
        Spend sp = config.spend();
        double lambda = RandomVariates.gamma(rng, bg.r(), bg.alpha());
        double p = RandomVariates.beta(rng, bg.a(), bg.b());
        double nu = RandomVariates.gamma(rng, sp.q(), sp.gamma());
        sink.accept(first, RandomVariates.gamma(rng, sp.p(), nu));
        double unitDays = cal.unit().days();
        double horizon = (cal.holdoutEnd().toEpochDay() - first + 1) / unitDays; // end of the holdout end day
        double t = 0;
        double dropout = Double.POSITIVE_INFINITY;
        while (true) {
            t += RandomVariates.exponential(rng, lambda);
            if (!(t < horizon)) {
                break;
            }
            sink.accept(first + (int) Math.floor(t * unitDays), RandomVariates.gamma(rng, sp.p(), nu));
            if (rng.nextDouble() < p) {
                dropout = t;
                break;
            }
        }
        return new LatentCustomer(customerId(i), first, lambda, p, nu, dropout);
    }
}
