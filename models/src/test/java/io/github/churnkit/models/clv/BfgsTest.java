package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BfgsTest {

    @Test
    void minimize_rosenbrock_findsOneOne() {
        // f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1)
        Objective rosenbrock = (p, g) -> {
            double x = p[0];
            double y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        };
        Bfgs.Point p = new Bfgs(1000, 1e-10, 30).minimize(rosenbrock, new double[] {-1.2, 1.0});
        assertTrue(p.converged());
        assertEquals(1.0, p.xCopy()[0], 1e-6);
        assertEquals(1.0, p.xCopy()[1], 1e-6);
    }

    @Test
    void choleskyInverse_knownMatrix_inverts() {
        // [[4, 2], [2, 3]]^{-1} = (1/8) [[3, −2], [−2, 4]]
        double[][] inv = MaximumLikelihood.choleskyInverse(new double[][] {{4, 2}, {2, 3}});
        assertEquals(3.0 / 8, inv[0][0], 1e-15);
        assertEquals(-2.0 / 8, inv[0][1], 1e-15);
        assertEquals(4.0 / 8, inv[1][1], 1e-15);
        // not positive definite: all NaN
        assertTrue(Double.isNaN(MaximumLikelihood.choleskyInverse(new double[][] {{1, 2}, {2, 1}})[0][0]));
    }
}
