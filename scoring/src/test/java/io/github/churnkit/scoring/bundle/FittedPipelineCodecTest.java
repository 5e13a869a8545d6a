package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FittedPipeline;
import org.junit.jupiter.api.Test;

class FittedPipelineCodecTest {

    @Test
    void read_written_sameTransformOnEveryRow() {
        CustomerTable t = BundleFixtures.table();
        FittedPipeline p = BundleFixtures.pipeline();
        ModelBundle b = ModelBundle.parse(ModelBundle.builder()
                .put(FittedPipelineCodec.SECTION, o -> FittedPipelineCodec.write(p, o)).build().toBytes());
        FittedPipeline back = b.decode(FittedPipelineCodec.SECTION, FittedPipelineCodec::read);
        assertEquals(p.featureNames(), back.featureNames());
        double[] a = new double[p.width()];
        double[] c = new double[back.width()];
        for (int r = 0; r < t.rowCount(); r++) {
            p.transformRow(t, r, a);
            back.transformRow(t, r, c);
            assertArrayEquals(a, c, 0.0, "row " + r);
        }
    }

    @Test
    void read_garbage_refusedAsBundleFormat() {
        ModelBundle b = ModelBundle.builder().put(FittedPipelineCodec.SECTION, o -> o.writeInt(12345)).build();
        assertThrows(BundleFormatException.class, () -> b.decode(FittedPipelineCodec.SECTION, FittedPipelineCodec::read));
    }
}
