package fasterjava.corrset.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Collects validated rows from a loader and indexes them into {@link Scores}. Rows arrive one by one, so memory
 * is proportional to the number of rows and distinct ids, never to the input text.
 */
final class ScoresBuilder {
    /**
     * Largest {@code users * maxGrandTotal} for which every sum the spec multiplies ({@code n * Sbb},
     * {@code Sa * Sb}, ...) stays exact in a signed 64-bit long: floor(sqrt(2^63 - 1)).
     */
    static final long EXACT_PRODUCT_LIMIT = 3_037_000_499L;

    private final Path file;
    private final IntFunction<String> rowLocation;
    private final Map<String, Integer> questionIndex = new HashMap<>();
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final List<String> questionIds = new ArrayList<>();
    private final List<String> userIds = new ArrayList<>();
    private int[] rowUser = new int[1024];
    private int[] rowQuestion = new int[1024];
    private int[] rowScore = new int[1024];
    private int rows;

    /**
     * @param rowLocation describes a 0-based row for error messages, e.g. {@code "row 18 (line 19)"}
     */
    ScoresBuilder(Path file, IntFunction<String> rowLocation) {
        this.file = file;
        this.rowLocation = rowLocation;
    }

    void add(String user, String question, int score) {
        if (rows == rowUser.length) {
            int grown = Math.addExact(rows, rows >> 1);
            rowUser = Arrays.copyOf(rowUser, grown);
            rowQuestion = Arrays.copyOf(rowQuestion, grown);
            rowScore = Arrays.copyOf(rowScore, grown);
        }
        rowUser[rows] = intern(user, userIndex, userIds);
        rowQuestion[rows] = intern(question, questionIndex, questionIds);
        rowScore[rows] = score;
        rows++;
    }

    int rows() {
        return rows;
    }

    /**
     * Adds the rows {@code later} collected, as if they had come after this builder's own: ids new to this builder
     * are numbered in the order {@code later} first saw them, which is their order of first appearance in the file.
     */
    void append(ScoresBuilder later) {
        int[] users = renumber(later.userIds, userIndex, userIds);
        int[] questions = renumber(later.questionIds, questionIndex, questionIds);
        int total = Math.addExact(rows, later.rows);
        if (rowUser.length < total) {
            rowUser = Arrays.copyOf(rowUser, total);
            rowQuestion = Arrays.copyOf(rowQuestion, total);
            rowScore = Arrays.copyOf(rowScore, total);
        }
        for (int i = 0; i < later.rows; i++) {
            rowUser[rows + i] = users[later.rowUser[i]];
            rowQuestion[rows + i] = questions[later.rowQuestion[i]];
            rowScore[rows + i] = later.rowScore[i];
        }
        rows = total;
    }

    private static int[] renumber(List<String> laterIds, Map<String, Integer> index, List<String> ids) {
        int[] to = new int[laterIds.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = intern(laterIds.get(i), index, ids);
        }
        return to;
    }

    Scores build() {
        if (rows == 0) {
            throw new BadInputException(file, null, null, "no data rows: nothing to analyse");
        }
        int questions = questionIds.size();
        int[] perQuestion = new int[questions];
        for (int i = 0; i < rows; i++) {
            perQuestion[rowQuestion[i]]++;
        }
        // Per question, (user, row) pairs packed in a long and sorted: users come out ascending and a duplicate
        // (user, question) pair shows up as two adjacent equal users, with both rows at hand for the message.
        long[][] keys = new long[questions][];
        for (int q = 0; q < questions; q++) {
            keys[q] = new long[perQuestion[q]];
        }
        int[] fill = new int[questions];
        for (int i = 0; i < rows; i++) {
            int q = rowQuestion[i];
            keys[q][fill[q]++] = ((long) rowUser[i] << 32) | i;
        }
        int[][] answeredBy = new int[questions][];
        int[][] answerScores = new int[questions][];
        long[] grandTotals = new long[userIds.size()];
        for (int q = 0; q < questions; q++) {
            long[] sorted = keys[q];
            Arrays.sort(sorted);
            int[] users = new int[sorted.length];
            int[] scores = new int[sorted.length];
            for (int j = 0; j < sorted.length; j++) {
                int user = (int) (sorted[j] >>> 32);
                int row = (int) sorted[j];
                if (j > 0 && users[j - 1] == user) {
                    int earlier = (int) sorted[j - 1];
                    throw new BadInputException(file, rowLocation.apply(row), "user",
                            "duplicate answer: user \"" + userIds.get(user) + "\" already answered question \""
                                    + questionIds.get(q) + "\" at " + rowLocation.apply(earlier));
                }
                users[j] = user;
                scores[j] = rowScore[row];
                grandTotals[user] += rowScore[row];
            }
            answeredBy[q] = users;
            answerScores[q] = scores;
            keys[q] = null;
        }
        long maxTotal = Arrays.stream(grandTotals).max().orElse(0);
        if (maxTotal > EXACT_PRODUCT_LIMIT / userIds.size()) {
            throw new BadInputException(file, null, "score", "scores too large for exact 64-bit sums: "
                    + userIds.size() + " users x largest grand total " + maxTotal + " exceeds "
                    + EXACT_PRODUCT_LIMIT);
        }
        return new Scores(file.toString(), questionIds, userIds, Arrays.copyOf(rowUser, rows),
                Arrays.copyOf(rowQuestion, rows), Arrays.copyOf(rowScore, rows), answeredBy, answerScores,
                grandTotals);
    }

    private static int intern(String id, Map<String, Integer> index, List<String> ids) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        int next = ids.size();
        index.put(id, next);
        ids.add(id);
        return next;
    }
}
