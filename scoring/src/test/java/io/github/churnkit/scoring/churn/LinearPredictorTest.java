package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearPredictorTest {

    @Test
    void probability_binary_isLogisticOfMargin() {
        LinearPredictor m = LinearPredictor.binary(new double[] {0.5, -2.0}, 0.25, null);
        // z = 0.25 + 0.5*2 - 2*1 = -0.75 (by hand)
        double[] x = {2.0, 1.0};
        assertEquals(-0.75, m.rawScore(x, 0), 1e-15);
        assertEquals(1 / (1 + Math.exp(0.75)), m.probability(x), 1e-15);
        double[] out = new double[2];
        m.probabilities(x, out);
        assertEquals(Math.exp(0.75) / (1 + Math.exp(0.75)), out[0], 1e-15);
    }

    @Test
    void contributions_againstReference_sumToMargin() {
        LinearPredictor m = LinearPredictor.binary(new double[] {0.5, -2.0}, 0.25, new double[] {1.0, 1.0});
        double[] x = {3.0, 0.0};
        // contributions w_j (x_j - r_j) = (0.5*2, -2*-1) = (1, 2); base = 0.25 + 0.5 - 2 = -1.25
        assertArrayEquals(new double[] {1.0, 2.0}, m.contributions(x, 0), 1e-15);
        assertEquals(-1.25, m.expectedRawScore(0), 1e-15);
        assertEquals(m.rawScore(x, 0), m.expectedRawScore(0) + 3.0, 1e-15);
    }

    @Test
    void probabilities_multinomial_softmax() {
        LinearPredictor m = LinearPredictor.multinomial(new double[][] {{1}, {0}, {-1}}, new double[] {0, 0, 0}, null);
        double[] out = new double[3];
        m.probabilities(new double[] {1000}, out); // margins 1000, 0, -1000: no overflow
        assertEquals(1.0, out[0], 0.0);
        assertEquals(0.0, out[2], 0.0);
        m.probabilities(new double[] {Math.log(2)}, out);
        // margins ln2, 0, -ln2: e^m = 2, 1, 0.5, total 3.5
        assertArrayEquals(new double[] {2 / 3.5, 1 / 3.5, 0.5 / 3.5}, out, 1e-15);
    }

    @Test
    void factories_badInput_throw() {
        assertThrows(IllegalArgumentException.class, () -> LinearPredictor.binary(new double[] {Double.NaN}, 0, null));
        assertThrows(IllegalArgumentException.class, () -> LinearPredictor.binary(new double[] {1}, 0, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> LinearPredictor.multinomial(new double[][] {{1}, {1}}, new double[2], null));
        LinearPredictor m = LinearPredictor.binary(new double[] {1}, 0, null);
        assertThrows(IllegalArgumentException.class, () -> m.probability(new double[2]));
        assertThrows(IndexOutOfBoundsException.class, () -> m.rawScore(new double[1], 1));
    }
}
