package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.monitor.TrainingDistributions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    @TempDir
    Path dir;

    @Test
    void load_writtenBundle_roundTripsEverySection() {
        Path file = dir.resolve("model.ckb");
        BundleFixtures.bundle().writeTo(file);
        ModelBundle b = ModelBundle.load(file);
        assertEquals(Set.of("drift", "metrics", "provenance", "schema"), b.sectionNames());
        assertEquals(BundleFixtures.schema(), b.decode(ModelSchema.SECTION, ModelSchema::readFrom));
        assertEquals(BundleFixtures.metrics(), b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom));
        assertEquals(BundleFixtures.provenance(), b.decode(Provenance.SECTION, Provenance::readFrom));
        assertEquals(BundleFixtures.distributions(),
                b.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom));
        assertEquals(1, b.formatMajor());
        assertEquals(1, b.formatMinor()); // docs/model-format.md: this library writes format 1.1
    }

    @Test
    void build_sameContentInAnyOrder_byteIdentical() {
        byte[] first = BundleFixtures.bundle().toBytes();
        byte[] reordered = ModelBundle.builder()
                .put(TrainingDistributions.SECTION, BundleFixtures.distributions()::writeTo)
                .put(Provenance.SECTION, BundleFixtures.provenance()::writeTo)
                .put(ModelSchema.SECTION, BundleFixtures.schema()::writeTo)
                .put(TrainingMetrics.SECTION, BundleFixtures.metrics()::writeTo)
                .build().toBytes();
        assertArrayEquals(first, reordered);
    }

    @Test
    void writeTo_twice_filesByteIdentical() throws Exception {
        BundleFixtures.bundle().writeTo(dir.resolve("a.ckb"));
        BundleFixtures.bundle().writeTo(dir.resolve("b.ckb"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.ckb")), Files.readAllBytes(dir.resolve("b.ckb")));
        // load and write again: the same bytes
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ModelBundle.load(dir.resolve("a.ckb")).writeTo(again);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.ckb")), again.toByteArray());
    }

    @Test
    void toBytes_matchesLayoutBuiltByHandFromTheDocumentation() throws Exception {
        // docs/model-format.md: magic, u16 major, u16 minor, int count; per section (sorted by name)
        // u8 name length, ASCII name, int offset, int length; payloads; SHA-256 of everything before.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.write(new byte[] {(byte) 0x89, 0x43, 0x4b, 0x42, 0x0d, 0x0a, 0x1a, 0x0a});
        d.writeShort(1);
        d.writeShort(1);
        d.writeInt(2);
        d.writeByte(1);
        d.writeBytes("a");
        d.writeInt(36); // 16 header + 2 entries of 10 bytes
        d.writeInt(2);
        d.writeByte(1);
        d.writeBytes("b");
        d.writeInt(38);
        d.writeInt(0);
        d.write(new byte[] {1, 2});
        d.flush();
        byte[] expected = body.toByteArray();
        expected = Arrays.copyOf(expected, expected.length + 32);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body.toByteArray());
        System.arraycopy(sha, 0, expected, expected.length - 32, 32);

        ModelBundle built = ModelBundle.builder().put("b", o -> { }).put("a", o -> o.writeByte(1).writeByte(2)).build();
        assertArrayEquals(expected, built.toBytes());
        assertEquals(0, built.sectionSize("b"));
        assertEquals(2, built.sectionSize("a"));
    }

    @Test
    void load_wrongMagic_refused() {
        byte[] file = BundleFixtures.bundle().toBytes();
        file[1] = 'X';
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> ModelBundle.parse(file));
        assertTrue(e.getMessage().contains("not a churnkit model bundle"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void load_zipFile_refusedAsWrongMagic() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThrows(BundleFormatException.class, () -> ModelBundle.parse(zip));
    }

    @Test
    void load_newerMajorVersion_refusedNamingTheNeededVersion() throws Exception {
        byte[] file = BundleFixtures.bundle().toBytes();
        file[9] = 2; // major 2
        file[11] = 3; // minor 3
        UnsupportedBundleVersionException e = assertThrows(UnsupportedBundleVersionException.class,
                () -> ModelBundle.parse(BundleFixtures.reseal(file)));
        assertEquals(2, e.foundMajor());
        assertEquals(3, e.foundMinor());
        assertTrue(e.getMessage().contains("bundle format 2.3 needs a reader for format version 2.x"), e.getMessage());
        assertTrue(e.getMessage().contains("this churnkit reads format 1.x"), e.getMessage());
    }

    @Test
    void load_majorVersionZero_refused() {
        byte[] file = BundleFixtures.bundle().toBytes();
        file[9] = 0;
        assertThrows(UnsupportedBundleVersionException.class, () -> ModelBundle.parse(file));
    }

    @Test
    void load_formatOneZeroFile_acceptedUnchanged() throws Exception {
        // files written before format 1.1 carry minor version 0 and must still load
        byte[] file = BundleFixtures.bundle().toBytes();
        file[11] = 0;
        byte[] old = BundleFixtures.reseal(file);
        ModelBundle b = ModelBundle.parse(old);
        assertEquals(0, b.formatMinor());
        assertEquals(BundleFixtures.metrics(), b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom));
        assertArrayEquals(old, b.toBytes());
    }

    @Test
    void load_newerMinorVersionWithExtraSection_acceptedAndExtraIgnored() throws Exception {
        byte[] file = ModelBundle.builder()
                .put(TrainingMetrics.SECTION, BundleFixtures.metrics()::writeTo)
                .put("zz-from-the-future", o -> o.writeLong(7))
                .build().toBytes();
        file[11] = 9; // minor 9
        ModelBundle b = ModelBundle.parse(BundleFixtures.reseal(file));
        assertEquals(9, b.formatMinor());
        assertEquals(BundleFixtures.metrics(), b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom));
    }

    @Test
    void decode_missingSection_refusedListingSections() {
        ModelBundle b = ModelBundle.builder().put(TrainingMetrics.SECTION, BundleFixtures.metrics()::writeTo).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(ModelSchema.SECTION, ModelSchema::readFrom));
        assertTrue(e.getMessage().contains("missing section 'schema'; sections are [metrics]"), e.getMessage());
    }

    @Test
    void decode_readerLeavesBytes_refused() {
        ModelBundle b = ModelBundle.builder().put("x", o -> o.writeInt(1).writeInt(2)).build();
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> b.decode("x", BundleInput::readInt));
        assertEquals("x", e.section());
    }

    @Test
    void decode_formConstructorRejects_wrappedNamingSection() {
        ModelBundle b = ModelBundle.builder().put("x", o -> o.writeInt(-1)).build();
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> b.decode("x", in -> {
            int v = in.readInt();
            if (v < 0) {
                throw new IllegalArgumentException("size must be positive, found " + v);
            }
            return v;
        }));
        assertTrue(e.getMessage().contains("section 'x'"), e.getMessage());
        assertTrue(e.getMessage().contains("size must be positive, found -1"), e.getMessage());
    }

    @Test
    void load_streamLongerThanMaximum_refusedAfterReadingAtMostMaxPlusOne() {
        byte[] file = BundleFixtures.bundle().toBytes();
        CountingStream in = new CountingStream(new byte[10_000_000]);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> ModelBundle.load(in, file.length));
        assertTrue(e.getMessage().contains("longer than the allowed maximum"), e.getMessage());
        assertTrue(in.read <= file.length + 1, "read " + in.read);
        assertEquals(BundleFixtures.metrics(), ModelBundle.load(new ByteArrayInputStream(file), file.length)
                .decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom));
    }

    @Test
    void load_fileLargerThanMaximum_refusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.ckb");
        Files.write(big, new byte[4096]);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> ModelBundle.load(big, 1000));
        assertTrue(e.getMessage().contains("4096 bytes, more than the allowed maximum 1000"), e.getMessage());
    }

    @Test
    void load_missingFile_uncheckedIo() {
        assertThrows(UncheckedIOException.class, () -> ModelBundle.load(dir.resolve("none.ckb")));
    }

    @Test
    void load_hugeDeclaredPayloadLength_refusedQuickly() throws Exception {
        byte[] file = ModelBundle.builder().put("a", o -> o.writeInt(5)).build().toBytes();
        // the length field of entry "a" sits at 16 + 1 + 1 + 4 = 22
        file[22] = 0x7f;
        file[23] = (byte) 0xff;
        file[24] = (byte) 0xff;
        file[25] = (byte) 0xff;
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> ModelBundle.parse(BundleFixtures.reseal(file)));
        assertTrue(e.getMessage().contains("payload length 2147483647"), e.getMessage());
        assertEquals("a", e.section());
    }

    @Test
    void load_hugeSectionCount_refused() throws Exception {
        byte[] file = ModelBundle.builder().put("a", o -> o.writeInt(5)).build().toBytes();
        file[12] = 0x7f;
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> ModelBundle.parse(BundleFixtures.reseal(file)));
        assertTrue(e.getMessage().contains("section count"), e.getMessage());
    }

    @Test
    void load_overlappingPayloads_refused() throws Exception {
        byte[] file = ModelBundle.builder().put("a", o -> o.writeInt(5)).put("b", o -> o.writeInt(6)).build().toBytes();
        // offset of "b" (entry 2 starts at 26; offset at 26 + 2) pointed back at "a"'s payload
        int bOffsetAt = 26 + 2;
        assertEquals(40, BundleLayout.i32(file, bOffsetAt));
        file[bOffsetAt + 3] = 36;
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> ModelBundle.parse(BundleFixtures.reseal(file)));
        assertTrue(e.getMessage().contains("payload offset 36 must be 40"), e.getMessage());
    }

    @Test
    void builder_invalidOrDuplicateName_refused() {
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.builder().put("Upper", o -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.builder().put("", o -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.builder().put("1a", o -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.builder().put("a", o -> { }).put("a", o -> { }));
    }

    @Test
    void checksum_differsWhenContentDiffers() {
        ModelBundle a = ModelBundle.builder().put("a", o -> o.writeInt(1)).build();
        ModelBundle b = ModelBundle.builder().put("a", o -> o.writeInt(2)).build();
        assertEquals(64, a.checksum().length());
        assertNotEquals(a.checksum(), b.checksum());
        assertEquals(List.of("a"), List.copyOf(a.sectionNames()));
    }

    private static final class CountingStream extends InputStream {
        private final byte[] data;
        int read;

        CountingStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return read < data.length ? data[read++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - read);
            System.arraycopy(data, read, b, off, n);
            read += n;
            return n;
        }
    }
}
