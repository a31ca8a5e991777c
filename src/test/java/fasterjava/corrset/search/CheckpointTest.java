package fasterjava.corrset.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.data.Scores;
import fasterjava.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed search resumes from its checkpoint to the same answer; a checkpoint from another search is refused. */
class CheckpointTest {
    @TempDir
    Path dir;

    /** Stands in for a kill: the run dies after {@code units} finished units (their checkpoint already written). */
    private static final class Killer implements Progress {
        private int advances;
        private final int units;

        Killer(int units) {
            this.units = units;
        }

        @Override
        public void start(String task, long total) {
        }

        @Override
        public synchronized void advance(long sets) {
            if (++advances > units) {
                throw new IllegalStateException("killed");
            }
        }

        @Override
        public void finish() {
        }
    }

    private static PrefixTreeSearch checkpointing(Path file) {
        return Searches.fastest().exhaustive().withCheckpoint(file, Duration.ZERO);
    }

    private static Checkpoint.Expected expected(SearchRequest request, boolean exhaustive) {
        return new Checkpoint.Expected("prefix-tree", Checkpoint.fingerprint(request.scores()), request, exhaustive,
                PrefixTreeSearch.unitSizes(request.scores().questionCount(), request.k()));
    }

    @Test
    void killedRunResumesToTheUninterruptedAnswer() {
        for (int maxScore : new int[] {1, 3}) {
            Scores scores = SearchFixtures.random(dir, 31 + maxScore, 40, 12, 0.6, maxScore);
            for (int threads : new int[] {1, 2}) {
                SearchRequest request = new SearchRequest(scores, 4, 2, 5, threads);
                SearchResult uninterrupted = Searches.fastest().exhaustive().run(request, Progress.NONE);
                Path file = dir.resolve("resume-" + maxScore + "-" + threads + ".checkpoint");
                // The first advance comes from start-up (sets already done), so 1 + 6 means "6 units finished".
                assertThrows(IllegalStateException.class, () -> checkpointing(file).run(request, new Killer(7)));
                assertTrue(Files.exists(file), "the killed run left a checkpoint");
                Checkpoint saved = Checkpoint.read(file, expected(request, true)).orElseThrow();
                assertTrue(saved.done().cardinality() >= 6 && saved.combinations() < uninterrupted.combinations(),
                        "the checkpoint holds part of the search: " + saved.done());

                SearchResult resumed = checkpointing(file).run(request, Progress.NONE);
                assertEquals(uninterrupted.best(), resumed.best(), "maxScore " + maxScore + ", threads " + threads);
                assertEquals(uninterrupted.combinations(), resumed.combinations());
                assertEquals(uninterrupted.undefined(), resumed.undefined());

                SearchResult again = checkpointing(file).run(request, Progress.NONE);
                assertEquals(uninterrupted.best(), again.best(), "a finished checkpoint gives the answer at once");
                assertEquals(uninterrupted.combinations(), again.combinations());
            }
        }
    }

    @Test
    void checkpointOfAnotherSearchIsRefused() {
        Scores scores = SearchFixtures.random(dir, 41, 30, 10, 0.6, 1);
        Path file = dir.resolve("other.checkpoint");
        checkpointing(file).run(new SearchRequest(scores, 4, 2, 1, 1), Progress.NONE);

        CheckpointException otherK = assertThrows(CheckpointException.class,
                () -> checkpointing(file).run(new SearchRequest(scores, 3, 2, 1, 1), Progress.NONE));
        assertTrue(otherK.getMessage().contains("K = 4") && otherK.getMessage().contains("K = 3"),
                otherK.getMessage());
        CheckpointException otherMinUsers = assertThrows(CheckpointException.class,
                () -> checkpointing(file).run(new SearchRequest(scores, 4, 3, 1, 1), Progress.NONE));
        assertTrue(otherMinUsers.getMessage().contains("users per set"), otherMinUsers.getMessage());
        CheckpointException otherTop = assertThrows(CheckpointException.class,
                () -> checkpointing(file).run(new SearchRequest(scores, 4, 2, 2, 1), Progress.NONE));
        assertTrue(otherTop.getMessage().contains("keeping the best 1 sets, this run keeps 2"), otherTop.getMessage());

        Scores otherData = SearchFixtures.random(dir, 42, 30, 10, 0.6, 1);
        CheckpointException otherFile = assertThrows(CheckpointException.class,
                () -> checkpointing(file).run(new SearchRequest(otherData, 4, 2, 1, 1), Progress.NONE));
        assertTrue(otherFile.getMessage().contains("different data"), otherFile.getMessage());
    }

    @Test
    void damagedCheckpointIsRefused() throws IOException {
        Scores scores = SearchFixtures.random(dir, 43, 20, 8, 0.6, 1);
        Path notOurs = dir.resolve("not-ours.checkpoint");
        Files.writeString(notOurs, "hello\n");
        CheckpointException foreign = assertThrows(CheckpointException.class,
                () -> checkpointing(notOurs).run(new SearchRequest(scores, 3, 2, 1, 1), Progress.NONE));
        assertTrue(foreign.getMessage().contains("not a k-corrset checkpoint"), foreign.getMessage());

        Path truncated = dir.resolve("truncated.checkpoint");
        checkpointing(truncated).run(new SearchRequest(scores, 3, 2, 1, 1), Progress.NONE);
        String text = Files.readString(truncated);
        Files.writeString(truncated, text.substring(0, text.indexOf("done=")));
        CheckpointException damaged = assertThrows(CheckpointException.class,
                () -> checkpointing(truncated).run(new SearchRequest(scores, 3, 2, 1, 1), Progress.NONE));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
    }

    @Test
    void fingerprintFollowsTheDataNotTheFileName() throws IOException {
        Scores one = SearchFixtures.random(dir, 44, 20, 8, 0.6, 1);
        Scores same = SearchFixtures.random(Files.createDirectory(dir.resolve("elsewhere")), 44, 20, 8, 0.6, 1);
        Scores other = SearchFixtures.random(dir, 45, 20, 8, 0.6, 1);
        assertEquals(Checkpoint.fingerprint(one), Checkpoint.fingerprint(same));
        assertTrue(!Checkpoint.fingerprint(one).equals(Checkpoint.fingerprint(other)));
    }
}
