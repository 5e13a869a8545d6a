package io.github.churnkit.scoring.clv;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.BundleOutput;
import java.util.function.Supplier;

/**
 * Writes and reads the CLV parameters as model bundle sections, one section per record so that a
 * bundle holds exactly the models it was trained with (an sBG model for subscriptions, BG/NBD and
 * Gamma-Gamma for transaction histories, or both):
 *
 * <table>
 *   <caption>CLV sections</caption>
 *   <tr><th>section</th><th>payload</th></tr>
 *   <tr><td>{@value #SETTINGS_SECTION}</td><td>f64 margin, f64 discount rate, i32 horizon</td></tr>
 *   <tr><td>{@value #SBG_SECTION}</td><td>f64 alpha, f64 beta</td></tr>
 *   <tr><td>{@value #SBG_INTERVAL_SECTION}</td><td>f64 c00, f64 c01, f64 c10, f64 c11 (the covariance of
 *       (ln alpha, ln beta), row by row), f64 level; format 1.1</td></tr>
 *   <tr><td>{@value #BG_NBD_SECTION}</td><td>f64 r, f64 alpha, f64 a, f64 b</td></tr>
 *   <tr><td>{@value #GAMMA_GAMMA_SECTION}</td><td>f64 p, f64 q, f64 gamma</td></tr>
 * </table>
 *
 * <p>Values are validated by the types' own factories (finite, positive, in range; for the interval
 * section finite, exactly symmetric, positive semi-definite and a level in (0, 1), see
 * {@link SbgUncertainty#of}); a violation raises {@link BundleFormatException} naming the section
 * and the offset of its first value. Stateless and thread-safe.
 */
public final class ClvCodec {

    /** Section of the {@link ClvSettings}. */
    public static final String SETTINGS_SECTION = "clv.settings";
    /** Section of the {@link SbgParameters}. */
    public static final String SBG_SECTION = "clv.sbg";
    /**
     * Section of the {@link SbgUncertainty} of the {@value #SBG_SECTION} parameters (format 1.1): what
     * gives sBG CLV scores their interval. Optional; without it the bounds are NaN.
     */
    public static final String SBG_INTERVAL_SECTION = "clv.sbg.interval";
    /** Section of the {@link BgNbdParameters}. */
    public static final String BG_NBD_SECTION = "clv.bgnbd";
    /** Section of the {@link GammaGammaParameters}. */
    public static final String GAMMA_GAMMA_SECTION = "clv.gamma-gamma";

    private ClvCodec() {
    }

    /** Writes settings. */
    public static void writeSettings(ClvSettings s, BundleOutput out) {
        out.writeDouble(s.margin()).writeDouble(s.discountRate()).writeInt(s.horizon());
    }

    /** Reads settings written by {@link #writeSettings}. */
    public static ClvSettings readSettings(BundleInput in) {
        long at = in.offset();
        double margin = in.readDouble();
        double discount = in.readDouble();
        int horizon = in.readInt();
        return validated(in, at, () -> new ClvSettings(margin, discount, horizon));
    }

    /** Writes sBG parameters. */
    public static void writeSbg(SbgParameters p, BundleOutput out) {
        out.writeDouble(p.alpha()).writeDouble(p.beta());
    }

    /** Reads sBG parameters written by {@link #writeSbg}. */
    public static SbgParameters readSbg(BundleInput in) {
        long at = in.offset();
        double alpha = in.readDouble();
        double beta = in.readDouble();
        return validated(in, at, () -> new SbgParameters(alpha, beta));
    }

    /** Writes the sBG parameters' uncertainty: the covariance of (ln alpha, ln beta) row by row, then the level. */
    public static void writeSbgInterval(SbgUncertainty u, BundleOutput out) {
        out.writeDouble(u.logCovariance(0, 0)).writeDouble(u.logCovariance(0, 1))
                .writeDouble(u.logCovariance(1, 0)).writeDouble(u.logCovariance(1, 1))
                .writeDouble(u.level());
    }

    /**
     * Reads the uncertainty written by {@link #writeSbgInterval}.
     *
     * @throws BundleFormatException if a value is not finite, the covariance is not symmetric or not
     *     positive semi-definite, or the level is not in (0, 1)
     */
    public static SbgUncertainty readSbgInterval(BundleInput in) {
        long at = in.offset();
        double[][] cov = new double[2][2];
        cov[0][0] = in.readDouble();
        cov[0][1] = in.readDouble();
        cov[1][0] = in.readDouble();
        cov[1][1] = in.readDouble();
        double level = in.readDouble();
        return validated(in, at, () -> SbgUncertainty.of(cov, level));
    }

    /** Writes BG/NBD parameters. */
    public static void writeBgNbd(BgNbdParameters p, BundleOutput out) {
        out.writeDouble(p.r()).writeDouble(p.alpha()).writeDouble(p.a()).writeDouble(p.b());
    }

    /** Reads BG/NBD parameters written by {@link #writeBgNbd}. */
    public static BgNbdParameters readBgNbd(BundleInput in) {
        long at = in.offset();
        double r = in.readDouble();
        double alpha = in.readDouble();
        double a = in.readDouble();
        double b = in.readDouble();
        return validated(in, at, () -> new BgNbdParameters(r, alpha, a, b));
    }

    /** Writes Gamma-Gamma parameters. */
    public static void writeGammaGamma(GammaGammaParameters p, BundleOutput out) {
        out.writeDouble(p.p()).writeDouble(p.q()).writeDouble(p.gamma());
    }

    /** Reads Gamma-Gamma parameters written by {@link #writeGammaGamma}. */
    public static GammaGammaParameters readGammaGamma(BundleInput in) {
        long at = in.offset();
        double p = in.readDouble();
        double q = in.readDouble();
        double gamma = in.readDouble();
        return validated(in, at, () -> new GammaGammaParameters(p, q, gamma));
    }

    private static <T> T validated(BundleInput in, long at, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), in.section(), at);
        }
    }
}
