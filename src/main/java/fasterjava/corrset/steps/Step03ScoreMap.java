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
 * Step 03 — a score map: each counted user's K scores are looked up by (question, user) key.
 *
 * <p><b>What changed from step 02.</b> The per-question answer lists are gone; a {@code HashMap} from {@code
 * (question, user)} to score, built once, answers "what did this user score on this question". The set totals loop
 * runs over the users in the intersection and looks up their K scores.
 *
 * <p><b>Why it is faster.</b> The README's run: 553 µs per combination, 6.82x step 02's speed. Step 02 scanned every
 * answer of the K questions (about K × 12,000 on the article's data) to find the ~19 users who count; now the work
 * after the intersection is K lookups per counted user. What is left is dominated by the intersection itself (12,000
 * users of the first question, each looked up in up to K − 1 other sets) and the per-combination table.
 *
 * <p><b>What it costs.</b> One map entry per answer — a key record, a hash node and a table slot, tens of bytes per
 * answer (well over 100 MB for the full 2.4 million answers) — and a key allocation per lookup.
 */
public final class Step03ScoreMap implements Step<CorrsetInput, CorrsetResult> {
    private record QuestionUser(String question, String user) {
    }

    private Map<String, Set<String>> usersByQuestion;
    private Map<QuestionUser, Integer> scoreMap;
    private Map<String, Long> grandTotals;
    private int k;
    private int questionCount;
    private String[] questionIds;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        usersByQuestion = new HashMap<>();
        scoreMap = new HashMap<>();
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < users.length; i++) {
                answered.add(scores.userId(users[i]));
                scoreMap.put(new QuestionUser(scores.questionId(q), scores.userId(users[i])), values[i]);
            }
            usersByQuestion.put(scores.questionId(q), answered);
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
        for (String user : answeredAll) {
            long total = 0;
            for (String question : questions) {
                total += scoreMap.get(new QuestionUser(question, user));
            }
            setTotals.put(user, total);
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
