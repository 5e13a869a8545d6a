package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.ColumnTransform.DaysSince;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import io.github.churnkit.features.ColumnTransform.QuantileBins;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PipelineCodecTest {

    /** A pipeline using every block and source kind. */
    private static FittedPipeline everything() {
        CustomerTable t = Tables.small();
        return FeaturePipeline.defaults(t.schema())
                .with("fee", Numeric.defaults().withLog1p(true).withClipQuantile(0.1))
                .with("joined", new DaysSince(Numeric.defaults().withImputation(ColumnTransform.Imputation.MEAN)))
                .withRatio("fee_per_paper", "fee", "paper")
                .withDifference("fee_minus_joined", "fee", "joined")
                .with("fee_minus_joined", QuantileBins.of(3))
                .withReferenceDate(LocalDate.of(2024, 6, 1))
                .withStrict(true)
                .with("plan", Ordinal.of("Basic", "Standard", "Premium"))
                .fit(t);
    }

    private static FittedPipeline withTarget() {
        CustomerTable t = Tables.small();
        return FeaturePipeline.defaults(t.schema()).with("plan", new TargetEncoding(3, 0.5)).fit(t);
    }

    private static FittedPipeline read(byte[] bytes) throws IOException {
        return FittedPipeline.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void roundTrip_everyBlockKind_bitIdenticalVectorsAndBytes() throws IOException {
        for (FittedPipeline f : new FittedPipeline[] {everything(), withTarget()}) {
            byte[] bytes = f.toBytes();
            FittedPipeline g = read(bytes);
            assertEquals(f.featureNames(), g.featureNames());
            assertEquals(f.inputColumns(), g.inputColumns());
            assertEquals(f.strict(), g.strict());
            assertEquals(f.referenceDate(), g.referenceDate());
            assertArrayEquals(bytes, g.toBytes());
            double[][] a = f.transform(Tables.small());
            double[][] b = g.transform(Tables.small());
            for (int r = 0; r < a.length; r++) {
                assertArrayEquals(a[r], b[r]);
            }
            double[][] oofA = f.transformOutOfFold(Tables.small());
            double[][] oofB = g.transformOutOfFold(Tables.small());
            assertArrayEquals(oofA[2], oofB[2]);
        }
    }

    @Test
    void readFrom_everyTruncation_throwsEof() {
        byte[] bytes = everything().toBytes();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThrows(EOFException.class, () -> read(cut), "prefix of " + n + " bytes");
        }
    }

    @Test
    void readFrom_badMagic_throws() {
        byte[] bytes = everything().toBytes();
        bytes[0] = 'X';
        IOException e = assertThrows(IOException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void readFrom_unknownVersion_throws() {
        byte[] bytes = everything().toBytes();
        ByteBuffer.wrap(bytes).putInt(4, 99);
        IOException e = assertThrows(IOException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void readFrom_hugeInputCount_rejectedBeforeAllocating() {
        byte[] bytes = everything().toBytes();
        // magic 4 + version 4 + strict 1 + seed 8 + reference day 4 = offset 21 for the input count
        ByteBuffer.wrap(bytes).putInt(21, Integer.MAX_VALUE);
        IOException e = assertThrows(IOException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("input count"), e.getMessage());
    }

    @Test
    void readFrom_largeButAllowedLevelCountWithoutData_eofNotOutOfMemory() throws IOException {
        FittedPipeline f = FeaturePipeline.defaults(Tables.small().schema())
                .with("plan", ColumnTransform.OneHot.defaults().withMinCount(1)).fit(Tables.small());
        byte[] bytes = f.toBytes();
        // the kept-levels count of the one-hot block sits right before the first level "Basic"
        int at = indexOf(bytes, new byte[] {0, 5, 'B', 'a', 's', 'i', 'c'}) - 4;
        ByteBuffer.wrap(bytes).putInt(at, 999_999);
        assertThrows(IOException.class, () -> read(bytes));
    }

    @Test
    void readFrom_zeroScale_throwsNamingIt() throws IOException {
        FittedPipeline f = FeaturePipeline.defaults(Tables.small().schema()).without("plan").without("paper")
                .without("joined").fit(Tables.small());
        byte[] bytes = f.toBytes();
        // layout: the numeric block ends with the scale, then the 4-byte end marker
        ByteBuffer.wrap(bytes).putDouble(bytes.length - 12, 0.0);
        IOException e = assertThrows(IOException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }

    @Test
    void readFrom_everySingleByteCorruption_failsCleanlyOrReadsValid() {
        byte[] bytes = withTarget().toBytes();
        byte[] other = everything().toBytes();
        for (byte[] original : new byte[][] {bytes, other}) {
            for (int i = 0; i < original.length; i++) {
                byte[] bad = original.clone();
                bad[i] ^= (byte) 0x5A;
                try {
                    FittedPipeline p = read(bad);
                    // a pipeline that reads must also work (lenient: a corrupted column name is then just absent)
                    p.withStrict(false).transform(Tables.small());
                    p.withStrict(false).transform(RowBuffer.of(p), new double[p.width()]);
                } catch (IOException expected) {
                    // the only allowed failure
                }
            }
        }
    }

    @Test
    void fromBytes_trailingBytes_throws() {
        byte[] bytes = everything().toBytes();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(UncheckedIOException.class, () -> FittedPipeline.fromBytes(longer));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
