package io.github.churnkit.scoring.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentCodecTest {

    private static SegmentAssigner assigner() {
        return SegmentAssigner.builder()
                .features(List.of("tenure", "charges"))
                .scaler(new double[] {30, 70}, new double[] {0.04, 0.03})
                .segment(7, "loyal high spenders", new double[] {1.0, 1.2})
                .segment(3, "new budget", new double[] {-1.1, -0.8})
                .segment(11, "middle", new double[] {0.1, 0.0})
                .build();
    }

    @Test
    void read_written_sameAssignmentsAndNames() {
        SegmentAssigner a = assigner();
        ModelBundle b = ModelBundle.builder().put(SegmentCodec.SECTION, o -> SegmentCodec.write(a, o)).build();
        SegmentAssigner back = ModelBundle.parse(b.toBytes()).decode(SegmentCodec.SECTION, SegmentCodec::read);
        assertEquals(a.featureNames(), back.featureNames());
        assertEquals(a.segmentIds(), back.segmentIds());
        assertEquals(a.segmentNames(), back.segmentNames());
        assertArrayEquals(a.center(), back.center(), 0.0);
        assertArrayEquals(a.inverseScale(), back.inverseScale(), 0.0);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            double[] x = {rng.nextDouble(0, 72), rng.nextDouble(18, 120)};
            assertEquals(a.assign(x), back.assign(x));
        }
    }

    @Test
    void read_duplicateId_refused() {
        ModelBundle b = ModelBundle.builder().put(SegmentCodec.SECTION, o -> {
            o.writeStringList(List.of("x"));
            o.writeDoubleArray(new double[] {0}).writeDoubleArray(new double[] {1});
            o.writeInt(2);
            o.writeInt(1).writeString("a").writeDoubleArray(new double[] {0});
            o.writeInt(1).writeString("b").writeDoubleArray(new double[] {1});
        }).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(SegmentCodec.SECTION, SegmentCodec::read));
        assertTrue(e.getMessage().contains("duplicate segment id 1"), e.getMessage());
    }

    @Test
    void read_centroidWiderThanFeatures_refused() {
        ModelBundle b = ModelBundle.builder().put(SegmentCodec.SECTION, o -> {
            o.writeStringList(List.of("x"));
            o.writeDoubleArray(new double[] {0}).writeDoubleArray(new double[] {1});
            o.writeInt(1).writeInt(1).writeString("a").writeDoubleArray(new double[] {0, 0});
        }).build();
        assertThrows(BundleFormatException.class, () -> b.decode(SegmentCodec.SECTION, SegmentCodec::read));
    }
}
