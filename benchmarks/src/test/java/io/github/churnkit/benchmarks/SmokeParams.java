package io.github.churnkit.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Small sizes for the smoke run: keyed by {@code @Param} name. Add a line here when a benchmark's
 * {@code @Setup} would be too slow for the normal build at its full size.
 */
final class SmokeParams {

    private SmokeParams() {
    }

    static void apply(ChainedOptionsBuilder builder) {
        builder.param("rows", "1000");
    }
}
