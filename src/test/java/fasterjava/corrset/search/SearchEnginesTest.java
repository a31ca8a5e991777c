package fasterjava.corrset.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.TestData;
import fasterjava.corrset.data.Scores;
import fasterjava.util.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every engine against the oracle's full search, on seeded random data and on named edge-case fixtures. */
class SearchEnginesTest {
    @TempDir
    Path dir;

    /**
     * Engines whose counters must equal the oracle's too (they examine every set): both last-level kernels of the
     * fast engine, whichever one this machine's hardware would pick, the dense kernel gathering leaf users without
     * vector compress (as without AVX-512), and the engine with room for the buckets of one second question (or a
     * few) at a time, which rebuckets within a run of units.
     */
    private static List<Search> exhaustiveEngines() {
        return List.of(Searches.reference(), Searches.fastest().exhaustive(),
                Searches.fastest().exhaustive().withLastLevel(PrefixTreeSearch.LastLevel.PAIR_TABLE),
                Searches.fastest().exhaustive().withLastLevel(PrefixTreeSearch.LastLevel.DENSE),
                Searches.fastest().exhaustive().withLastLevel(PrefixTreeSearch.LastLevel.DENSE).withScalarGather(),
                Searches.fastest().exhaustive().withPairEntries(1),
                Searches.fastest().exhaustive().withPairEntries(60));
    }

    @Test
    void everyEngineMatchesTheOracleOnRandomData() {
        int[][] shapes = {
            // users, questions, answer rate %, max score
            {12, 8, 80, 1}, {40, 9, 60, 1}, {60, 10, 50, 1}, {25, 9, 70, 3}, {30, 8, 90, 300}, {6, 9, 60, 1},
        };
        for (long seed = 1; seed <= 4; seed++) {
            for (int[] shape : shapes) {
                Scores scores = SearchFixtures.random(dir, seed * 100 + shape[0], shape[0], shape[1],
                        shape[2] / 100.0, shape[3]);
                for (int k = 1; k <= 6; k++) {
                    for (int minUsers : new int[] {2, 4}) {
                        for (int top : new int[] {1, 5}) {
                            checkAll(scores, k, minUsers, top, "seed " + seed + " shape "
                                    + java.util.Arrays.toString(shape));
                        }
                    }
                }
            }
        }
    }

    @Test
    void threadCountsGiveTheSameAnswer() {
        Scores scores = SearchFixtures.random(dir, 77, 50, 12, 0.6, 1);
        for (int k = 2; k <= 6; k++) {
            SearchResult one = Searches.fastest().run(new SearchRequest(scores, k, 2, 5, 1), Progress.NONE);
            for (int threads = 2; threads <= 3; threads++) {
                SearchResult more = Searches.fastest().run(new SearchRequest(scores, k, 2, 5, threads),
                        Progress.NONE);
                assertEquals(one.best(), more.best(), "k=" + k + " threads=" + threads);
            }
        }
    }

