package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BundleInputTest {

    private static BundleInput input(BundleOutput out) {
        return BundleInput.of("test", out.toByteArray());
    }

    private static BundleInput bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return BundleInput.of("test", b);
    }

    @Test
    void read_everyWrittenValue_roundTrips() {
        Map<String, String> map = new TreeMap<>(Map.of("b", "2", "a", "1"));
        BundleOutput out = new BundleOutput()
                .writeByte(-7).writeBoolean(true).writeBoolean(false)
                .writeInt(Integer.MIN_VALUE).writeLong(Long.MAX_VALUE)
                .writeDouble(-0.0).writeDouble(Double.NaN).writeDouble(1e-300)
                .writeString("Zwei Jahre \u00fc \uD83D\uDE00")
                .writeDoubleArray(new double[] {1.5, Double.POSITIVE_INFINITY})
                .writeIntArray(new int[] {3, -1})
                .writeLongArray(new long[] {1L << 40})
                .writeStringList(List.of("x", ""))
                .writeStringMap(map)
                .writeList(List.of(10, 20), BundleOutput::writeInt);
        BundleInput in = input(out);
        assertEquals(-7, in.readByte());
        assertTrue(in.readBoolean());
        assertFalse(in.readBoolean());
        assertEquals(Integer.MIN_VALUE, in.readInt());
        assertEquals(Long.MAX_VALUE, in.readLong());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.readDouble()));
        assertTrue(Double.isNaN(in.readDouble()));
        assertEquals(1e-300, in.readDouble());
        assertEquals("Zwei Jahre \u00fc \uD83D\uDE00", in.readString(100));
        assertArrayEquals(new double[] {1.5, Double.POSITIVE_INFINITY}, in.readDoubleArray(2));
        assertArrayEquals(new int[] {3, -1}, in.readIntArray(2));
        assertArrayEquals(new long[] {1L << 40}, in.readLongArray(1));
        assertEquals(List.of("x", ""), in.readStringList(2, 1));
        assertEquals(map, in.readStringMap(2, 1));
        assertEquals(List.of(10, 20), in.readList(2, BundleInput::readInt));
        assertEquals(0, in.remaining());
        in.expectEnd();
    }

    @Test
    void readInt_bigEndian_matchesDocumentedByteOrder() {
        // docs/model-format.md: integers are big-endian two's complement
        assertEquals(0x01020304, bytes(1, 2, 3, 4).readInt());
        assertEquals(-2, bytes(0xff, 0xff, 0xff, 0xfe).readInt());
    }

    @Test
    void readDoubleArray_hugeDeclaredLength_refusedWithoutAllocating() {
        // a section of 12 bytes declaring 2^31-1 doubles (16 GiB)
        BundleInput in = bytes(0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0);
        long before = allocatedBytes();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> in.readDoubleArray(Integer.MAX_VALUE));
        long allocated = allocatedBytes() - before;
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
        assertTrue(e.getMessage().contains("only 8 remain"), e.getMessage());
        // the exception and its message cost a few KiB; an array of the declared size would be 16 GiB
        assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void readList_hugeCountOfTinyElements_refusedWithoutAllocating() {
        // 2^28 elements of at least one byte each cannot fit in 4 remaining bytes; an ArrayList of
        // that capacity alone would take 1 GiB
        BundleInput in = bytes(0x10, 0, 0, 0, 1, 2, 3, 4);
        long before = allocatedBytes();
        assertThrows(BundleFormatException.class, () -> in.readList(Integer.MAX_VALUE, BundleInput::readByte));
        assertTrue(allocatedBytes() - before < 1 << 20);
    }

    @Test
    void readString_lengthAboveCaller_maximumRefused() {
        BundleInput in = input(new BundleOutput().writeString("abcdef"));
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> in.readString(5));
        assertTrue(e.getMessage().contains("string length 6 exceeds the maximum 5"), e.getMessage());
        assertEquals("test", e.section());
        assertEquals(0, e.offset());
    }

    @Test
    void readIntArray_negativeLength_refused() {
        assertThrows(BundleFormatException.class, () -> bytes(0xff, 0xff, 0xff, 0xff).readIntArray(10));
    }

    @Test
    void readInt_truncated_refusedWithOffset() {
        BundleInput in = bytes(1, 2, 3, 4, 5, 6);
        in.readInt();
        BundleFormatException e = assertThrows(BundleFormatException.class, in::readInt);
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void readString_invalidUtf8_refused() {
        assertThrows(BundleFormatException.class, () -> bytes(0, 0, 0, 2, 0xc3, 0x28).readString(10));
    }

    @Test
    void readBoolean_otherThanZeroOrOne_refused() {
        assertThrows(BundleFormatException.class, () -> bytes(2).readBoolean());
    }

    @Test
    void readFiniteDoubleArray_nan_refusedNamingElement() {
        BundleInput in = input(new BundleOutput().writeDoubleArray(new double[] {1, Double.NaN}));
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> in.readFiniteDoubleArray("weights", 10));
        assertTrue(e.getMessage().contains("weights[1] must be finite"), e.getMessage());
        assertEquals(4 + 8, e.offset());
    }

    @Test
    void readIntArray_valueOutOfRange_refused() {
        BundleInput in = input(new BundleOutput().writeIntArray(new int[] {0, 7}));
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> in.readIntArray("children", 10, -1, 6));
        assertTrue(e.getMessage().contains("children[1] must be in [-1, 6], found 7"), e.getMessage());
    }

    @Test
    void readStringMap_duplicateKey_refused() {
        BundleOutput out = new BundleOutput().writeInt(2).writeString("k").writeString("1")
                .writeString("k").writeString("2");
        assertThrows(BundleFormatException.class, () -> input(out).readStringMap(10, 10));
    }

    @Test
    void readList_elementReadingNothing_refused() {
        BundleInput in = bytes(0, 0, 0, 1, 9);
        assertThrows(BundleFormatException.class, () -> in.readList(5, i -> "nothing read"));
    }

    @Test
    void expectEnd_trailingBytes_refused() {
        BundleInput in = bytes(0, 0, 0, 1, 9);
        in.readInt();
        BundleFormatException e = assertThrows(BundleFormatException.class, in::expectEnd);
        assertTrue(e.getMessage().contains("1 unread trailing bytes"), e.getMessage());
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
