package io.github.churnkit.models.clv;

import io.github.churnkit.scoring.clv.BgNbdParameters;

/**
 * A fitted BG/NBD model: the parameters (the runtime form used by scoring), their standard errors
 * and covariance, and what it was fitted on. Immutable and thread-safe.
 */
public final class BgNbdModel {

    private final BgNbdParameters parameters;
    private final ParameterEstimates estimates;
    private final double customers;
    private final int distinctTriples;
    private final FitSettings settings;

    BgNbdModel(ParameterEstimates estimates, double customers, int distinctTriples, FitSettings settings) {
        this.settings = settings;
        this.estimates = estimates;
        this.parameters = new BgNbdParameters(estimates.value(0), estimates.value(1), estimates.value(2),
                estimates.value(3));
        this.customers = customers;
        this.distinctTriples = distinctTriples;
    }

    /** @return the fitted (r, α, a, b), with the per-customer formulas */
    public BgNbdParameters parameters() {
        return parameters;
    }

    /** @return estimates in the order r, alpha, a, b, with standard errors and covariance */
    public ParameterEstimates estimates() {
        return estimates;
    }

    /** @return the number of customers fitted on */
    public double customers() {
        return customers;
    }

    /** @return the number of distinct (x, t_x, T) triples the likelihood was evaluated on */
    public int distinctTriples() {
        return distinctTriples;
    }

    /** @return the optimiser settings of the fit (provenance) */
    public FitSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "BgNbdModel[" + estimates + ", customers=" + (long) customers + "]";
    }
}
