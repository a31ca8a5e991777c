package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Step 06 — boolean arrays: who answered a question is a {@code boolean[users]} row, and the intersection is an
 * AND of K rows.
 *
 * <p><b>What changed from step 05.</b> The per-question hash sets became rows of an answered-matrix, {@code
 * answered[question][user]}. Per combination the K rows are ANDed into a fresh array, whose true positions are
 * collected into the list of counted users. Scores and grand totals still come from the maps.
 *
 * <p><b>Why it is faster.</b> The README's run: 91.1 µs per combination, 3.90x step 05's speed. A hash-set
 * intersection hashes, probes and chases pointers for every element; an AND of two {@code boolean} arrays is a
 * straight sequential loop with no branches and predictable memory access, which C2 unrolls and vectorizes. It does U
 * steps per row whatever the number of answers, which pays off because every question is answered by a fifth of all
 * users.
 *
 * <p><b>What it costs.</b> One byte per (question, user) — 12 MB on the article's data, even for the 80% of pairs that
 * were never answered — and a pass over all U users per combination even when only ~19 of them count.
 */
public final class Step06BoolArrays implements Step<CorrsetInput, CorrsetResult> {
    private record QuestionUser(int question, int user) {
    }

    private boolean[][] answered;
    private Map<QuestionUser, Integer> scoreMap;
    private Map<Integer, Long> grandTotals;
    private int k;
    private int questionCount;
    private int userCount;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        answered = new boolean[scores.questionCount()][scores.userCount()];
        scoreMap = new HashMap<>();
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                answered[q][users[i]] = true;
                scoreMap.put(new QuestionUser(q, users[i]), values[i]);
            }
        }
        grandTotals = new HashMap<>();
        for (int u = 0; u < scores.userCount(); u++) {
            grandTotals.put(u, scores.grandTotals()[u]);
        }
        k = input.k();
        questionCount = scores.questionCount();
        userCount = scores.userCount();
    }

    @Override
    public CorrsetResult compute(int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        int[] combination = Combinations.first(k);
        for (int item = 0; item < items; item++) {
            correlate(combination, result, item);
            Combinations.next(combination, questionCount);
        }
        return result;
    }

    private void correlate(int[] questions, CorrsetResult result, int item) {
        boolean[] answeredAll = answered[questions[0]].clone();
        for (int j = 1; j < questions.length; j++) {
            boolean[] row = answered[questions[j]];
            for (int u = 0; u < userCount; u++) {
                answeredAll[u] &= row[u];
            }
        }
        int[] users = usersIn(answeredAll);
        int n = users.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            long total = 0;
            for (int question : questions) {
                total += scoreMap.get(new QuestionUser(question, users[i]));
            }
            x[i] = total;
            y[i] = grandTotals.get(users[i]);
        }
        double r = n < 2 ? Double.NaN : libraryCorrelation(x, y);
        result.r()[item] = Double.isFinite(r) ? r : Double.NaN;
        result.n()[item] = n;
    }

    /** The indices of the true entries, ascending ({@code np.flatnonzero}). */
    private static int[] usersIn(boolean[] mask) {
        int count = 0;
        for (boolean set : mask) {
            if (set) {
                count++;
            }
        }
        int[] users = new int[count];
        int i = 0;
        for (int u = 0; u < mask.length; u++) {
            if (mask[u]) {
                users[i++] = u;
            }
        }
        return users;
    }

    /** {@code corrcoef(x, y)[0][1]}: the 2×2 covariance matrix scaled by the standard deviations. */
    private static double libraryCorrelation(double[] x, double[] y) {
        RealMatrix columns = MatrixUtils.createRealMatrix(x.length, 2);
        columns.setColumn(0, x);
        columns.setColumn(1, y);
        return new PearsonsCorrelation(new Covariance(columns)).getCorrelationMatrix().getEntry(0, 1);
    }
}
