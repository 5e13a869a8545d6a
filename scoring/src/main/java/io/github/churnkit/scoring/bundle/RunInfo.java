package io.github.churnkit.scoring.bundle;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Where and when a model was trained: the churnkit and Java versions and the training time.
 *
 * @param libraryVersion churnkit version that trained the model, not blank
 * @param javaVersion    the {@code java.version} of the training JVM, not blank
 * @param trainedAt      when training finished
 */
public record RunInfo(String libraryVersion, String javaVersion, Instant trainedAt) {

    /** Validates the fields. */
    public RunInfo {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(trainedAt, "trainedAt");
        if (libraryVersion.isBlank() || javaVersion.isBlank()) {
            throw new IllegalArgumentException("libraryVersion and javaVersion must not be blank, found '"
                    + libraryVersion + "' and '" + javaVersion + "'");
        }
    }

    /**
     * The current run: this churnkit's version (from the jar manifest, {@code "unknown"} when run
     * from classes), the running JVM's {@code java.version}, and the clock's instant. Pass a fixed
     * clock to make bundles reproducible.
     */
    public static RunInfo current(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String v = RunInfo.class.getPackage().getImplementationVersion();
        return new RunInfo(v == null ? "unknown" : v, System.getProperty("java.version", "unknown"),
                clock.instant());
    }

    void writeTo(BundleOutput out) {
        out.writeString(libraryVersion).writeString(javaVersion);
        out.writeLong(trainedAt.getEpochSecond()).writeInt(trainedAt.getNano());
    }

    static RunInfo readFrom(BundleInput in) {
        String lib = in.readString(ModelSchema.MAX_TEXT_BYTES);
        String java = in.readString(ModelSchema.MAX_TEXT_BYTES);
        long seconds = in.readLong();
        int nanos = in.readInt("trainedAt nanoseconds", 0, 999_999_999);
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            throw in.fail("trainedAt seconds out of range: " + seconds);
        }
        return new RunInfo(lib, java, Instant.ofEpochSecond(seconds, nanos));
    }
}
