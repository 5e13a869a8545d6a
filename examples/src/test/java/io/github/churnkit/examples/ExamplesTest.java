package io.github.churnkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.testing.SharedData;
import io.github.churnkit.models.clv.BgNbdModel;
import io.github.churnkit.models.clv.ParameterEstimates;
import io.github.churnkit.models.segment.SegmentAlignment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example program (smaller sizes where they take a size) and checks what it claims. */
class ExamplesTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void telcoChurn_twoFolds_beatsPublishedLogisticReferenceBand() {
        // a published 5-fold logistic-regression reference on this file is 0.841 +- 0.008; boosted
        // trees on 2 folds (half the training rows) should stay well above 0.82
        double auc = TelcoChurnExample.run(SharedData.telco(), 2, out);
        assertTrue(auc > 0.82, printed());
        assertTrue(printed().contains("riskiest customer"), printed());
    }

    @Test
    void segmentation_rediscoversHiddenTypesBetterThanChance() {
        // ARI is 0 in expectation for a random grouping; the generator's types differ in devices,
        // hours, profiles, genres and age, so a k = 4 clustering on them must agree clearly more
        double ari = SegmentationExample.run(4000, out);
        assertTrue(ari > 0.2, printed());
        assertEquals(4, printed().lines().filter(l -> l.startsWith("segment ")).count(), printed());
    }

    @Test
    void transactionClv_recoversCdnowParametersWithinFourStandardErrors() {
        BgNbdModel m = TransactionClvExample.run(5000, out);
        ParameterEstimates e = m.estimates();
        double[] truth = {0.243, 4.414, 0.793, 2.426}; // the generator's defaults (CDNOW, Fader et al. 2005)
        double[] fitted = {m.parameters().r(), m.parameters().alpha(), m.parameters().a(), m.parameters().b()};
        for (int i = 0; i < 4; i++) {
            assertEquals(truth[i], fitted[i], 4 * e.standardError(i), e.names().get(i) + ": " + printed());
        }
        assertTrue(printed().contains("90% interval"), printed());
    }

    @Test
    void inProcessScoring_unhappyNewCustomerRiskierThanLoyalOne(@TempDir Path dir) {
        // the generator's churn logit falls with tenure, satisfaction and watch hours and rises with
        // support queries, so the short-tenure, unhappy request must score higher
        double[] p = InProcessScoringExample.run(dir.resolve("m.ckb"), out);
        assertTrue(p[1] > p[0], printed());
        assertTrue(p[0] >= 0 && p[1] <= 1, printed());
    }

    @Test
    void stableSegments_samePopulation_keepsEveryId() {
        // two snapshots of the same population: every segment should be matched, none added or gone
        SegmentAlignment a = StableSegmentsExample.run(4000, out);
        assertEquals(4, a.kept().size(), printed());
        assertTrue(a.added().isEmpty() && a.gone().isEmpty(), printed());
    }
}
