package io.github.churnkit.core.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ground truth of {@link SubscriptionGenerator}: how one customer's attributes and labels are
 * drawn. Documented in full in the generator's class javadoc; the numbers here are the ones quoted
 * there. Package-private; stateless apart from the calibrated intercept held by the generator.
 */
final class SubscriptionModel {

    static final List<String> PLANS = List.of("Basic", "Standard", "Premium");
    static final double[] PLAN_PRICE = {8.99, 13.99, 17.99};
    static final List<String> REGIONS = List.of("North America", "Europe", "Asia", "South America", "Africa");
    static final double[] REGION_WEIGHT = {0.35, 0.30, 0.15, 0.12, 0.08};
    static final double[] REGION_PRICE_FACTOR = {1.00, 1.05, 0.80, 0.70, 0.60};
    static final List<String> DEVICES = List.of("Smart TV", "Laptop", "Mobile", "Tablet");
    static final double[] DEVICE_HOURS_FACTOR = {1.00, 0.90, 0.60, 0.70};
    static final List<String> GENRES = List.of("Comedy", "Sci-Fi", "Action", "Drama", "Romance");
    static final List<String> GENDERS = List.of("Female", "Male");
    static final List<String> PAYMENTS = List.of("Credit Card", "Debit Card", "PayPal", "Gift Card");
    static final double[] PAYMENT_WEIGHT = {0.40, 0.30, 0.20, 0.10};
    static final List<String> SEGMENTS = List.of("family", "mobile-casual", "cinephile", "occasional");
    static final double[] SEGMENT_WEIGHT = {0.25, 0.35, 0.25, 0.15};
    static final List<String> PLAN_CHANGES = List.of("upgrade", "downgrade", "stay");
    static final int UPGRADE = 0;
    static final int DOWNGRADE = 1;
    static final int STAY = 2;
    static final int PREMIUM = 2;
    static final int BASIC = 0;

    // per segment: plan, device and genre probabilities, profile range, age mean/sd, base hours,
    // support-query mean, tenure mean (months), satisfaction shift
    static final double[][] SEG_PLAN = {{0.10, 0.35, 0.55}, {0.70, 0.25, 0.05}, {0.15, 0.60, 0.25}, {0.75, 0.20, 0.05}};
    static final double[][] SEG_DEVICE = {{0.60, 0.15, 0.10, 0.15}, {0.05, 0.10, 0.65, 0.20},
        {0.25, 0.60, 0.10, 0.05}, {0.40, 0.20, 0.20, 0.20}};
    static final double[][] SEG_GENRE = {{0.30, 0.10, 0.25, 0.15, 0.20}, {0.35, 0.15, 0.30, 0.05, 0.15},
        {0.05, 0.35, 0.10, 0.40, 0.10}, {0.20, 0.05, 0.10, 0.35, 0.30}};
    static final int[] SEG_PROFILES_MIN = {3, 1, 1, 1};
    static final int[] SEG_PROFILES_MAX = {5, 2, 2, 3};
    static final double[] SEG_AGE_MEAN = {42, 26, 35, 60};
    static final double[] SEG_AGE_SD = {8, 5, 9, 8};
    static final double[] SEG_HOURS = {18, 7, 14, 4};
    static final double[] SEG_SUPPORT = {1.0, 0.8, 0.6, 1.5};
    static final double[] SEG_TENURE = {26, 12, 22, 16};
    static final double[] SEG_SATISFACTION = {0.0, 0.0, 0.3, -0.5};

    static final double HOURS_LOG_SD = 0.35;
    static final double PROMO_RATE = 0.30;
    static final double AGE_MISSING = 0.01;
    static final double SATISFACTION_MISSING = 0.02;
    static final int MAX_TENURE = 120;

    // churn logit coefficients (intercept calibrated separately)
    static final double B_EARLY = 1.2;
    static final double EARLY_DECAY_MONTHS = 4.0;
    static final double B_AFTER_YEAR = -0.6;
    static final double B_PROMO = -0.7;
    static final double B_PROFILES3 = -0.5;
    static final double B_SATISFACTION = -0.25;
    static final double B_SUPPORT = 0.30;
    static final double B_HOURS = -0.04;

    private SubscriptionModel() {
    }

    /** One customer; a mutable holder reused row after row so streaming allocates nothing per row. */
    static final class Row {
        int segment;
        int plan;
        double fee;
        int region;
        int device;
        int genre;
        int profiles;
        double age;
        int gender;
        int joinDay;
        int lastPaymentDay;
        int tenure;
        double hours;
        int support;
        int satisfactionTrue;
        double satisfaction;
        boolean promo;
        int payment;
        double eta;
        boolean churned;
        int planChange;
    }