    @Test
    void tiesGoToTheSmallestIndexTuple() {
        // q0..q3 are the same question four times over: every set over them ties, and the order decides.
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            for (int q = 0; q < 4; q++) {
                rows.add(new int[] {u, q, (u * 7) % 3 == 0 ? 1 : 0});
            }
            rows.add(new int[] {u, 4 + u % 3, u % 2});
        }
        Scores scores = SearchFixtures.fromRows(dir, "ties", rows);
        for (int k = 1; k <= 4; k++) {
            checkAll(scores, k, 2, 3, "ties");
        }
        // Any of the identical q0..q3 with one of q4..q6 (3-4 users each) reaches r = 1 exactly, so those sets all
        // tie at the top and the smallest tuples win: q0 with q4, q5, q6 (and q0, q1 with them at K = 3).
        assertBest(scores, 2, 3, new int[][] {{0, 4}, {0, 5}, {0, 6}});
        assertBest(scores, 3, 3, new int[][] {{0, 1, 4}, {0, 1, 5}, {0, 1, 6}});
    }

    @Test
    void theTiesFixtureHasItsLiteralAnswer() {
        Scores scores = TestData.edge("ties");
        // K = 1: q2 and q4 (indices 1 and 3) both reach r = 2/√6 exactly; the smaller index goes first.
        assertBest(scores, 1, 2, new int[][] {{1}, {3}});
        // K = 3: three sets reach r = 1 exactly (their 3, 2 and 2 users' points lie on a rising line): tuple order
        // alone decides.
        assertBest(scores, 3, 3, new int[][] {{0, 1, 2}, {0, 2, 3}, {1, 2, 3}});
    }

    /** Every engine, early stop or not, and the oracle list exactly {@code expected}, best first. */
    private static void assertBest(Scores scores, int k, int top, int[][] expected) {
        SearchRequest request = new SearchRequest(scores, k, 2, top, 2);
        List<Search> engines = new ArrayList<>(exhaustiveEngines());
        engines.add(Searches.fastest());
        for (Search engine : engines) {
            List<ScoredSet> best = engine.run(request, Progress.NONE).best();
            assertEquals(expected.length, best.size(), engine.name());
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], best.get(i).indices(), engine.name() + " k=" + k + " #" + (i + 1));
            }
            assertEquals(best.get(0).r(), best.get(expected.length - 1).r(), 0.0, "a tie: " + best);
        }
        List<ScoredSet> oracle = SearchFixtures.oracleSearch(request).best();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], oracle.get(i).indices(), "oracle k=" + k + " #" + (i + 1));
        }
    }

    @Test
    void perfectCorrelationStopsTheSearchEarlyWithTheSameAnswer() {
        // Only users 0 and 1 answer q0..q4, and x and y rise together: every set touching them has r = 1 exactly
        // with 2 users, so the first set in order wins and the rest need not be examined.
        List<int[]> rows = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            rows.add(new int[] {0, q, 0});
            rows.add(new int[] {1, q, 1});
        }
        Scores noise = SearchFixtures.random(dir, 5, 30, 4, 0.7, 1);
        for (int q = 0; q < 4; q++) {
            int[] users = noise.answeredBy(q);
            int[] values = noise.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                rows.add(new int[] {2 + users[i], 5 + q, values[i]});
            }
        }
        Scores scores = SearchFixtures.fromRows(dir, "perfect", rows);
        for (int k = 2; k <= 5; k++) {
            SearchRequest request = new SearchRequest(scores, k, 2, 1, 2);
            SearchResult expected = SearchFixtures.oracleSearch(request);
            SearchResult fast = Searches.fastest().run(request, Progress.NONE);
            assertEquals(expected.best(), fast.best(), "k=" + k);
            assertEquals(1.0, fast.best().get(0).r(), 1e-15);
            // K = 2 is a single pair table, so there is no later unit to skip.
            assertTrue(k == 2 || fast.combinations() < expected.combinations(),
                    "k=" + k + " should stop early, examined " + fast.combinations());
            checkAll(scores, k, 2, 1, "perfect");
            checkAll(scores, k, 3, 2, "perfect");
        }
    }

    @Test
    void zeroVarianceSetsAreUndefined() {
        // Everyone scores 1 everywhere: x is constant in every set, so r never exists.
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            for (int q = 0; q < 7; q++) {
                if ((u + q) % 4 != 0) {
                    rows.add(new int[] {u, q, 1});
                }
            }
        }
        Scores scores = SearchFixtures.fromRows(dir, "zero-variance", rows);
        for (int k = 1; k <= 5; k++) {
            for (Search engine : exhaustiveEngines()) {
                SearchResult result = engine.run(new SearchRequest(scores, k, 2, 1, 2), Progress.NONE);
                assertTrue(result.best().isEmpty(), engine.name() + " k=" + k);
                assertEquals(Combinations.countExact(7, k), result.undefined(), engine.name() + " k=" + k);
            }
            checkAll(scores, k, 2, 1, "zero-variance");
        }
    }

    @Test
    void questionsWithNoCommonUserHaveNoAnswer() {
        List<int[]> rows = new ArrayList<>();
        for (int q = 0; q < 6; q++) {
            for (int u = 0; u < 5; u++) {
                rows.add(new int[] {q * 10 + u, q, u % 2});
            }
        }
        Scores scores = SearchFixtures.fromRows(dir, "no-common-user", rows);
        for (int k = 2; k <= 4; k++) {
            for (Search engine : exhaustiveEngines()) {
                SearchResult result = engine.run(new SearchRequest(scores, k, 2, 3, 2), Progress.NONE);
                assertTrue(result.best().isEmpty(), engine.name());
                assertEquals(result.combinations(), result.undefined(), engine.name());
            }
        }
        checkAll(scores, 1, 2, 3, "no-common-user");
    }

    @Test
    void longAnswerListsTakeTheSplitByScorePath() {
        // Users who answered ~70 questions each: more than the pair table's short-list limit at the root node (K = 2),
        // so each user's list is split by score before it is added (0/1 data: two lists; 0..2: three).
        for (int maxScore = 1; maxScore <= 2; maxScore++) {
            Scores scores = SearchFixtures.random(dir, 31 + maxScore, 14, 74, 0.95, maxScore);
            checkAll(scores, 2, 2, 5, "long lists, max score " + maxScore);
            checkAll(scores, 3, 3, 3, "long lists, max score " + maxScore);
        }
    }

    @Test
    void largeScoresFallBackToWideSums() {
        // Grand totals in the thousands overflow the packed 16-bit fields: the wide table must take over.
        Scores scores = SearchFixtures.random(dir, 9, 40, 9, 0.8, 5000);
        for (int k = 2; k <= 5; k++) {
            checkAll(scores, k, 2, 5, "large-scores");
        }
    }

    @Test
    void manyQuestionsAndCrowdedNodesUseEveryPassShape() {
        // 70 questions: answer bitmaps span two words, so leaves run whole-word and single-chunk passes over
        // right-aligned questions. 700 users: a K = 2 leaf holds over 255 users and is added in several batches.
        Scores wide = SearchFixtures.random(dir, 61, 120, 70, 0.3, 1);
        checkAll(wide, 3, 2, 5, "seventy-questions");
        Scores crowded = SearchFixtures.random(dir, 62, 700, 20, 0.6, 1);
        checkAll(crowded, 2, 2, 5, "crowded-nodes");
        checkAll(crowded, 3, 5, 3, "crowded-nodes");
        // K = 5: a unit's hundreds of users find their child nodes' users (and bitmap words) many vectors at a time.
        checkAll(crowded, 5, 5, 3, "crowded-nodes");
        // K = 3 over 70 questions at a 0.55 answer rate: leaves of ~120 users, on both sides of the most a pass in
        // short lanes may add (127 here), over whole words and half words.
        Scores wideCrowded = SearchFixtures.random(dir, 63, 400, 70, 0.55, 1);
        checkAll(wideCrowded, 3, 5, 40, "wide-crowded");
        // At 0.75: leaves of ~225 users and sets of ~170, more than 16-bit fields hold: int lanes must take them.
        Scores wideDense = SearchFixtures.random(dir, 64, 400, 70, 0.75, 1);
        checkAll(wideDense, 3, 5, 40, "wide-dense");
    }

    @Test
    void setsOfEveryQuestionAndSupportAboveEveryCount() {
        // K = Q: one set, one unit, the last levels' tables hold a single pair or leaf.
        Scores scores = SearchFixtures.random(dir, 31, 40, 7, 0.7, 1);
        for (int k = 5; k <= 7; k++) {
            checkAll(scores, k, 2, 3, "K up to Q");
        }
        Scores graded = SearchFixtures.random(dir, 32, 30, 6, 0.9, 3);
        checkAll(graded, 6, 2, 1, "K = Q, scores 0..3");
        // More users asked for than any set has: nothing qualifies, yet every set is examined and counted.
        for (Search engine : exhaustiveEngines()) {
            SearchResult none = engine.run(new SearchRequest(scores, 4, 1000, 2, 2), Progress.NONE);
            assertTrue(none.best().isEmpty(), engine.name());
        }
        checkAll(scores, 4, 1000, 2, "min-users above every count");
    }

    @Test
    void minimumSupportExcludesSmallSets() {
        Scores scores = SearchFixtures.random(dir, 13, 30, 9, 0.8, 1);
        SearchResult loose = Searches.fastest().run(new SearchRequest(scores, 4, 2, 1, 1), Progress.NONE);
        SearchResult strict = Searches.fastest().run(new SearchRequest(scores, 4, 8, 1, 1), Progress.NONE);
        assertFalse(strict.best().isEmpty());
        assertTrue(strict.best().get(0).n() >= 8);
        assertFalse(strict.best().get(0).beats(loose.best().get(0)), "a stricter filter cannot find a better set");
        checkAll(scores, 4, 8, 5, "min-users");
    }

    private static void checkAll(Scores scores, int k, int minUsers, int top, String what) {
        for (int threads = 1; threads <= 3; threads += 2) {
            SearchRequest request = new SearchRequest(scores, k, minUsers, top, threads);
            SearchResult expected = SearchFixtures.oracleSearch(request);
            String context = what + ", k=" + k + " minUsers=" + minUsers + " top=" + top + " threads=" + threads;
            for (Search engine : exhaustiveEngines()) {
                SearchResult actual = engine.run(request, Progress.NONE);
                assertEquals(expected.best(), actual.best(), engine.name() + ": " + context);
                assertEquals(expected.combinations(), actual.combinations(), engine.name() + ": " + context);
                assertEquals(expected.undefined(), actual.undefined(), engine.name() + ": " + context);
            }
            SearchResult stopping = Searches.fastest().run(request, Progress.NONE);
            assertEquals(expected.best(), stopping.best(), "prefix-tree with early stop: " + context);
            assertTrue(stopping.combinations() <= expected.combinations(), context);
        }
    }
}
