package io.github.churnkit.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Small sizes for the smoke run: keyed by {@code @Param} name. Add a line here when a benchmark's
 * {@code @Setup} would be too slow for the normal build at its full size.
 */
final class SmokeParams {

    /**
     * Training rows (or customers) of every benchmark with a {@code rows} parameter; also the size the
     * agreement tests use, so that both share {@link ChurnFixture}'s models in one test JVM.
     */
    static final int ROWS = 1000;

    private SmokeParams() {
    }

    static void apply(ChainedOptionsBuilder builder) {
        builder.param("rows", Integer.toString(ROWS));
    }
}
