package io.github.churnkit.examples.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.models.eval.Metrics;
import org.junit.jupiter.api.Test;

class ChurnTrainingTest {

    @Test
    void fit_auto_recordsOutOfFoldProbabilitiesOfEachTrainer() {
        CustomerTable t = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(1500)
                .withSeed(11)).generate();
        ChurnTraining.Result r = ChurnTraining.of(ChurnTraining.Options.defaults().withFolds(3).withMaxTrees(30)).fit(t);
        assertEquals(2, r.candidates().size());
        for (ChurnTraining.Candidate c : r.candidates()) {
            // the recorded out-of-fold probabilities reproduce the pooled AUC the cross-validator computed itself
            assertEquals(c.report().pooled().rocAuc(), Metrics.rocAuc(c.outOfFold(), r.labels()), 1e-12, c.name());
        }
        double best = Math.max(r.candidates().get(0).auc(), r.candidates().get(1).auc());
        assertEquals(best, r.chosen().auc());
        assertTrue(r.choiceSummary().startsWith("kept " + r.chosen().name()), r.choiceSummary());
        assertEquals(r.pipeline().width(), r.model().predictor().featureCount());
    }

    @Test
    void fit_noTarget_throwsNamingColumns() {
        CustomerTable t = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(50)).generate();
        CustomerTable noTarget = t.withSchema(t.schema().toBuilder().role("churned",
                io.github.churnkit.core.ColumnRole.IGNORED).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnTraining.of(ChurnTraining.Options.defaults()).fit(noTarget));
        assertTrue(e.getMessage().contains("no target column"), e.getMessage());
    }
}
