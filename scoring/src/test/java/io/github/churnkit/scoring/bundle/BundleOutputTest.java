package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleOutputTest {

    @Test
    void writeString_utf8_lengthPrefixedBytes() {
        // "é" is C3 A9 in UTF-8; the prefix is the byte count 2 as a big-endian int
        assertArrayEquals(new byte[] {0, 0, 0, 2, (byte) 0xc3, (byte) 0xa9},
                new BundleOutput().writeString("\u00e9").toByteArray());
    }

    @Test
    void writeDouble_anyNan_writesCanonicalNan() {
        double otherNan = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);
        assertArrayEquals(new BundleOutput().writeDouble(Double.NaN).toByteArray(),
                new BundleOutput().writeDouble(otherNan).toByteArray());
        // 0x7ff8000000000000 is Java's canonical NaN (Double.doubleToLongBits)
        assertArrayEquals(new byte[] {0x7f, (byte) 0xf8, 0, 0, 0, 0, 0, 0},
                new BundleOutput().writeDouble(otherNan).toByteArray());
    }

    @Test
    void writeDoubleArray_layout_countThenIeeeBits() {
        // 1.0 = 0x3FF0000000000000
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0x3f, (byte) 0xf0, 0, 0, 0, 0, 0, 0},
                new BundleOutput().writeDoubleArray(new double[] {1.0}).toByteArray());
    }

    @Test
    void size_manyWrites_growsPastInitialBuffer() {
        BundleOutput out = new BundleOutput();
        out.writeList(List.of(new double[1000], new double[1000]), BundleOutput::writeDoubleArray);
        assertEquals(4 + 2 * (4 + 8000), out.size());
    }
}
