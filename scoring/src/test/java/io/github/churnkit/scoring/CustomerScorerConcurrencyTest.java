package io.github.churnkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.churnkit.core.CustomerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The concurrency acceptance of the scoring issue: 8 threads each score the same 1,000,000
 * customers through one shared scorer and must give exactly the single-threaded results. The
 * million customers cycle through 10,000 distinct generated ones (customer {@code i} is distinct
 * customer {@code i mod 10,000}), which keeps the fixture small while every thread still makes a
 * million calls interleaved with the others'; each thread checks every result against the
 * single-threaded array as it goes, so any cross-thread sharing of scratch buffers shows up as a
 * mismatch.
 */
class CustomerScorerConcurrencyTest {

    private static final int DISTINCT = 10_000;
    private static final int CALLS = 1_000_000;
    private static final int THREADS = 8;

    @Test
    void score_eightThreadsMillionCustomersEach_equalSingleThreaded() throws Exception {
        CustomerScorer scorer = CustomerScorer.of(ScorerFixtures.bundle());
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(scorer);
        CustomerTable t = ScorerFixtures.table(DISTINCT, 2026L);
        List<ScorerFixtures.Customer> customers = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            customers.add(ScorerFixtures.Customer.of(t, i));
        }
        CustomerScore[] expected = new CustomerScore[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            expected[i] = bound.score(customers.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                int offset = th * 1_237;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int k = 0; k < CALLS; k++) {
                        int i = (k + offset) % DISTINCT;
                        CustomerScore s = bound.score(customers.get(i));
                        if (!s.equals(expected[i])) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
