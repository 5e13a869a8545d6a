package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFingerprintTest {

    @Test
    void of_tinyTable_equalsHashOfDocumentedEncodingComputedByHand() throws Exception {
        CustomerTable t = CustomerTable.of(List.of(
                NumericColumn.of("x", new double[] {1.5, Double.NaN}),
                CategoricalColumn.of("c", "a", null)));
        // documented encoding: long rows, int columns; per column name, type, and per row a missing
        // flag byte followed by the value if present (numbers as IEEE bits, categories as strings)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeLong(2);
        d.writeInt(2);
        writeString(d, "x");
        writeString(d, "NUMERIC");
        d.writeByte(0);
        d.writeLong(Double.doubleToLongBits(1.5));
        d.writeByte(1);
        writeString(d, "c");
        writeString(d, "CATEGORICAL");
        d.writeByte(0);
        writeString(d, "a");
        d.writeByte(1);
        d.flush();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        DataFingerprint f = DataFingerprint.of(t);
        assertEquals(new DataFingerprint(2, 2, expected), f);
    }

    @Test
    void of_oneValueChanged_differentHash() {
        DataFingerprint a = DataFingerprint.of(CustomerTable.of(List.of(NumericColumn.of("x", new double[] {1, 2}))));
        DataFingerprint b = DataFingerprint.of(CustomerTable.of(List.of(NumericColumn.of("x", new double[] {1, 3}))));
        DataFingerprint c = DataFingerprint.of(CustomerTable.of(List.of(NumericColumn.of("x", new double[] {2, 1}))));
        assertNotEquals(a.hash(), b.hash());
        assertNotEquals(a.hash(), c.hash());
    }

    @Test
    void of_tableLargerThanHashChunk_equalsHashOfWholeEncoding() throws Exception {
        // 20,000 rows x 9 bytes is past the 64 KiB chunk the implementation hashes at a time
        double[] v = new double[20_000];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeLong(v.length);
        d.writeInt(1);
        writeString(d, "x");
        writeString(d, "NUMERIC");
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5;
            d.writeByte(0);
            d.writeLong(Double.doubleToLongBits(v[i]));
        }
        d.flush();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        assertEquals(expected, DataFingerprint.of(CustomerTable.of(List.of(NumericColumn.of("x", v)))).hash());
    }

    private static void writeString(DataOutputStream d, String s) throws Exception {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }
}
