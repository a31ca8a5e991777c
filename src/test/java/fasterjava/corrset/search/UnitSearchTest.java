package fasterjava.corrset.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.data.Scores;
import fasterjava.util.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranges of the prefix-tree engine's work units: disjoint ranges covering every unit merge to the whole search. */
class UnitSearchTest {
    @TempDir
    Path dir;

    @Test
    void unitSizesAddUpToEverySet() {
        for (int questions = 1; questions <= 30; questions += 7) {
            for (int k = 1; k <= Math.min(questions, 6); k++) {
                long[] sizes = PrefixTreeSearch.unitSizes(questions, k);
                assertEquals(Combinations.countExact(questions, k), Arrays.stream(sizes).sum(), questions + "/" + k);
                assertTrue(Arrays.stream(sizes).allMatch(size -> size > 0), "no empty unit, " + questions + "/" + k);
            }
        }
    }

    @Test
    void disjointRangesMergeToTheWholeSearchForAnySplit() {
        SplittableRandom random = new SplittableRandom(2024);
        int[][] shapes = {
            // users, questions, answer rate %, max score
            {60, 11, 60, 1}, {30, 9, 80, 3}, {8, 10, 60, 1},
        };
        for (int[] shape : shapes) {
            Scores scores = SearchFixtures.random(dir, shape[0] * 31L + shape[1], shape[0], shape[1],
                    shape[2] / 100.0, shape[3]);
            for (int k = 1; k <= 6; k++) {
                for (int top : new int[] {1, 4}) {
                    SearchRequest request = new SearchRequest(scores, k, 2, top, 1);
                    String context = Arrays.toString(shape) + " k=" + k + " top=" + top;
                    checkSplits(Searches.fastest().exhaustive(), request, random, true, context);
                    checkSplits(Searches.fastest(), request, random, false, context);
                }
            }
        }
    }

    @Test
    void earlyStoppingRangesKeepTheSameBestList() {
        // Users 0 and 1 alone answer q0..q4 with rising scores: every set over them has r = 1 with 2 users, so
        // ranges that hold such sets stop early on their own proof.
        List<int[]> rows = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            rows.add(new int[] {0, q, 0});
            rows.add(new int[] {1, q, 1});
        }
        Scores noise = SearchFixtures.random(dir, 5, 30, 5, 0.7, 1);
        for (int q = 0; q < 5; q++) {
            int[] users = noise.answeredBy(q);
            int[] values = noise.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                rows.add(new int[] {2 + users[i], 5 + q, values[i]});
            }
        }
        Scores scores = SearchFixtures.fromRows(dir, "perfect", rows);
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 2; k <= 5; k++) {
            for (int top : new int[] {1, 3}) {
                SearchRequest request = new SearchRequest(scores, k, 2, top, 1);
                checkSplits(Searches.fastest(), request, random, false, "perfect k=" + k + " top=" + top);
            }
        }
    }

    @Test
    void rangesMayRunFromSeveralThreadsAtOnce() throws InterruptedException {
        Scores scores = SearchFixtures.random(dir, 44, 80, 12, 0.5, 1);
        SearchRequest request = new SearchRequest(scores, 4, 2, 3, 1);
        UnitSearch search = Searches.fastest().exhaustive().units(request);
        int half = search.unitCount() / 2;
        SearchResult[] parts = new SearchResult[2];
        Thread first = Thread.ofPlatform().start(() -> parts[0] = search.run(0, half, Progress.NONE));
        Thread second = Thread.ofPlatform().start(() -> parts[1] = search.run(half, search.unitCount(),
                Progress.NONE));
        first.join();
        second.join();
        SearchResult whole = Searches.fastest().exhaustive().run(request, Progress.NONE);
        SearchResult merged = SearchResult.merge(List.of(parts), 3, 0, "merged");
        assertEquals(whole.best(), merged.best());
        assertEquals(whole.combinations(), merged.combinations());
        assertEquals(whole.undefined(), merged.undefined());
    }

    @Test
    void anEmptyRangeExaminesNothingAndBadRangesAreRefused() {
        Scores scores = SearchFixtures.random(dir, 3, 20, 8, 0.6, 1);
        UnitSearch search = Searches.fastest().units(new SearchRequest(scores, 4, 2, 1, 1));
        SearchResult empty = search.run(2, 2, Progress.NONE);
        assertTrue(empty.best().isEmpty());
        assertEquals(0, empty.combinations());
        assertEquals(0, search.sets(2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> search.run(-1, 2, Progress.NONE));
        assertThrows(IndexOutOfBoundsException.class, () -> search.run(3, 2, Progress.NONE));
        assertThrows(IndexOutOfBoundsException.class, () -> search.run(0, search.unitCount() + 1, Progress.NONE));
    }

    @Test
    void serializedDataGiveTheSameAnswer() throws IOException, ClassNotFoundException {
        Scores scores = SearchFixtures.random(dir, 8, 50, 10, 0.6, 2);
        Scores copy = roundTrip(scores);
        assertEquals(scores.questionIds(), copy.questionIds());
        assertEquals(scores.userIds(), copy.userIds());
        SearchResult original = Searches.fastest().run(new SearchRequest(scores, 4, 2, 3, 1), Progress.NONE);
        SearchResult copied = Searches.fastest().run(new SearchRequest(copy, 4, 2, 3, 1), Progress.NONE);
        assertEquals(original.best(), copied.best());
        assertEquals(original.best(), roundTrip(original).best());
    }

    /**
     * The merged ranges of three splits (one range, every unit alone, random cuts) against the whole search.
     * {@code countersAdd}: the engine examines every set, so the counters must add up too.
     */
    private static void checkSplits(PrefixTreeSearch engine, SearchRequest request, SplittableRandom random,
            boolean countersAdd, String context) {
        SearchResult whole = engine.run(request, Progress.NONE);
        UnitSearch search = engine.units(request);
        int units = search.unitCount();
        List<int[]> cuts = new ArrayList<>();
        cuts.add(new int[] {0, units});
        cuts.add(java.util.stream.IntStream.rangeClosed(0, units).toArray());
        cuts.add(randomCuts(units, random));
        for (int[] cut : cuts) {
            List<SearchResult> parts = new ArrayList<>();
            for (int i = 0; i + 1 < cut.length; i++) {
                parts.add(search.run(cut[i], cut[i + 1], Progress.NONE));
            }
            SearchResult merged = SearchResult.merge(parts, request.top(), 0, "merged");
            String where = context + " cuts=" + Arrays.toString(cut);
            assertEquals(whole.best(), merged.best(), where);
            if (countersAdd) {
                assertEquals(whole.combinations(), merged.combinations(), where);
                assertEquals(whole.undefined(), merged.undefined(), where);
            } else {
                assertTrue(merged.combinations() <= Combinations.countExact(request.scores().questionCount(),
                        request.k()), where);
            }
        }
    }

    /** 0 = c0 ≤ c1 ≤ ... ≤ units, with some empty ranges among them. */
    private static int[] randomCuts(int units, SplittableRandom random) {
        int inner = random.nextInt(0, 5);
        int[] cut = new int[inner + 2];
        for (int i = 1; i <= inner; i++) {
            cut[i] = random.nextInt(0, units + 1);
        }
        cut[inner + 1] = units;
        Arrays.sort(cut);
        return cut;
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
