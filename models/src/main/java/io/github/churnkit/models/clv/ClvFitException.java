package io.github.churnkit.models.clv;

/**
 * A CLV model could not be fitted to the data: the likelihood has no interior maximum (a parameter
 * runs off to 0 or infinity) or the optimiser did not converge. The message says which parameter
 * ran off, in which direction, and what in the data usually causes it.
 */
public final class ClvFitException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and why
     */
    public ClvFitException(String message) {
        super(message);
    }
}
