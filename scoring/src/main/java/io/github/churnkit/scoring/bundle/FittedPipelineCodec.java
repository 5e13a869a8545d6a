package io.github.churnkit.scoring.bundle;

import io.github.churnkit.features.FittedPipeline;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Stores the fitted feature pipeline in the model bundle section {@value #SECTION}. The payload is
 * exactly the pipeline's own plain-data layout ({@link FittedPipeline#writeTo(java.io.DataOutput)},
 * documented there), whose reader bounds every count and validates every statistic; the bundle adds
 * the checksum and the section framing. Stateless and thread-safe.
 */
public final class FittedPipelineCodec {

    /** The bundle section name. */
    public static final String SECTION = "features.pipeline";

    private FittedPipelineCodec() {
    }

    /** Writes the pipeline. */
    public static void write(FittedPipeline pipeline, BundleOutput out) {
        out.writeRaw(Objects.requireNonNull(pipeline, "pipeline").toBytes());
    }

    /**
     * Reads a pipeline written by {@link #write}, consuming the rest of the section.
     *
     * @throws BundleFormatException if the payload is not a valid fitted pipeline
     */
    public static FittedPipeline read(BundleInput in) {
        long at = in.offset();
        byte[] payload = in.readRemaining();
        try {
            return FittedPipeline.fromBytes(payload);
        } catch (UncheckedIOException e) {
            throw new BundleFormatException(String.valueOf(e.getCause().getMessage()), in.section(), at);
        }
    }
}
