package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingProvenanceTest {

    @Test
    void fingerprint_changesWithOneValue() {
        double[][] x = {{1, 2}, {3, 4}};
        MatrixFingerprint a = MatrixFingerprint.of(x, new int[] {0, 1});
        assertEquals(a, MatrixFingerprint.of(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1}));
        assertNotEquals(a.hash(), MatrixFingerprint.of(new double[][] {{1, 2}, {3, 4.000001}}, new int[] {0, 1}).hash());
        assertNotEquals(a.hash(), MatrixFingerprint.of(x, new int[] {1, 1}).hash());
        assertEquals(16, a.hash().length());
    }

    @Test
    void writeJson_containsEveryField() throws IOException {
        TrainingProvenance p = new TrainingProvenance("T", Map.of("a", "1"), 7L, new MatrixFingerprint(2, 3, "00ff"),
                Map.of("java", "21"), 5L);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            p.writeJson(g);
        }
        assertEquals("{\"trainer\":\"T\",\"settings\":{\"a\":\"1\"},\"seed\":7,\"data\":{\"rows\":2,\"columns\":3,"
                + "\"hash\":\"00ff\"},\"versions\":{\"java\":\"21\"},\"trainingMillis\":5}", out.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingProvenance("T", Map.of(), 0, new MatrixFingerprint(1, 1, "x"), Map.of(), -1));
    }

    @Test
    void versions_filteredFromTheBuild() {
        Map<String, String> v = Versions.all();
        assertEquals("4.4.2", v.get("smile"));
        assertTrue(v.get("churnkit").endsWith("SNAPSHOT") || v.get("churnkit").matches("\\d+\\.\\d+\\.\\d+"), v.toString());
    }
}