    /** Draws the attributes of one customer (everything but the labels) and its churn logit without intercept. */
    static void drawAttributes(SplittableRandom rng, LocalDate asOf, Row r) {
        int s = pick(rng, SEGMENT_WEIGHT);
        r.segment = s;
        r.plan = pick(rng, SEG_PLAN[s]);
        r.region = pick(rng, REGION_WEIGHT);
        r.fee = Math.round(PLAN_PRICE[r.plan] * REGION_PRICE_FACTOR[r.region] * 100.0) / 100.0;
        r.device = pick(rng, SEG_DEVICE[s]);
        r.genre = pick(rng, SEG_GENRE[s]);
        r.profiles = SEG_PROFILES_MIN[s] + rng.nextInt(SEG_PROFILES_MAX[s] - SEG_PROFILES_MIN[s] + 1);
        double age = Math.rint(SEG_AGE_MEAN[s] + SEG_AGE_SD[s] * RandomVariates.standardNormal(rng));
        age = Math.max(18, Math.min(85, age));
        r.age = rng.nextDouble() < AGE_MISSING ? Double.NaN : age;
        r.gender = rng.nextInt(2);
        r.tenure = Math.min(MAX_TENURE, 1 + (int) Math.floor(RandomVariates.exponential(rng, 1.0 / SEG_TENURE[s])));
        // payments on join + 0 .. tenure-1 months; the last one falls in the month before asOf
        LocalDate lastPayment = asOf.minusDays(rng.nextInt(30));
        LocalDate join = lastPayment.minusMonths(r.tenure - 1L);
        r.joinDay = Math.toIntExact(join.toEpochDay());
        r.lastPaymentDay = Math.toIntExact(join.plusMonths(r.tenure - 1L).toEpochDay());
        double noise = StrictMath.exp(HOURS_LOG_SD * RandomVariates.standardNormal(rng) - HOURS_LOG_SD * HOURS_LOG_SD / 2);
        r.hours = Math.round(SEG_HOURS[s] * DEVICE_HOURS_FACTOR[r.device] * noise * 10.0) / 10.0;
        r.support = poisson(rng, SEG_SUPPORT[s]);
        double sat = 7.2 + SEG_SATISFACTION[s] - 0.7 * r.support + 1.6 * RandomVariates.standardNormal(rng);
        r.satisfactionTrue = (int) Math.max(1, Math.min(10, Math.rint(sat)));
        r.satisfaction = rng.nextDouble() < SATISFACTION_MISSING ? Double.NaN : r.satisfactionTrue;
        r.promo = rng.nextDouble() < PROMO_RATE;
        r.payment = pick(rng, PAYMENT_WEIGHT);
        r.eta = churnLogit(r);
    }

    /** The churn logit without intercept (formula in the generator javadoc). */
    static double churnLogit(Row r) {
        return B_EARLY * StrictMath.exp(-(r.tenure - 1) / EARLY_DECAY_MONTHS)
                + (r.tenure > 12 ? B_AFTER_YEAR : 0.0)
                + (r.promo ? B_PROMO : 0.0)
                + (r.profiles >= 3 ? B_PROFILES3 : 0.0)
                + B_SATISFACTION * (r.satisfactionTrue - 5.5)
                + B_SUPPORT * r.support
                + B_HOURS * (r.hours - 10.0);
    }

    /** Draws the labels given the attributes: churn, then (for stayers) the next-period plan change. */
    static void drawLabels(SplittableRandom rng, double intercept, Row r) {
        r.churned = rng.nextDouble() < sigmoid(intercept + r.eta);
        double u = rng.nextDouble();
        if (r.churned) {
            r.planChange = -1; // no next period
            return;
        }
        double up = r.plan == PREMIUM ? 0.0 : StrictMath.exp(-2.2 + 0.08 * (r.hours - 10.0) + (r.profiles >= 3 ? 0.4 : 0.0));
        double down = r.plan == BASIC ? 0.0
                : StrictMath.exp(-2.8 - 0.25 * (r.satisfactionTrue - 5.5) + (r.support >= 2 ? 0.3 : 0.0));
        double total = 1.0 + up + down;
        if (u < up / total) {
            r.planChange = UPGRADE;
        } else if (u < (up + down) / total) {
            r.planChange = DOWNGRADE;
        } else {
            r.planChange = STAY;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1.0 + StrictMath.exp(x));
    }

    /** Index drawn with the given probabilities (which sum to 1; the last index absorbs rounding). */
    static int pick(SplittableRandom rng, double[] p) {
        double u = rng.nextDouble();
        double c = 0;
        for (int i = 0; i < p.length - 1; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** Poisson variate by multiplying uniforms (Knuth); fine for the small means used here. */
    static int poisson(SplittableRandom rng, double mean) {
        double limit = StrictMath.exp(-mean);
        double prod = rng.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * The intercept b0 for which the mean churn probability over a fixed internal sample of
     * {@code sampleSize} customers equals {@code rate}: bisection on b0 in [-30, 30] (the mean
     * probability is increasing in b0), 100 halvings. The sample uses a fixed seed, so the intercept
     * depends only on the rate and the model, not on the caller's seed.
     */
    static double calibrateIntercept(double rate, LocalDate asOf, int sampleSize) {
        double[] eta = new double[sampleSize];
        Row r = new Row();
        for (int i = 0; i < sampleSize; i++) {
            drawAttributes(Seeds.forRow(CALIBRATION_SEED, i), asOf, r);
            eta[i] = r.eta;
        }
        double lo = -30;
        double hi = 30;
        for (int iter = 0; iter < 60; iter++) {
            double mid = 0.5 * (lo + hi);
            double sum = 0;
            for (double e : eta) {
                sum += sigmoid(mid + e);
            }
            if (sum / sampleSize < rate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static final long CALIBRATION_SEED = 0x5EEDCA1B2A7E0001L;
}
