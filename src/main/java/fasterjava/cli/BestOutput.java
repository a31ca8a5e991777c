package fasterjava.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.corrset.Combinations;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.journey.Corrset;
import fasterjava.corrset.search.ScoredSet;
import fasterjava.corrset.search.SearchResult;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a full search prints, text or JSON: one format for {@code corrset best} and {@code spark corrset best}, so
 * scripts read either the same way.
 */
public final class BestOutput {
    /** Beyond this many sets a full search cannot finish on any machine; refuse rather than run for years. */
    private static final BigInteger MAX_SETS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BestOutput() {
    }

    /** The number of K-sets, refused with a usage error when no full search could ever finish. */
    public static BigInteger requireSearchable(Scores scores, int k) {
        BigInteger sets = Combinations.count(scores.questionCount(), k);
        if (sets.compareTo(MAX_SETS) > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "C(%d, %d) = %s sets: too many to search exhaustively; choose a smaller or larger --k",
                    scores.questionCount(), k, sets));
        }
        return sets;
    }

    /** Prints {@code result} on {@code out}: one JSON object with {@code json}, else the readable lines. */
    public static void print(PrintWriter out, Scores scores, int k, SearchOptions options, SearchResult result)
            throws JsonProcessingException {
        if (options.json()) {
            out.println(JSON.writeValueAsString(toJson(scores, k, options.top(), result)));
        } else {
            printText(out, scores, k, options.minUsers(), result);
        }
    }

    /**
     * {@code {"k", "indices", "questions", "r", "n", "combinations", "undefined", "seconds"}} plus {@code "top"}
     * (the list, best first) when more than one set was asked for; no set qualifies: empty lists, null r, n = 0.
     */
    static ObjectNode toJson(Scores scores, int k, int top, SearchResult result) {
        List<ScoredSet> best = result.best();
        ObjectNode root = JSON.createObjectNode();
        root.put("k", k);
        fill(root, scores, best.isEmpty() ? null : best.get(0));
        root.put("combinations", result.combinations());
        root.put("undefined", result.undefined());
        root.put("seconds", result.seconds());
        if (top > 1) {
            ArrayNode list = root.putArray("top");
            for (ScoredSet set : best) {
                fill(list.addObject(), scores, set);
            }
        }
        return root;
    }

    private static void fill(ObjectNode node, Scores scores, ScoredSet set) {
        ArrayNode indices = node.putArray("indices");
        ArrayNode questions = node.putArray("questions");
        if (set == null) {
            node.putNull("r");
            node.put("n", 0);
            return;
        }
        for (int index : set.indices()) {
            indices.add(index);
            questions.add(scores.questionId(index));
        }
        node.put("r", set.r());
        node.put("n", set.n());
    }

    static void printText(PrintWriter out, Scores scores, int k, int minUsers, SearchResult result) {
        if (result.best().isEmpty()) {
            out.printf(Locale.ROOT, "no set of %d questions has a defined r with at least %d users%n", k, minUsers);
        }
        int rank = 1;
        for (ScoredSet set : result.best()) {
            out.printf(Locale.ROOT, "#%d  r = %.17g  n = %d  indices %s%n     questions %s%n", rank++, set.r(),
                    set.n(), Arrays.toString(set.indices()),
                    String.join(", ", Arrays.stream(set.indices()).mapToObj(scores::questionId).toList()));
        }
        out.printf(Locale.ROOT, "%,d sets examined, %,d undefined, %.2f s (%s, %s)%n", result.combinations(),
                result.undefined(), result.seconds(), result.algorithm(), Corrset.describe(scores, k));
    }
}
