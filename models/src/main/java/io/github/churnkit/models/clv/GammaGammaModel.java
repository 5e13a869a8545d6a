package io.github.churnkit.models.clv;

import io.github.churnkit.scoring.clv.GammaGammaParameters;

/**
 * A fitted Gamma-Gamma spend model: the parameters (the runtime form used by scoring), their
 * standard errors, and the frequency-spend correlation found in the data. Immutable and thread-safe.
 */
public final class GammaGammaModel {

    private final GammaGammaParameters parameters;
    private final ParameterEstimates estimates;
    private final int customers;
    private final double correlation;
    private final FitSettings settings;

    GammaGammaModel(ParameterEstimates estimates, int customers, double correlation, FitSettings settings) {
        this.settings = settings;
        this.estimates = estimates;
        this.parameters = new GammaGammaParameters(estimates.value(0), estimates.value(1), estimates.value(2));
        this.customers = customers;
        this.correlation = correlation;
    }

    /** @return the fitted (p, q, γ) with the conditional expected spend */
    public GammaGammaParameters parameters() {
        return parameters;
    }

    /** @return estimates in the order p, q, gamma */
    public ParameterEstimates estimates() {
        return estimates;
    }

    /** @return the number of repeat customers fitted on */
    public int customers() {
        return customers;
    }

    /**
     * Pearson correlation between frequency and mean repeat spend among the customers fitted on. The
     * model assumes spend independent of the purchase process; values far from 0 (say |ρ| &gt; 0.3)
     * mean the CLV of frequent buyers is mis-stated.
     *
     * @return the correlation, NaN if either variable is constant
     */
    public double frequencySpendCorrelation() {
        return correlation;
    }

    /** @return the optimiser settings of the fit (provenance) */
    public FitSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "GammaGammaModel[" + estimates + ", customers=" + customers + ", corr(x, spend)=" + correlation + "]";
    }
}
