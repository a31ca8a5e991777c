package fasterjava.corrset.data;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The indexed data model every step starts from, built once per input file.
 *
 * <p>Questions and users are numbered {@code 0..Q-1} and {@code 0..U-1} in order of first appearance in the input
 * (what pandas' {@code unique()} gives), so combinations have one well-defined lexicographic order. The raw rows
 * are kept (as index triples, in input order) for the DataFrame baseline; everything else is per question, with
 * users in ascending index order.
 *
 * <p>Arrays are exposed directly for speed and must not be modified by callers.
 *
 * <p>Serializable (all fields are plain arrays, strings and immutable lists) so a distributed search can send the
 * indexed data to its workers once instead of each worker parsing the file.
 */
public final class Scores implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> questionIds;
    private final List<String> userIds;
    private final int[] rowUser;
    private final int[] rowQuestion;
    private final int[] rowScore;
    private final int[][] answeredBy;
    private final int[][] answerScores;
    private final long[] grandTotals;
    private final long maxGrandTotal;

    Scores(String source, List<String> questionIds, List<String> userIds, int[] rowUser, int[] rowQuestion,
            int[] rowScore, int[][] answeredBy, int[][] answerScores, long[] grandTotals) {
        this.source = source;
        this.questionIds = List.copyOf(questionIds);
        this.userIds = List.copyOf(userIds);
        this.rowUser = rowUser;
        this.rowQuestion = rowQuestion;
        this.rowScore = rowScore;
        this.answeredBy = answeredBy;
        this.answerScores = answerScores;
        this.grandTotals = grandTotals;
        long max = 0;
        for (long total : grandTotals) {
            max = Math.max(max, total);
        }
        this.maxGrandTotal = max;
    }

    /** Where the data came from (a file name, or a description for generated data). */
    public String source() {
        return source;
    }

    public int questionCount() {
        return questionIds.size();
    }

    public int userCount() {
        return userIds.size();
    }

    public int rowCount() {
        return rowUser.length;
    }

    public String questionId(int question) {
        return questionIds.get(question);
    }

    public String userId(int user) {
        return userIds.get(user);
    }

    public List<String> questionIds() {
        return questionIds;
    }

    public List<String> userIds() {
        return userIds;
    }

    /** User index of each input row, in input order. */
    public int[] rowUsers() {
        return rowUser;
    }

    /** Question index of each input row, in input order. */
    public int[] rowQuestions() {
        return rowQuestion;
    }

    /** Score of each input row, in input order. */
    public int[] rowScores() {
        return rowScore;
    }

    /** The users who answered {@code question}, ascending. */
    public int[] answeredBy(int question) {
        return answeredBy[question];
    }

    /** The scores aligned with {@link #answeredBy(int)}. */
    public int[] answerScores(int question) {
        return answerScores[question];
    }

    /** Each user's sum of scores over every question they answered. */
    public long[] grandTotals() {
        return grandTotals;
    }

    public long maxGrandTotal() {
        return maxGrandTotal;
    }

    /**
     * The first {@code count} questions, every user kept and the grand totals unchanged (still over every question
     * each user answered): searching these is the full search restricted to sets of those questions.
     */
    public Scores firstQuestions(int count) {
        if (count < 1 || count > questionCount()) {
            throw new IllegalArgumentException("need 1 to " + questionCount() + " questions, got " + count);
        }
        int rows = 0;
        for (int question : rowQuestion) {
            rows += question < count ? 1 : 0;
        }
        int[] users = new int[rows];
        int[] questions = new int[rows];
        int[] values = new int[rows];
        for (int row = 0, kept = 0; row < rowQuestion.length; row++) {
            if (rowQuestion[row] < count) {
                users[kept] = rowUser[row];
                questions[kept] = rowQuestion[row];
                values[kept++] = rowScore[row];
            }
        }
        return new Scores(source + ", first " + count + " questions", questionIds.subList(0, count), userIds, users,
                questions, values, Arrays.copyOf(answeredBy, count), Arrays.copyOf(answerScores, count),
                grandTotals);
    }

    @Override
    public String toString() {
        return source + " (" + rowCount() + " rows, " + userCount() + " users, " + questionCount() + " questions)";
    }
}
