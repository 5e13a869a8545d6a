package io.github.churnkit.models.clv;

import io.github.churnkit.scoring.clv.SbgParameters;

/**
 * A fitted shifted-beta-geometric model: the parameters (the runtime form used by scoring) and their
 * standard errors. Immutable and thread-safe.
 */
public final class SbgModel {

    private final SbgParameters parameters;
    private final ParameterEstimates estimates;
    private final double customers;
    private final FitSettings settings;

    SbgModel(ParameterEstimates estimates, double customers, FitSettings settings) {
        this.settings = settings;
        this.estimates = estimates;
        this.parameters = new SbgParameters(estimates.value(0), estimates.value(1));
        this.customers = customers;
    }

    /** @return the fitted (α, β) with survival, retention and DERL */
    public SbgParameters parameters() {
        return parameters;
    }

    /** @return estimates in the order alpha, beta */
    public ParameterEstimates estimates() {
        return estimates;
    }

    /** @return the number of customers fitted on */
    public double customers() {
        return customers;
    }

    /** @return the optimiser settings of the fit (provenance) */
    public FitSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "SbgModel[" + estimates + ", customers=" + (long) customers + "]";
    }
}
