package io.github.churnkit.core.synthetic;

import static io.github.churnkit.core.synthetic.SubscriptionModel.DEVICES;
import static io.github.churnkit.core.synthetic.SubscriptionModel.GENDERS;
import static io.github.churnkit.core.synthetic.SubscriptionModel.GENRES;
import static io.github.churnkit.core.synthetic.SubscriptionModel.PAYMENTS;
import static io.github.churnkit.core.synthetic.SubscriptionModel.PLANS;
import static io.github.churnkit.core.synthetic.SubscriptionModel.PLAN_CHANGES;
import static io.github.churnkit.core.synthetic.SubscriptionModel.REGIONS;
import static io.github.churnkit.core.synthetic.SubscriptionModel.SEGMENTS;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnBuilder;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnSpec;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a streaming-service customer base with a churn label, a plan-change label and latent
 * segments, all from documented ground truth, so that churn models, segmentation and feature code
 * can be checked against what is known to be in the data.
 *
 * <h2>Columns (the default {@link #schema()})</h2>
 * {@code customer_id} (TEXT, ID), {@code plan} (Basic / Standard / Premium), {@code monthly_fee},
 * {@code region}, {@code device}, {@code favourite_genre}, {@code profiles} (1-5), {@code age},
 * {@code gender}, {@code join_date}, {@code last_payment_date}, {@code tenure_months},
 * {@code weekly_watch_hours}, {@code support_queries}, {@code satisfaction} (1-10),
 * {@code promo_offer} (BOOLEAN), {@code payment_method}, all FEATURE; then {@code segment}
 * (IGNORED: the latent truth, for scoring a segmentation), {@code plan_change} (IGNORED: a second
 * label) and {@code churned} (BOOLEAN, TARGET). To predict the plan change instead:
 * <pre>{@code
 * Schema s = SubscriptionGenerator.schema().toBuilder()
 *         .role("plan_change", ColumnRole.TARGET)   // demotes churned to FEATURE ...
 *         .role("churned", ColumnRole.IGNORED)      // ... which would leak, so ignore it
 *         .build();
 * CustomerTable planTable = table.withSchema(s);
 * CategoricalColumn change = planTable.categorical("plan_change");
 * CustomerTable stayers = planTable.filter(row -> !change.isMissing(row));
 * }</pre>
 * ({@code plan_change} is missing for churned customers, who have no next period.)
 *
 * <h2>Latent segments</h2>
 * Each customer first gets a hidden type, which drives plan, device, genre, profiles, age, watch
 * hours, support queries and tenure:
 * <table>
 *   <caption>segments</caption>
 *   <tr><th>segment</th><th>share</th><th>plan B/S/P</th><th>device TV/Laptop/Mobile/Tablet</th>
 *       <th>profiles</th><th>age</th><th>base hours</th><th>mean tenure</th></tr>
 *   <tr><td>family</td><td>25%</td><td>.10/.35/.55</td><td>.60/.15/.10/.15</td><td>3-5</td><td>N(42, 8)</td><td>18</td><td>26</td></tr>
 *   <tr><td>mobile-casual</td><td>35%</td><td>.70/.25/.05</td><td>.05/.10/.65/.20</td><td>1-2</td><td>N(26, 5)</td><td>7</td><td>12</td></tr>
 *   <tr><td>cinephile</td><td>25%</td><td>.15/.60/.25</td><td>.25/.60/.10/.05</td><td>1-2</td><td>N(35, 9)</td><td>14</td><td>22</td></tr>
 *   <tr><td>occasional</td><td>15%</td><td>.75/.20/.05</td><td>.40/.20/.20/.20</td><td>1-3</td><td>N(60, 8)</td><td>4</td><td>16</td></tr>
 * </table>
 * Genres also differ by segment (family: comedy/action/romance; mobile-casual: comedy/action;
 * cinephile: drama/sci-fi; occasional: drama/romance). Mean support queries per segment are
 * 1.0, 0.8, 0.6, 1.5. Region (35/30/15/12/8%), gender (50/50), payment method (credit card 40%,
 * debit 30%, PayPal 20%, gift card 10%) and the promotional offer (30%) are independent of the
 * segment.
 *
 * <h2>Attributes</h2>
 * <ul>
 *   <li>monthly fee = plan price (8.99, 13.99, 17.99) times a regional factor (North America 1.00,
 *       Europe 1.05, Asia 0.80, South America 0.70, Africa 0.60), rounded to cents;</li>
 *   <li>profiles uniform in the segment's range; age rounded, clamped to 18-85, 1% missing;</li>
 *   <li>tenure (monthly payments made) {@code = min(120, 1 + floor(Exp(mean = segment tenure)))};
 *       the last payment falls 0-29 days before {@code asOf}, the join date {@code tenure - 1}
 *       months before it;</li>
 *   <li>weekly watch hours = base hours (segment) x device factor (Smart TV 1.0, Laptop 0.9,
 *       <b>Mobile 0.6, Tablet 0.7</b>) x lognormal noise with mean 1 and log-sd 0.35, one decimal;</li>
 *   <li>support queries ~ Poisson(segment mean); satisfaction = round(7.2 + shift - 0.7 queries +
 *       N(0, 1.6^2)) clamped to 1-10 (shift +0.3 for cinephiles, -0.5 for occasional viewers);
 *       2% of recorded scores are missing (the model uses the true score).</li>
 * </ul>
 *
 * <h2>Churn (the target)</h2>
 * {@code P(churned) = 1 / (1 + exp(-(b0 + eta)))} with
 * <pre>
 * eta = 1.2 exp(-(tenure - 1) / 4)        high in the first months
 *     - 0.6 [tenure &gt; 12]                 lower after a year
 *     - 0.7 [promo_offer]
 *     - 0.5 [profiles &gt;= 3]
 *     - 0.25 (satisfaction - 5.5)
 *     + 0.30 support_queries
 *     - 0.04 (weekly_watch_hours - 10)
 * </pre>
 * The intercept {@code b0} is chosen by bisection so that the mean of {@code P(churned)} over a
 * fixed internal sample of {@value #CALIBRATION_SAMPLE} customers equals {@link Config#churnRate()}
 * (see {@link #intercept()}); the realised rate of n customers then differs from the parameter by
 * about the binomial standard error {@code sqrt(rate (1 - rate) / n)}. Plan, region, genre, gender
 * and payment method have no direct effect; they act only through the segment's hours, profiles,
 * tenure and support queries.
 *
 * <h2>Plan change (second label)</h2>
 * For customers who stay: multinomial logit against "stay" (logit 0), with
 * {@code upgrade = -2.2 + 0.08 (hours - 10) + 0.4 [profiles >= 3]} (impossible on Premium) and
 * {@code downgrade = -2.8 - 0.25 (satisfaction - 5.5) + 0.3 [support_queries >= 2]} (impossible
 * on Basic). Missing for churned customers.
 *
 * <h2>Determinism and scale</h2>
 * Row {@code i} is drawn from its own stream seeded from {@code (seed, i)}, attributes first, then
 * the churn coin, then the plan-change draw. {@link #generate()} and
 * {@link #writeCsv(Writer, ProgressListener)} produce the same rows; the CSV is written row by
 * row with a reused buffer, so ten million customers stream out in constant memory. Same config,
 * same bytes. Instances are immutable and thread-safe.
 */
public final class SubscriptionGenerator {

    /** Size of the internal sample on which the intercept is calibrated. */
    public static final int CALIBRATION_SAMPLE = 100_000;

    /**
     * Generator settings.
     *
     * @param customers number of customers, &gt;= 0
     * @param seed      the random seed
     * @param churnRate the target share of churners, in (0, 1) (default 0.11)
     * @param asOf      the snapshot date: last payments fall in the 30 days up to it; not null
     */
    public record Config(int customers, long seed, double churnRate, LocalDate asOf) {

        /** Validates the fields. */
        public Config {
            if (customers < 0) {
                throw new IllegalArgumentException("customers must be >= 0, found " + customers);
            }
            if (!(churnRate > 0.0 && churnRate < 1.0)) {
                throw new IllegalArgumentException("churnRate must be in (0, 1), found " + churnRate);
            }
            Objects.requireNonNull(asOf, "asOf");
        }

        /** 10,000 customers, seed 42, churn rate 0.11, snapshot 2025-06-30. */
        public static Config defaults() {
            return new Config(10_000, 42L, 0.11, LocalDate.of(2025, 6, 30));
        }

        /** A copy with another number of customers. */
        public Config withCustomers(int n) {
            return new Config(n, seed, churnRate, asOf);
        }

        /** A copy with another seed. */
        public Config withSeed(long s) {
            return new Config(customers, s, churnRate, asOf);
        }

        /** A copy with another churn rate. */
        public Config withChurnRate(double rate) {
            return new Config(customers, seed, rate, asOf);
        }

        /** A copy with another snapshot date. */
        public Config withAsOf(LocalDate date) {
            return new Config(customers, seed, churnRate, date);
        }
    }

    private static final Schema SCHEMA = Schema.of(
            spec("customer_id", ColumnRole.ID, ColumnType.TEXT, "generated id"),
            spec("plan", ColumnRole.FEATURE, ColumnType.CATEGORICAL, "plan tier"),
            spec("monthly_fee", ColumnRole.FEATURE, ColumnType.NUMERIC, "plan price x regional factor"),
            spec("region", ColumnRole.FEATURE, ColumnType.CATEGORICAL, ""),
            spec("device", ColumnRole.FEATURE, ColumnType.CATEGORICAL, "main device"),
            spec("favourite_genre", ColumnRole.FEATURE, ColumnType.CATEGORICAL, ""),
            spec("profiles", ColumnRole.FEATURE, ColumnType.NUMERIC, "profiles on the account, 1-5"),
            spec("age", ColumnRole.FEATURE, ColumnType.NUMERIC, "1% missing"),
            spec("gender", ColumnRole.FEATURE, ColumnType.CATEGORICAL, ""),
            spec("join_date", ColumnRole.FEATURE, ColumnType.DATE, ""),
            spec("last_payment_date", ColumnRole.FEATURE, ColumnType.DATE, ""),
            spec("tenure_months", ColumnRole.FEATURE, ColumnType.NUMERIC, "monthly payments made"),
            spec("weekly_watch_hours", ColumnRole.FEATURE, ColumnType.NUMERIC, ""),
            spec("support_queries", ColumnRole.FEATURE, ColumnType.NUMERIC, ""),
            spec("satisfaction", ColumnRole.FEATURE, ColumnType.NUMERIC, "1-10, 2% missing"),
            spec("promo_offer", ColumnRole.FEATURE, ColumnType.BOOLEAN, ""),
            spec("payment_method", ColumnRole.FEATURE, ColumnType.CATEGORICAL, ""),
            spec("segment", ColumnRole.IGNORED, ColumnType.CATEGORICAL, "latent truth, not observable"),
            spec("plan_change", ColumnRole.IGNORED, ColumnType.CATEGORICAL,
                    "second label: upgrade/downgrade/stay, missing for churners"),
            spec("churned", ColumnRole.TARGET, ColumnType.BOOLEAN, "churns in the next period"));

    private static ColumnSpec spec(String name, ColumnRole role, ColumnType type, String reason) {
        return new ColumnSpec(name, role, type, reason);
    }

    private final Config config;
    private final double intercept;

    private SubscriptionGenerator(Config config, double intercept) {
        this.config = config;
        this.intercept = intercept;
    }

    /**
     * A generator with the given settings; calibrates the churn intercept on
     * {@value #CALIBRATION_SAMPLE} internal customers (a fraction of a second).
     */
    public static SubscriptionGenerator of(Config config) {
        Objects.requireNonNull(config, "config");
        return new SubscriptionGenerator(config,
                SubscriptionModel.calibrateIntercept(config.churnRate(), config.asOf(), CALIBRATION_SAMPLE));
    }

    /** The default schema of the generated table and CSV (column order, roles, types). */
    public static Schema schema() {
        return SCHEMA;
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** The calibrated churn intercept b0 of the logistic model in the class documentation. */
    public double intercept() {
        return intercept;
    }

    /** The id of customer {@code i}: {@code S} and a zero-padded number. */
    public String customerId(long i) {
        return Seeds.id("S", i, config.customers());
    }

    private void row(long i, SubscriptionModel.Row r) {
        SplittableRandom rng = Seeds.forRow(config.seed(), i);
        SubscriptionModel.drawAttributes(rng, config.asOf(), r);
        SubscriptionModel.drawLabels(rng, intercept, r);
    }

    /** All customers as an in-memory table with the default {@link #schema()}. */
    public CustomerTable generate() {
        int n = config.customers();
        List<ColumnBuilder> b = new ArrayList<>();
        for (ColumnSpec c : SCHEMA.columns()) {
            List<String> levels = levelsOf(c.name());
            b.add(levels == null ? ColumnBuilder.of(c.name(), c.type(), n) : ColumnBuilder.categorical(c.name(), levels));
        }
        SubscriptionModel.Row r = new SubscriptionModel.Row();
        for (int i = 0; i < n; i++) {
            row(i, r);
            int k = 0;
            b.get(k++).addString(customerId(i));
            b.get(k++).addString(PLANS.get(r.plan));
            b.get(k++).addDouble(r.fee);
            b.get(k++).addString(REGIONS.get(r.region));
            b.get(k++).addString(DEVICES.get(r.device));
            b.get(k++).addString(GENRES.get(r.genre));
            b.get(k++).addDouble(r.profiles);
            b.get(k++).addDouble(r.age);
            b.get(k++).addString(GENDERS.get(r.gender));
            b.get(k++).addEpochDay(r.joinDay);
            b.get(k++).addEpochDay(r.lastPaymentDay);
            b.get(k++).addDouble(r.tenure);
            b.get(k++).addDouble(r.hours);
            b.get(k++).addDouble(r.support);
            b.get(k++).addDouble(r.satisfaction);
            b.get(k++).addDouble(r.promo ? 1 : 0);
            b.get(k++).addString(PAYMENTS.get(r.payment));
            b.get(k++).addString(SEGMENTS.get(r.segment));
            b.get(k++).addString(r.planChange < 0 ? null : PLAN_CHANGES.get(r.planChange));
            b.get(k).addDouble(r.churned ? 1 : 0);
        }
        List<Column> cols = new ArrayList<>();
        for (ColumnBuilder cb : b) {
            cols.add(cb.build());
        }
        return CustomerTable.of(SCHEMA, cols);
    }

    private static List<String> levelsOf(String column) {
        return switch (column) {
            case "plan" -> PLANS;
            case "region" -> REGIONS;
            case "device" -> DEVICES;
            case "favourite_genre" -> GENRES;
            case "gender" -> GENDERS;
            case "payment_method" -> PAYMENTS;
            case "segment" -> SEGMENTS;
            case "plan_change" -> PLAN_CHANGES;
            default -> null;
        };
    }

    /**
     * Streams all customers to {@code out} as CSV: a header with the {@link #schema()} names, then
     * one line per customer, comma-separated, {@code \n} line ends. Each cell is written exactly as
     * the in-memory table's {@link Column#format(int)} would show it: integers without a decimal
     * point, other numbers with {@link Double#toString(double)}, booleans as 0/1, dates as ISO
     * {@code yyyy-MM-dd}, missing values as empty cells. No value contains a comma or quote. The
     * writer is flushed, not closed; wrap it in a {@link java.io.BufferedWriter}.
     *
     * @param listener receives progress every {@value ProgressListener#EVERY} rows and at the end
     * @return the number of customer rows written
     * @throws UncheckedIOException if writing fails
     */
    public long writeCsv(Writer out, ProgressListener listener) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(listener, "listener");
        int n = config.customers();
        StringBuilder line = new StringBuilder(256);
        SubscriptionModel.Row r = new SubscriptionModel.Row();
        try {
            out.write(String.join(",", SCHEMA.names()));
            out.write('\n');
            for (int i = 0; i < n; i++) {
                row(i, r);
                line.setLength(0);
                line.append(customerId(i)).append(',')
                        .append(PLANS.get(r.plan)).append(',');
                number(line, r.fee).append(',')
                        .append(REGIONS.get(r.region)).append(',')
                        .append(DEVICES.get(r.device)).append(',')
                        .append(GENRES.get(r.genre)).append(',')
                        .append(r.profiles).append(',');
                number(line, r.age).append(',')
                        .append(GENDERS.get(r.gender)).append(',')
                        .append(LocalDate.ofEpochDay(r.joinDay)).append(',')
                        .append(LocalDate.ofEpochDay(r.lastPaymentDay)).append(',')
                        .append(r.tenure).append(',');
                number(line, r.hours).append(',')
                        .append(r.support).append(',');
                number(line, r.satisfaction).append(',')
                        .append(r.promo ? '1' : '0').append(',')
                        .append(PAYMENTS.get(r.payment)).append(',')
                        .append(SEGMENTS.get(r.segment)).append(',')
                        .append(r.planChange < 0 ? "" : PLAN_CHANGES.get(r.planChange)).append(',')
                        .append(r.churned ? '1' : '0').append('\n');
                out.append(line);
                if ((i + 1) % ProgressListener.EVERY == 0) {
                    listener.progress(i + 1L, n);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT,
                    "cannot write synthetic subscription CSV (%d customers)", n), e);
        }
        listener.progress(n, n);
        return n;
    }

    /** Appends a number as {@code NumericColumn.format} shows it: integers without ".0", NaN as empty. */
    private static StringBuilder number(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            return sb;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return sb.append((long) v);
        }
        return sb.append(v);
    }
}
