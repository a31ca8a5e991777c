package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Step 02 — sets of users: who answered all K questions is a set intersection, not a group-by over the rows.
 *
 * <p><b>What changed from step 01.</b> Each question gets, once and untimed, the set of users (string ids) who
 * answered it and its own small table of answers. Per combination the K sets are intersected (each user of the first
 * set is looked up in the others); only the K questions' answers are scanned, keeping users in the intersection, and
 * summed per user. Grand totals come from a map of user id to total instead of a table join. The correlation is still
 * a DataFrame computation: a two-column table per combination and column arithmetic.
 *
 * <p><b>Why it is faster.</b> The README's run: 3.77 ms per combination, 22.1x step 01's speed. Step 01 filtered all
 * rows of the long table by question and grouped them by user for every combination; here the work per combination is
 * K per-question scans and one intersection of hash sets, and the per-user grouping only touches users who count.
 *
 * <p><b>What it costs.</b> A hash set and an answer list per question (about one more copy of the data), and still a
 * string hash per user per scanned answer. Step 03 removes the scan.
 *
 * <p>The correlation is step 01's column arithmetic (deviations from the means, multiplied and summed: the
 * two-pass formula a DataFrame's {@code corr} uses), not Tablesaw's one-call {@code pearsons}, which loses digits
 * when r is close to 0.
 */
public final class Step02UserSets implements Step<CorrsetInput, CorrsetResult> {
    private record Answer(String user, int score) {
    }

    private Map<String, Set<String>> usersByQuestion;
    private Map<String, List<Answer>> answersByQuestion;
    private Map<String, Long> grandTotals;
    private int k;
    private int questionCount;
    private String[] questionIds;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        usersByQuestion = new HashMap<>();
        answersByQuestion = new HashMap<>();
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            Set<String> answered = new HashSet<>();
            List<Answer> answers = new ArrayList<>(users.length);
            for (int i = 0; i < users.length; i++) {
                answered.add(scores.userId(users[i]));
                answers.add(new Answer(scores.userId(users[i]), values[i]));
            }
            usersByQuestion.put(scores.questionId(q), answered);
            answersByQuestion.put(scores.questionId(q), answers);
        }
        grandTotals = new HashMap<>();
        for (int u = 0; u < scores.userCount(); u++) {
            grandTotals.put(scores.userId(u), scores.grandTotals()[u]);
        }
        k = input.k();
        questionCount = scores.questionCount();
        questionIds = scores.questionIds().toArray(String[]::new);
    }

    @Override
    public CorrsetResult compute(int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        int[] combination = Combinations.first(k);
        String[] ids = new String[k];
        for (int item = 0; item < items; item++) {
            for (int j = 0; j < k; j++) {
                ids[j] = questionIds[combination[j]];
            }
            correlate(ids, result, item);
            Combinations.next(combination, questionCount);
        }
        return result;
    }

    private void correlate(String[] questions, CorrsetResult result, int item) {
        List<Set<String>> sets = new ArrayList<>(questions.length);
        for (String question : questions) {
            sets.add(usersByQuestion.get(question));
        }
        Set<String> answeredAll = intersection(sets);
        Map<String, Long> setTotals = new HashMap<>();
        for (String question : questions) {
            for (Answer answer : answersByQuestion.get(question)) {
                if (answeredAll.contains(answer.user())) {
                    setTotals.merge(answer.user(), (long) answer.score(), Long::sum);
                }
            }
        }
        int n = setTotals.size();
        DoubleColumn x = DoubleColumn.create("qs", n);
        DoubleColumn y = DoubleColumn.create("grand_total", n);
        int row = 0;
        for (Map.Entry<String, Long> entry : setTotals.entrySet()) {
            x.set(row, entry.getValue());
            y.set(row, grandTotals.get(entry.getKey()));
            row++;
        }
        Table table = Table.create("set totals", x, y);
        double r = n < 2 ? Double.NaN : dataFrameCorrelation(table);
        result.r()[item] = Double.isFinite(r) ? r : Double.NaN;
        result.n()[item] = n;
    }

    /** The elements in every set: those of the first that all the others contain ({@code set.intersection}). */
    private static <T> Set<T> intersection(List<Set<T>> sets) {
        Set<T> common = new HashSet<>();
        for (T element : sets.getFirst()) {
            boolean everywhere = true;
            for (int j = 1; j < sets.size() && everywhere; j++) {
                everywhere = sets.get(j).contains(element);
            }
            if (everywhere) {
                common.add(element);
            }
        }
        return common;
    }

    /** Pearson's r of the table's two columns; 0/0 (a constant column) gives NaN. */
    private static double dataFrameCorrelation(Table table) {
        DoubleColumn x = table.doubleColumn(0);
        DoubleColumn y = table.doubleColumn(1);
        DoubleColumn dx = x.subtract(x.mean());
        DoubleColumn dy = y.subtract(y.mean());
        return dx.multiply(dy).sum() / Math.sqrt(dx.square().sum() * dy.square().sum());
    }
}
