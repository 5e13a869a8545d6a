package io.github.churnkit.spark;

import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.ScorerFixtures;
import io.github.churnkit.scoring.bundle.BundleInput;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;

/**
 * Scoring's complete fixture bundle ({@link ScorerFixtures#bundle()}) with its CLV switched from
 * the churn-probability method to the sBG method with an interval: revenue column {@code charges},
 * renewals column {@code tenure}, the fixture's CLV settings, sBG parameters {@link #SBG} and their
 * uncertainty {@link #UNCERTAINTY}. Built with scoring's own bundle API (this module's tests cannot
 * see the trainers): every other section is copied byte for byte.
 */
final class SbgClvBundle {

    /** sBG parameters: mean churn probability per period alpha / (alpha + beta) = 0.25. */
    static final SbgParameters SBG = new SbgParameters(1.2, 3.6);
    /**
     * Covariance of (ln alpha, ln beta) (positive definite: 0.012^2 < 0.04 x 0.09) at level 0.9,
     * of the size a fit on a few hundred customers gives.
     */
    static final SbgUncertainty UNCERTAINTY = SbgUncertainty.of(new double[][] {{0.04, 0.012}, {0.012, 0.09}}, 0.9);

    private SbgClvBundle() {
    }

    static ModelBundle bundle() {
        ModelBundle base = ScorerFixtures.bundle();
        ModelBundle.Builder b = ModelBundle.builder();
        for (String name : base.sectionNames()) {
            if (!name.equals(ClvInputs.SECTION)) {
                byte[] payload = base.decode(name, SbgClvBundle::payload);
                b.put(name, o -> {
                    for (byte x : payload) {
                        o.writeByte(x);
                    }
                });
            }
        }
        return b.put(ClvInputs.SECTION, ClvInputs.fromSbg("charges", "tenure")::writeTo)
                .put(ClvCodec.SBG_SECTION, o -> ClvCodec.writeSbg(SBG, o))
                .put(ClvCodec.SBG_INTERVAL_SECTION, o -> ClvCodec.writeSbgInterval(UNCERTAINTY, o))
                .build();
    }

    private static byte[] payload(BundleInput in) {
        byte[] out = new byte[in.remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.readByte();
        }
        return out;
    }
}
