package io.github.churnkit.models.churn;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a model came from: the trainer, its settings, the seed, a fingerprint of the training
 * data, library and JVM versions, and the wall-clock training time.
 *
 * @param trainer        the trainer's name, e.g. {@code "BoostedChurnTrainer"}
 * @param settings       every setting of the trainer, by name (copied, sorted)
 * @param seed           the random seed
 * @param data           the training data's fingerprint
 * @param versions       library and JVM versions, by name (copied, sorted)
 * @param trainingMillis wall-clock training time in milliseconds
 */
public record TrainingProvenance(String trainer, Map<String, String> settings, long seed, MatrixFingerprint data,
        Map<String, String> versions, long trainingMillis) {

    /** Validates and copies the fields. */
    public TrainingProvenance {
        Objects.requireNonNull(trainer, "trainer");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(data, "data");
        versions = Map.copyOf(versions);
        if (trainingMillis < 0) {
            throw new IllegalArgumentException("trainingMillis must be non-negative, found " + trainingMillis);
        }
    }

    /** Writes this provenance as one JSON object. */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("trainer", trainer);
        g.writeObjectFieldStart("settings");
        for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("seed", seed);
        g.writeObjectFieldStart("data");
        g.writeNumberField("rows", data.rows());
        g.writeNumberField("columns", data.columns());
        g.writeStringField("hash", data.hash());
        g.writeEndObject();
        g.writeObjectFieldStart("versions");
        for (Map.Entry<String, String> e : new TreeMap<>(versions).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("trainingMillis", trainingMillis);
        g.writeEndObject();
    }
}
