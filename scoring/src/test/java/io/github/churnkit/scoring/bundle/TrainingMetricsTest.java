package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingMetricsTest {

    @Test
    void constructor_copiesAndSortsByName() {
        Map<String, Double> values = new HashMap<>(Map.of("z", 1.0, "a", 2.0));
        TrainingMetrics m = new TrainingMetrics(values);
        values.put("b", 3.0);
        assertEquals(List.of("a", "z"), List.copyOf(m.values().keySet()));
        assertEquals(2.0, m.get("a"));
        assertTrue(Double.isNaN(m.get("b")));
    }

    @Test
    void constructor_nonFiniteOrBlank_throws() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingMetrics(Map.of("auc", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new TrainingMetrics(Map.of(" ", 1.0)));
    }

    @Test
    void readFrom_written_equal() {
        TrainingMetrics m = BundleFixtures.metrics();
        ModelBundle b = ModelBundle.builder().put(TrainingMetrics.SECTION, m::writeTo).build();
        assertEquals(m, b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom));
    }

    @Test
    void readFrom_infiniteValue_refused() {
        ModelBundle b = ModelBundle.builder().put(TrainingMetrics.SECTION,
                o -> o.writeInt(1).writeString("auc").writeDouble(Double.POSITIVE_INFINITY)).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom));
        assertTrue(e.getMessage().contains("metric 'auc' must be finite"), e.getMessage());
    }
}
