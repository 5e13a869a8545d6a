package io.github.churnkit.models.clv;

import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.util.Optional;

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

    /**
     * The runtime form of the fit's uncertainty: the covariance of {@code (ln α, ln β)} from
     * {@link ParameterEstimates#logCovariance(int, int)} (made exactly symmetric by averaging the two
     * off-diagonal entries) with a confidence level. This is what a model bundle stores as section
     * {@code clv.sbg.interval} and what gives scores their CLV interval.
     *
     * @param level confidence level in (0, 1), e.g. 0.9
     * @return the uncertainty; empty when the covariance is unavailable (the Hessian of the fit was not
     *     positive definite, so the estimates carry NaN standard errors)
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Optional<SbgUncertainty> uncertainty(double level) {
        double c00 = estimates.logCovariance(0, 0);
        double c11 = estimates.logCovariance(1, 1);
        double c01 = 0.5 * (estimates.logCovariance(0, 1) + estimates.logCovariance(1, 0));
        if (!(Double.isFinite(c00) && Double.isFinite(c01) && Double.isFinite(c11))) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1), found " + level);
            }
            return Optional.empty();
        }
        return Optional.of(SbgUncertainty.of(new double[][] {{c00, c01}, {c01, c11}}, level));
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
