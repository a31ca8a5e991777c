package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static tech.tablesaw.aggregate.AggregateFunctions.sum;

/**
 * Step 01 — the DataFrame baseline, the ladder's reference point: the pandas code of both articles, written
 * the idiomatic Tablesaw way.
 *
 * <p><b>What it does.</b> For every combination: select the rows of its K questions from the whole long table,
 * count rows per user and keep users with K of them (they answered every question), sum those users' scores per
 * user, join the grand totals and ask the library for Pearson's r.
 *
 * <p><b>Why it is slow.</b> The README's run: 83.3 ms per combination. Each combination scans all rows, hashes user
 * ids as strings and builds several intermediate tables — that is where the time goes, and what step 02 attacks.
 *
 * <p><b>What it costs.</b> Nothing to write: it is the articles' code, read as a DataFrame program. Untimed, the rows
 * become a Tablesaw table and grand totals are one group-by, as in the articles, where they are computed once before
 * the loop.
 */
public final class Step01TablesawBaseline implements Step<CorrsetInput, CorrsetResult> {
    private static final String USER = "user";
    private static final String QUESTION = "question";
    private static final String SCORE = "score";
    private static final String GRAND_TOTAL = "grand_total";

    private Table rows;
    private Table grandTotals;
    private int k;
    private int questionCount;
    private String[] questionIds;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        int count = scores.rowCount();
        StringColumn user = StringColumn.create(USER, count);
        StringColumn question = StringColumn.create(QUESTION, count);
        IntColumn score = IntColumn.create(SCORE, count);
        int[] rowUsers = scores.rowUsers();
        int[] rowQuestions = scores.rowQuestions();
        int[] rowScores = scores.rowScores();
        for (int i = 0; i < count; i++) {
            user.set(i, scores.userId(rowUsers[i]));
            question.set(i, scores.questionId(rowQuestions[i]));
            score.set(i, rowScores[i]);
        }
        rows = Table.create("scores", user, question, score);
        Table totals = rows.summarize(SCORE, sum).by(USER);
        grandTotals = Table.create("grand totals", totals.stringColumn(USER),
                totals.doubleColumn(1).setName(GRAND_TOTAL));
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
        Table answers = rows.where(rows.stringColumn(QUESTION).isIn(questions));
        // Rows per user, pandas' value_counts(): a column-level count, several times faster than the
        // general-purpose Table.countBy (measured with `corrset profile`), and still the DataFrame way.
        Table answersPerUser = answers.stringColumn(USER).countByCategory();
        StringColumn answeredAll = answersPerUser.where(answersPerUser.intColumn("Count")
                .isEqualTo(questions.length)).stringColumn("Category");
        Table counted = answers.where(answers.stringColumn(USER).isIn(answeredAll.asSet()));
        Table setTotals = counted.summarize(SCORE, sum).by(USER);
        Table joined = setTotals.joinOn(USER).inner(grandTotals);
        int n = joined.rowCount();
        DoubleColumn x = joined.doubleColumn(1);
        DoubleColumn y = joined.doubleColumn(GRAND_TOTAL);
        // Pearson's r the way a DataFrame's corr() computes it: deviations from the means, multiplied and
        // summed. Tablesaw's one-call pearsons goes through a regression's r² = 1 - SSE/SST and loses half its
        // digits when r is near 0 (measured: 4.3e-12 off on the near-zero-r fixture, beyond the ladder's 1e-12).
        // Fewer than two users, or a constant side (0/0), means "undefined".
        DoubleColumn dx = x.subtract(x.mean());
        DoubleColumn dy = y.subtract(y.mean());
        double r = n < 2 ? Double.NaN : dx.multiply(dy).sum() / Math.sqrt(dx.square().sum() * dy.square().sum());
        result.r()[item] = Double.isFinite(r) ? r : Double.NaN;
        result.n()[item] = n;
    }
}
