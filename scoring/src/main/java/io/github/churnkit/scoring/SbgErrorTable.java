package io.github.churnkit.scoring;

import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The delta-method standard error of {@code ln CLV} for each renewals count, for one bundle's sBG
 * parameters, settings and {@link SbgUncertainty}. The error depends on nothing else (not on
 * revenue or margin), so each count is computed once: counts below {@link #CACHED} on their first
 * use, kept in a table; larger counts on every use (each costs about as much as the CLV itself).
 *
 * <p>Thread-safe without locks: two threads that both find a count missing both compute the same
 * value (a pure function) and store the same bits; opaque access makes each 64-bit read and write
 * atomic. Lookups allocate nothing.
 */
final class SbgErrorTable {

    /** Renewals counts kept in the table: 0 to 1,023 (85 years of monthly renewals). */
    static final int CACHED = 1024;
    /** Marks a count not yet computed: a NaN bit pattern that a standard error (a square root of a non-negative number) never has. */
    private static final long EMPTY = -1L;

    private final ClvSettings settings;
    private final SbgParameters sbg;
    private final SbgUncertainty uncertainty;
    private final AtomicLongArray table = new AtomicLongArray(CACHED);

    SbgErrorTable(ClvSettings settings, SbgParameters sbg, SbgUncertainty uncertainty) {
        this.settings = settings;
        this.sbg = sbg;
        this.uncertainty = uncertainty;
        for (int i = 0; i < CACHED; i++) {
            table.setPlain(i, EMPTY);
        }
    }

    /** {@link SbgUncertainty#logStandardError} for {@code renewals >= 0}. */
    double logStandardError(int renewals) {
        if (renewals >= CACHED) {
            return uncertainty.logStandardError(settings, sbg, renewals);
        }
        long bits = table.getOpaque(renewals);
        if (bits != EMPTY) {
            return Double.longBitsToDouble(bits);
        }
        double se = uncertainty.logStandardError(settings, sbg, renewals);
        table.setOpaque(renewals, Double.doubleToRawLongBits(se));
        return se;
    }

    double lower(double clv, double logStandardError) {
        return uncertainty.lower(clv, logStandardError);
    }

    double upper(double clv, double logStandardError) {
        return uncertainty.upper(clv, logStandardError);
    }
}
