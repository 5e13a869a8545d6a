package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;

class ReferenceModelsTest {

    private static final BoostedChurnTrainer.Config CONFIG = BoostedChurnTrainer.Config.defaults().withMinLeafSize(5);
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    @Test
    void churnModel_boosted_holdsSmilesTreesBitForBit() {
        Simulated train = Simulated.binary(1000, 1);
        Simulated test = Simulated.binary(200, 2);
        ReferenceModels.Boosted boosted = ReferenceModels.boosted(train.x, train.y, CONFIG, 12);
        ChurnModel model = boosted.churnModel(NAMES);

        assertSame(boosted.runtime(), model.predictor());
        assertTrue(model.calibrator().isEmpty());
        DataFrame frame = boosted.frame(test.x);
        double[] posterior = new double[2];
        for (int i = 0; i < test.x.length; i++) {
            boosted.smile().predict(frame.get(i), posterior);
            // reference: Smile's own prediction on the same row (the flattening is exact)
            assertEquals(Double.doubleToRawLongBits(posterior[1]), Double.doubleToRawLongBits(model.probability(test.x[i])),
                    "row " + i);
        }
    }

    @Test
    void churnModel_boosted_recordsTheSettingsUsed() {
        Simulated train = Simulated.binary(500, 3);
        ChurnModel model = ReferenceModels.boosted(train.x, train.y, CONFIG, 7).churnModel(NAMES);

        TrainingProvenance p = model.provenance();
        assertEquals("ReferenceModels.boosted", p.trainer());
        assertEquals("7", p.settings().get("maxTrees"));
        assertEquals("false", p.settings().get("earlyStopping"));
        assertEquals("NONE", p.settings().get("calibration"));
        assertEquals(CONFIG.seed(), p.seed());
        assertEquals(MatrixFingerprint.of(train.x, train.y), p.data());
        assertEquals(NAMES, model.featureNames());
        assertEquals(NAMES, model.importance().features());
        assertEquals("gain", model.importance().method());
    }

    @Test
    void churnModel_wrongNumberOfNames_throws() {
        Simulated train = Simulated.binary(300, 4);
        ReferenceModels.Boosted boosted = ReferenceModels.boosted(train.x, train.y, CONFIG, 3);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> boosted.churnModel(List.of("a", "b")));
        assertTrue(e.getMessage().contains("5 features, found 2"), e.getMessage());
    }
}
