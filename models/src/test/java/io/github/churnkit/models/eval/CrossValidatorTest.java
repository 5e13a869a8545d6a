package io.github.churnkit.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.churnkit.models.churn.Calibration;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossValidatorTest {

    /** logit P(y=1) = -1 + 1.5 x0, x0 ~ U(-1, 1): a model with real skill, a baseline with none. */
    private static double[][] x;
    private static int[] y;

    static {
        SplittableRandom rng = new SplittableRandom(3);
        x = new double[2000][2];
        y = new int[2000];
        for (int i = 0; i < 2000; i++) {
            x[i][0] = rng.nextDouble(-1, 1);
            x[i][1] = rng.nextDouble();
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(1 - 1.5 * x[i][0])) ? 1 : 0;
        }
    }

    @Test
    void crossValidate_logistic_beatsBaseline() {
        LogisticChurnTrainer trainer = LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults()
                .withCalibration(Calibration.NONE).withEpochs(5));
        List<String> done = new ArrayList<>();
        CrossValidationReport cv = CrossValidator.of(CrossValidator.Config.defaults().withFolds(4))
                .withListener((stage, d, total) -> done.add(stage + d))
                .crossValidate(trainer, x, y, List.of("a", "b"));
        assertEquals(4, cv.folds().size());
        assertEquals(4, done.size());
        // constant predictions tie everywhere: AUC exactly 1/2
        assertEquals(0.5, cv.baselineMean("rocAuc"), 1e-12);
        assertTrue(cv.mean("rocAuc") > 0.65, cv.toString());
        assertTrue(cv.mean("brier") < cv.baselineMean("brier"));
        assertTrue(cv.sd("rocAuc") > 0 && cv.sd("rocAuc") < 0.05);
        assertEquals(2000, cv.pooled().rows());
    }

    @Test
    void toJson_isValidJsonWithSummary() throws IOException {
        LogisticChurnTrainer trainer = LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults()
                .withCalibration(Calibration.NONE).withEpochs(2));
        String json = CrossValidator.of(CrossValidator.Config.defaults().withFolds(3))
                .crossValidate(trainer, x, y, List.of("a", "b")).toJson();
        int fields = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("rocAuc")) {
                    fields++;
                }
            }
        }
        // summary + pooled + 3 folds
        assertEquals(5, fields);
        assertTrue(json.contains("\"trainer\" : \"LogisticChurnTrainer\""), json.substring(0, 200));
    }

    @Test
    void trainTest_logistic_evaluatesHeldOutShare() {
        LogisticChurnTrainer trainer = LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults()
                .withCalibration(Calibration.NONE).withEpochs(3));
        EvaluationReport r = CrossValidator.withDefaults().trainTest(trainer,
                (train, test) -> new CrossValidator.FoldData(CrossValidator.rows(x, train), CrossValidator.rows(x, test),
                        List.of("a", "b")), y, 0.25);
        // a quarter of 2000 rows, stratified
        assertEquals(500, r.rows(), 1);
        assertTrue(r.rocAuc() > 0.6, r.toString());
    }

    @Test
    void crossValidate_nonBinaryLabels_throw() {
        LogisticChurnTrainer trainer = LogisticChurnTrainer.withDefaults();
        int[] bad = y.clone();
        bad[5] = -1;
        assertThrows(IllegalArgumentException.class,
                () -> CrossValidator.withDefaults().crossValidate(trainer, x, bad, List.of("a", "b")));
    }
}
