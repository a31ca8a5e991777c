package fasterjava.corrset.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresGeneratorTest {

    @Test
    void sampleShapeMatchesTheSpecChecksum() throws Exception {
        assertEquals("17a1af641fa5d7a54993c390f44d4401", md5(new ScoresGenerator.Shape(6000, 20, 200, 42)).md5);
    }

    @Test
    void fullShapeMatchesTheSpecChecksumAndSize() throws Exception {
        Digest digest = md5(new ScoresGenerator.Shape(60000, 200, 200, 42));
        assertEquals(259_200_002L, digest.bytes);
        assertEquals("2c9a8414d1908c49676390b91ea0eb47", digest.md5);
    }

    @Test
    void committedSampleIsTheGeneratorsOutput() throws Exception {
        Path sample = Path.of("data/scores-6000x20-seed42.json");
        assertEquals("17a1af641fa5d7a54993c390f44d4401",
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(sample))));
    }

    @Test
    void splitMixFollowsTheSpec() {
        SplitMix64 random = new SplitMix64(0);
        // First SplitMix64 outputs for seed 0, from the algorithm's definition.
        assertEquals(0xE220A8397B1DCDAFL, random.next());
        assertEquals(0x6E789E6AA1B965F4L, random.next());
        SplitMix64 bounded = new SplitMix64(42);
        for (int i = 0; i < 10_000; i++) {
            int value = bounded.bounded(7);
            assertTrue(value >= 0 && value < 7, "bounded(7) gave " + value);
        }
    }

    @Test
    void outputIsOneCompactJsonArrayThatLoadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(10, 3, 500, 7), file);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("[{\"user\":\"") && text.endsWith("}]\n"), text);
        assertTrue(!text.contains(" "), "no spaces");
        Scores scores = ScoresLoader.load(file);
        assertEquals(15, scores.rowCount());
        assertEquals(3, scores.questionCount());
        for (int q = 0; q < 3; q++) {
            assertEquals(5, scores.answeredBy(q).length, "floor(10 * 500 / 1000) users per question");
        }
    }

    @Test
    void impossibleShapesAreRejectedBeforeWriting(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> new ScoresGenerator.Shape(0, 3, 200, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScoresGenerator.Shape(10, 0, 200, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScoresGenerator.Shape(10, 3, 1001, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScoresGenerator.Shape(10, 3, 0, 1));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> new ScoresGenerator.Shape(3, 3, 200, 1));
        assertTrue(tooFew.getMessage().contains("no answers per question"), tooFew.getMessage());
    }

    private record Digest(String md5, long bytes) {
    }

    private static Digest md5(ScoresGenerator.Shape shape) throws IOException, NoSuchAlgorithmException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        CountingStream counter = new CountingStream();
        try (OutputStream out = new java.io.BufferedOutputStream(new DigestOutputStream(counter, md5), 1 << 16)) {
            ScoresGenerator.write(shape, out);
        }
        return new Digest(HexFormat.of().formatHex(md5.digest()), counter.bytes);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
