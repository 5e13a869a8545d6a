package io.github.churnkit.core.transactions;

import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A columnar log of purchases: one (customer, date, amount) triple per transaction, held in three
 * primitive arrays (customer index, epoch day, amount) plus one id string per distinct customer,
 * so a transaction costs 16 bytes and no object. Ten million transactions fit in about 160 MB.
 *
 * <p>Customers are numbered {@code 0 .. customerCount()-1} in order of first appearance;
 * transactions keep the order in which they were added (no sorting is assumed by
 * {@link TransactionSummarizer}).
 *
 * <p>Build one with {@link #builder()}, read one from CSV with {@link TransactionReader}, or
 * simulate one with {@code io.github.churnkit.core.synthetic.TransactionGenerator}. Immutable and
 * thread-safe once built.
 */
public final class TransactionLog {

    private final List<String> customerIds;
    private final int[] customer;
    private final int[] day;
    private final double[] amount;

    private TransactionLog(List<String> customerIds, int[] customer, int[] day, double[] amount) {
        this.customerIds = customerIds;
        this.customer = customer;
        this.day = day;
        this.amount = amount;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of transactions. */
    public int size() {
        return customer.length;
    }

    /** Number of distinct customers. */
    public int customerCount() {
        return customerIds.size();
    }

    /** The id of customer number {@code c} (0-based, in order of first appearance). */
    public String customerId(int c) {
        return customerIds.get(c);
    }

    /** All customer ids, in customer-number order (unmodifiable). */
    public List<String> customerIds() {
        return customerIds;
    }

    /** The customer number of transaction {@code i}. */
    public int customerIndex(int i) {
        return customer[i];
    }

    /** The epoch day ({@link LocalDate#toEpochDay()}) of transaction {@code i}. */
    public int epochDay(int i) {
        return day[i];
    }

    /** The date of transaction {@code i}. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(day[i]);
    }

    /** The amount of transaction {@code i}. */
    public double amount(int i) {
        return amount[i];
    }

    /**
     * Writes the log as CSV in the format of {@link TransactionCsvWriter}, in transaction order.
     * The writer is flushed, not closed.
     *
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Writer out) {
        TransactionCsvWriter w = TransactionCsvWriter.to(out);
        for (int i = 0; i < customer.length; i++) {
            w.write(customerIds.get(customer[i]), day[i], amount[i]);
        }
        w.flush();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionLog t && t.customerIds.equals(customerIds)
                && Arrays.equals(t.customer, customer) && Arrays.equals(t.day, day)
                && Arrays.equals(t.amount, amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerIds, Arrays.hashCode(customer), Arrays.hashCode(day), Arrays.hashCode(amount));
    }

    @Override
    public String toString() {
        return "TransactionLog[" + customer.length + " transactions, " + customerIds.size() + " customers]";
    }

    /** Grows a log in primitive arrays. Not thread-safe; do not reuse after {@link #build()}. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> indexOf = new HashMap<>();
        private int[] customer = new int[64];
        private int[] day = new int[64];
        private double[] amount = new double[64];
        private int size;
        private boolean built;

        private Builder() {
        }

        /**
         * The number of customer {@code id}, registering it if it is new. Lets a caller that adds
         * many transactions of one customer look the id up once.
         */
        public int customer(String id) {
            Objects.requireNonNull(id, "id");
            Integer c = indexOf.get(id);
            if (c == null) {
                c = ids.size();
                indexOf.put(id, c);
                ids.add(id);
            }
            return c;
        }

        /** Appends a transaction of customer {@code id}. */
        public Builder add(String id, LocalDate date, double amount) {
            return add(customer(id), Math.toIntExact(date.toEpochDay()), amount);
        }

        /**
         * Appends a transaction of customer number {@code customerIndex} (from {@link #customer(String)}).
         *
         * @throws IllegalArgumentException if the customer number is unknown or the amount is not finite
         */
        public Builder add(int customerIndex, int epochDay, double value) {
            if (built) {
                throw new IllegalStateException("the log was already built");
            }
            if (customerIndex < 0 || customerIndex >= ids.size()) {
                throw new IllegalArgumentException("unknown customer number " + customerIndex
                        + "; register ids with customer(id) first");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("amount must be finite, found " + value
                        + " for customer '" + ids.get(customerIndex) + "'");
            }
            if (size == customer.length) {
                int next = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, size + (size >> 1) + 64L));
                if (next == size) {
                    throw new IllegalStateException("transaction log too large: " + size + " transactions");
                }
                customer = Arrays.copyOf(customer, next);
                day = Arrays.copyOf(day, next);
                amount = Arrays.copyOf(amount, next);
            }
            customer[size] = customerIndex;
            day[size] = epochDay;
            amount[size] = value;
            size++;
            return this;
        }

        /** Transactions added so far. */
        public int size() {
            return size;
        }

        /** The immutable log (arrays trimmed to size). */
        public TransactionLog build() {
            if (built) {
                throw new IllegalStateException("the log was already built");
            }
            built = true;
            return new TransactionLog(List.copyOf(ids), Arrays.copyOf(customer, size),
                    Arrays.copyOf(day, size), Arrays.copyOf(amount, size));
        }
    }
}
