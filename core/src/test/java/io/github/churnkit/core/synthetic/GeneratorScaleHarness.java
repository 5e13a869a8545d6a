package io.github.churnkit.core.synthetic;

import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import java.io.BufferedWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * A manual scale check (not a unit test, not a benchmark): streams ten million synthetic
 * subscription customers to a byte-counting sink in a small heap, and simulates and summarises a
 * multi-million-transaction log. It prints wall-clock times and heap use for a rough, single-run
 * picture; speed claims belong in the JMH benchmarks module. Run after {@code test-compile}:
 *
 * <pre>
 * java -Xmx64m -cp core/target/classes:core/target/test-classes:$CSV:$SLF4J \
 *     io.github.churnkit.core.synthetic.GeneratorScaleHarness subscriptions 10000000
 * java -Xmx1g -cp ... io.github.churnkit.core.synthetic.GeneratorScaleHarness transactions 2000000
 * </pre>
 */
public final class GeneratorScaleHarness {

    private GeneratorScaleHarness() {
    }

    /** Discards characters, counting them. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s, int off, int len) {
            chars += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Entry point.
     *
     * @param args {@code subscriptions N} or {@code transactions N}
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "subscriptions";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        long[] peak = new long[1];
        long t0 = System.nanoTime();
        if (what.equals("subscriptions")) {
            CountingWriter sink = new CountingWriter();
            SubscriptionGenerator gen = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(n));
            try (Writer w = new BufferedWriter(sink, 1 << 16)) {
                gen.writeCsv(w, (done, total) -> peak[0] = Math.max(peak[0], usedHeap()));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "subscriptions: %d rows, %d chars, %.1f s (%.0f rows/s), max heap %d MB, peak used %d MB%n",
                    n, sink.chars, s, n / s, Runtime.getRuntime().maxMemory() >> 20, peak[0] >> 20);
        } else {
            TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults().withCustomers(n));
            TransactionLog log = gen.generate();
            double g = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            CustomerSummaries sum = TransactionSummarizer.of(gen.config().calendar().summarizerConfig()).summarize(log);
            double s = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "transactions: %d customers, %d transactions, generate %.1f s, summarise %.2f s,"
                    + " %d summarised, max heap %d MB, used after %d MB%n", n, log.size(), g, s, sum.size(),
                    Runtime.getRuntime().maxMemory() >> 20, usedHeap() >> 20);
        }
    }
}
