package io.github.churnkit.models.clv;

import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Customers' {@code (x, t_x, T)} triples (repeat purchases, recency, age), collapsed: identical
 * triples are stored once with a weight, the number of customers who share it.
 *
 * <p>With integer-period data (days, weeks) there are few distinct triples, so the BG/NBD
 * likelihood costs time proportional to the distinct triples, not the customers, and a
 * {@link Builder} fed one customer at a time uses memory proportional to the distinct triples only:
 * a million customers can be streamed from a file without holding them.
 *
 * <pre>{@code
 * RfmData.Builder b = RfmData.builder();
 * for (each customer) b.add(frequency, recency, age);
 * RfmData data = b.build();
 * // or, from arrays:
 * RfmData data = RfmData.of(frequency, recency, age);
 * }</pre>
 *
 * <p>Every triple is validated as it is added ({@link PurchaseHistory#check(double, double, double)}):
 * negative or NaN values, recency beyond the age, or a positive recency with no repeat purchase throw
 * {@link IllegalArgumentException} naming the customer index and the values. Immutable and
 * thread-safe once built.
 */
public final class RfmData {

    private final double[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] weight;
    private final double totalWeight;

    private RfmData(double[] frequency, double[] recency, double[] age, double[] weight) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.weight = weight;
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        this.totalWeight = sum;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collapses parallel arrays, one entry per customer.
     *
     * @param frequency repeat purchases x
     * @param recency time of the last repeat purchase t_x
     * @param age time since the first purchase T
     * @return the collapsed data
     * @throws IllegalArgumentException if the lengths differ or a triple is invalid (the message names
     *     the customer index)
     */
    public static RfmData of(double[] frequency, double[] recency, double[] age) {
        if (frequency.length != recency.length || frequency.length != age.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "frequency, recency and age must have the same length, found %d, %d, %d",
                    frequency.length, recency.length, age.length));
        }
        Builder b = new Builder();
        for (int i = 0; i < frequency.length; i++) {
            b.add(frequency[i], recency[i], age[i]);
        }
        return b.build();
    }

    /**
     * Collapses the calibration triples of transaction summaries (core's
     * {@code TransactionSummarizer}), in the summaries' time unit.
     *
     * @param summaries per-customer summaries at a cut-off
     * @return the collapsed data
     */
    public static RfmData of(CustomerSummaries summaries) {
        Builder b = new Builder();
        for (int i = 0; i < summaries.size(); i++) {
            b.add(summaries.frequency(i), summaries.recency(i), summaries.age(i));
        }
        return b.build();
    }

    /** @return the number of distinct triples */
    public int size() {
        return weight.length;
    }

    /** @return the number of customers (sum of the weights) */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * @param i index of a distinct triple, {@code 0 <= i < size()}
     * @return its frequency x
     */
    public double frequency(int i) {
        return frequency[i];
    }

    /**
     * @param i index of a distinct triple
     * @return its recency t_x
     */
    public double recency(int i) {
        return recency[i];
    }

    /**
     * @param i index of a distinct triple
     * @return its age T
     */
    public double age(int i) {
        return age[i];
    }

    /**
     * @param i index of a distinct triple
     * @return how many customers share it
     */
    public double weight(int i) {
        return weight[i];
    }

    /**
     * Accumulates triples in an open-addressing hash table keyed by the exact triple. Not
     * thread-safe.
     */
    public static final class Builder {
        private double[] keyX = new double[64];
        private double[] keyTx = new double[64];
        private double[] keyT = new double[64];
        private double[] weights = new double[64];
        private int[] slots = newSlots(128);
        private int size;
        private long added;

        private Builder() {
        }

        /**
         * Adds one customer.
         *
         * @param x repeat purchases
         * @param tx recency
         * @param t age
         * @return this builder
         */
        public Builder add(double x, double tx, double t) {
            return add(x, tx, t, 1.0);
        }

        /**
         * Adds {@code count} customers with the same triple.
         *
         * @param x repeat purchases
         * @param tx recency
         * @param t age
         * @param count number of customers, finite and {@code > 0}
         * @return this builder
         */
        public Builder add(double x, double tx, double t, double count) {
            try {
                PurchaseHistory.check(x, tx, t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("customer " + added + ": " + e.getMessage(), e);
            }
            if (!(count > 0 && count < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("customer " + added + ": count must be finite and > 0, found " + count);
            }
            added++;
            // +0.0 turns -0.0 into 0.0 so that both hash alike
            double kx = x + 0.0;
            double ktx = tx + 0.0;
            double kt = t + 0.0;
            int mask = slots.length - 1;
            int h = hash(kx, ktx, kt) & mask;
            while (true) {
                int s = slots[h];
                if (s < 0) {
                    break;
                }
                if (keyX[s] == kx && keyTx[s] == ktx && keyT[s] == kt) {
                    weights[s] += count;
                    return this;
                }
                h = (h + 1) & mask;
            }
            if (size == keyX.length) {
                int cap = size * 2;
                keyX = Arrays.copyOf(keyX, cap);
                keyTx = Arrays.copyOf(keyTx, cap);
                keyT = Arrays.copyOf(keyT, cap);
                weights = Arrays.copyOf(weights, cap);
            }
            keyX[size] = kx;
            keyTx[size] = ktx;
            keyT[size] = kt;
            weights[size] = count;
            slots[h] = size;
            size++;
            if (size * 2 > slots.length) {
                rehash(slots.length * 2);
            }
            return this;
        }

        /**
         * @return the collapsed data; the builder can keep accumulating afterwards
         * @throws IllegalArgumentException if no customer was added
         */
        public RfmData build() {
            if (size == 0) {
                throw new IllegalArgumentException("no customers: add at least one (frequency, recency, age) triple");
            }
            return new RfmData(Arrays.copyOf(keyX, size), Arrays.copyOf(keyTx, size), Arrays.copyOf(keyT, size),
                    Arrays.copyOf(weights, size));
        }

        private void rehash(int capacity) {
            slots = newSlots(capacity);
            int mask = capacity - 1;
            for (int s = 0; s < size; s++) {
                int h = hash(keyX[s], keyTx[s], keyT[s]) & mask;
                while (slots[h] >= 0) {
                    h = (h + 1) & mask;
                }
                slots[h] = s;
            }
        }

        private static int[] newSlots(int capacity) {
            int[] s = new int[capacity];
            Arrays.fill(s, -1);
            return s;
        }

        private static int hash(double x, double tx, double t) {
            // the values are often small whole numbers or simple fractions, whose doubles differ only in
            // the high bits: a finaliser that shifts right before multiplying spreads them over the table
            long h = mix(Double.doubleToLongBits(x));
            h = mix(h ^ Double.doubleToLongBits(tx));
            h = mix(h ^ Double.doubleToLongBits(t));
            return (int) h;
        }

        /** MurmurHash3's 64-bit finaliser (fmix64). */
        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return z ^ (z >>> 33);
        }
    }
}
