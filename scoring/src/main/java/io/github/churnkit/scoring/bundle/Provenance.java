package io.github.churnkit.scoring.bundle;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a model came to be: the trainer settings, the random seed, the training data's fingerprint,
 * and the versions and time of the run. With these, training can be repeated and the model
 * audited.
 *
 * <p>Stored in the bundle section {@value #SECTION}. Immutable and thread-safe; the settings are
 * copied and sorted by key so equal provenance writes identical bytes.
 *
 * @param settings trainer settings as text ({@code "trees" -> "100"}), keys not blank
 * @param seed     the seed every random step was derived from
 * @param data     the training data's fingerprint
 * @param run      versions and time of the training run
 */
public record Provenance(Map<String, String> settings, long seed, DataFingerprint data, RunInfo run) {

    /** The bundle section name. */
    public static final String SECTION = "provenance";

    static final int MAX_SETTINGS = 10_000;

    /** Validates and copies. */
    public Provenance {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(run, "run");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "setting name");
            if (key.isBlank()) {
                throw new IllegalArgumentException("setting name must not be blank");
            }
            copy.put(key, Objects.requireNonNull(e.getValue(), () -> "value of setting '" + key + "'"));
        }
        settings = Collections.unmodifiableMap(copy);
    }

    /** Writes the payload of section {@value #SECTION} (see docs/model-format.md). */
    public void writeTo(BundleOutput out) {
        out.writeStringMap(settings);
        out.writeLong(seed);
        data.writeTo(out);
        run.writeTo(out);
    }

    /**
     * Reads provenance written by {@link #writeTo(BundleOutput)}.
     *
     * @throws BundleFormatException if the payload is malformed
     */
    public static Provenance readFrom(BundleInput in) {
        Map<String, String> settings = in.readStringMap(MAX_SETTINGS, ModelSchema.MAX_TEXT_BYTES);
        long seed = in.readLong();
        DataFingerprint data = DataFingerprint.readFrom(in);
        RunInfo run = RunInfo.readFrom(in);
        return new Provenance(settings, seed, data, run);
    }
}
