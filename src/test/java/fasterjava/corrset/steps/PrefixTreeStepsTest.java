package fasterjava.corrset.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.ladder.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps 13+ (the prefix-tree ideas in the per-combination format) against the oracle, for every K. */
class PrefixTreeStepsTest {
    private static final List<Supplier<Step<CorrsetInput, CorrsetResult>>> STEPS = List.of(
            Step13PrefixReuse::new, Step14InvertedLastLevel::new, Step15PairTable::new, Step16DenseLastLevel::new);

    @TempDir
    Path dir;

    @Test
    void everyStepMatchesTheOracleForEveryK() throws IOException {
        int[][] shapes = {
            // users, questions, answer rate %, max score
            {40, 9, 60, 1}, {25, 8, 80, 3}, {60, 10, 40, 1}, {8, 9, 50, 1}, {300, 70, 30, 1},
        };
        for (long seed = 1; seed <= 3; seed++) {
            for (int[] shape : shapes) {
                Scores scores = random(seed * 1000 + shape[0], shape[0], shape[1], shape[2] / 100.0, shape[3]);
                Oracle oracle = new Oracle(scores);
                for (int k = 1; k <= (shape[1] > 20 ? 3 : 6); k++) {
                    int all = Combinations.count(scores.questionCount(), k).min(java.math.BigInteger.valueOf(3000))
                            .intValueExact();
                    CorrsetResult expected = oracle.firstCombinations(k, all);
                    for (Supplier<Step<CorrsetInput, CorrsetResult>> factory : STEPS) {
                        Step<CorrsetInput, CorrsetResult> step = factory.get();
                        step.prepare(new CorrsetInput(scores, k));
                        // The whole range, a cut inside a block, and the same step computed again.
                        for (int items : new int[] {all, Math.max(1, all * 2 / 3), all}) {
                            Optional<String> mismatch = step.compute(items).firstMismatch(expected, items);
                            assertEquals(Optional.empty(), mismatch, step.getClass().getSimpleName() + " seed "
                                    + seed + " shape " + java.util.Arrays.toString(shape) + " k=" + k
                                    + " items=" + items);
                        }
                    }
                }
            }
        }
    }

    @Test
    void emptyIntersectionsAndConstantScoresAreUndefined() throws IOException {
        // q0..q2 share no user; q3..q5 are answered by everyone with score 1 (zero variance in x).
        StringBuilder csv = new StringBuilder("user,question,score\n");
        for (int u = 0; u < 12; u++) {
            csv.append("u").append(u).append(",q").append(u % 3).append(',').append(u % 2).append('\n');
            for (int q = 3; q < 6; q++) {
                csv.append("u").append(u).append(",q").append(q).append(",1\n");
            }
        }
        Path file = dir.resolve("no-common-user-zero-variance.csv");
        Files.writeString(file, csv);
        Scores scores = ScoresLoader.load(file);
        Oracle oracle = new Oracle(scores);
        for (int k = 1; k <= 5; k++) {
            int all = Combinations.count(6, k).intValueExact();
            CorrsetResult expected = oracle.firstCombinations(k, all);
            for (Supplier<Step<CorrsetInput, CorrsetResult>> factory : STEPS) {
                Step<CorrsetInput, CorrsetResult> step = factory.get();
                step.prepare(new CorrsetInput(scores, k));
                assertEquals(Optional.empty(), step.compute(all).firstMismatch(expected, all),
                        step.getClass().getSimpleName() + " k=" + k);
            }
        }
    }

    private Scores random(long seed, int users, int questions, double rate, int maxScore) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("user,question,score\n");
        for (int q = 0; q < questions; q++) {
            csv.append("x").append(q).append(",q").append(q).append(',').append(random.nextInt(maxScore + 1))
                    .append('\n');
            for (int u = 0; u < users; u++) {
                if (random.nextDouble() < rate) {
                    csv.append("u").append(u).append(",q").append(q).append(',')
                            .append(random.nextInt(maxScore + 1)).append('\n');
                }
            }
        }
        Path file = dir.resolve("random-" + seed + ".csv");
        Files.writeString(file, csv);
        return ScoresLoader.load(file);
    }
}
