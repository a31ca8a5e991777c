package fasterjava.corrset.data;

import fasterjava.util.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes the article-shaped scores data set exactly as {@code corrset-spec.md} describes: questions drawn first,
 * then users, then for each question a fresh partial Fisher-Yates shuffle picks {@code users * perMille / 1000}
 * distinct users, each with a fair-coin score. One compact JSON array, then a newline.
 *
 * <p>The output is assembled from pre-encoded ASCII fragments (every id is a 36-byte UUID), so the 259 MB
 * full-size file is written at disk speed rather than at string-formatting speed.
 */
public final class ScoresGenerator {
    private static final byte[] ROW_USER = "{\"user\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_QUESTION = "\",\"question\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_SCORE = "\",\"score\":".getBytes(StandardCharsets.US_ASCII);

    /** The generator's inputs; validated on construction so a bad option fails before any file is touched. */
    public record Shape(int users, int questions, int perMille, long seed) {
        public Shape {
            if (users < 1) {
                throw new IllegalArgumentException("the number of users must be at least 1, got " + users);
            }
            if (questions < 1) {
                throw new IllegalArgumentException("the number of questions must be at least 1, got " + questions);
            }
            if (perMille < 1 || perMille > 1000) {
                throw new IllegalArgumentException("the share answering each question must be 1..1000 per mille, got "
                        + perMille);
            }
            if (answersPerQuestion(users, perMille) < 1) {
                throw new IllegalArgumentException(users + " users at " + perMille
                        + " per mille give no answers per question (users * per-mille / 1000 < 1)");
            }
        }

        /** Distinct users answering each question: {@code floor(users * perMille / 1000)}. */
        public int answersPerQuestion() {
            return answersPerQuestion(users, perMille);
        }

        public long rows() {
            return (long) answersPerQuestion() * questions;
        }

        private static int answersPerQuestion(int users, int perMille) {
            return (int) ((long) users * perMille / 1000);
        }
    }

    private ScoresGenerator() {
    }

    /** Streams the data set to {@code out}; the caller owns (and closes) the stream. */
    public static void write(Shape shape, OutputStream out) throws IOException {
        SplitMix64 random = new SplitMix64(shape.seed());
        byte[][] questionIds = drawIds(random, shape.questions());
        byte[][] userIds = drawIds(random, shape.users());
        int users = shape.users();
        int answers = shape.answersPerQuestion();
        int[] perm = new int[users];
        boolean first = true;
        out.write('[');
        for (int q = 0; q < shape.questions(); q++) {
            for (int i = 0; i < users; i++) {
                perm[i] = i;
            }
            for (int i = 0; i < answers; i++) {
                int j = i + random.bounded(users - i);
                int swap = perm[i];
                perm[i] = perm[j];
                perm[j] = swap;
            }
            for (int i = 0; i < answers; i++) {
                int score = (int) (random.next() >>> 63);
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(ROW_USER);
                out.write(userIds[perm[i]]);
                out.write(ROW_QUESTION);
                out.write(questionIds[q]);
                out.write(ROW_SCORE);
                out.write('0' + score);
                out.write('}');
            }
        }
        out.write(']');
        out.write('\n');
    }

    /**
     * Writes the data set to {@code file} through a temporary sibling that is renamed into place only when
     * complete, so an interrupted run never leaves a truncated data file behind.
     */
    public static void write(Shape shape, Path file) throws IOException {
        AtomicFile.write(file, out -> write(shape, out));
    }

    private static byte[][] drawIds(SplitMix64 random, int count) {
        byte[][] ids = new byte[count][];
        for (int i = 0; i < count; i++) {
            ids[i] = random.uuid().toString().getBytes(StandardCharsets.US_ASCII);
        }
        return ids;
    }
}
