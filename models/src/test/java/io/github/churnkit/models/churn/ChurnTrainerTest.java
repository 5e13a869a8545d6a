package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChurnTrainerTest {

    @Test
    void fit_matrixWiderThanPipeline_throwsNamingBothWidths() {
        CustomerTable t = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(400)).generate();
        FittedPipeline pipeline = FeaturePipeline.defaults(t.schema()).fit(t);
        double[][] x = pipeline.transform(t);
        double[][] wider = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            wider[i] = Arrays.copyOf(x[i], x[i].length + 1);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticChurnTrainer.withDefaults().fit(pipeline, wider, t.targetLabels()));
        assertTrue(e.getMessage().contains((pipeline.width() + 1) + " columns"), e.getMessage());
        assertTrue(e.getMessage().contains("produces " + pipeline.width()), e.getMessage());
        ChurnModel ok = BaselineChurnTrainer.create().fit(pipeline, x, t.targetLabels());
        assertEquals(pipeline.featureNames(), ok.featureNames());
    }

    @Test
    void baseline_predictsTrainingChurnRate() {
        double[][] x = {{1}, {2}, {3}, {4}};
        ChurnModel m = BaselineChurnTrainer.create().fit(x, new int[] {0, 0, 0, 1});
        // one churner in four: every customer gets 0.25
        assertEquals(0.25, m.probability(new double[] {100}), 1e-15);
    }
}
