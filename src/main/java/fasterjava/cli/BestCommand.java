package fasterjava.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.corrset.Combinations;
import fasterjava.corrset.Corrset;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.corrset.search.ScoredSet;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.util.ConsoleProgress;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faster corrset best}: every K-subset searched with the fastest verified engine; the winner (or the top
 * N) by the spec's exact ranking.
 */
@Command(name = "best", mixinStandardHelpOptions = true,
        description = "Search every K-subset of the questions and print the best set(s): exact ranking by r, ties "
                + "to the smallest index tuple.")
final class BestCommand implements Callable<Integer> {
    /** Beyond this many sets a full search cannot finish on any machine; refuse rather than run for years. */
    private static final BigInteger MAX_SETS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--min-users", defaultValue = "2",
            description = "Only sets with at least this many counted users (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--top", defaultValue = "1", description = "How many best sets to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save progress here; a killed run started again with the same file resumes from it.")
    Path checkpoint;

    @Option(names = "--exhaustive",
            description = "Examine every set, even after the best possible r = 1 sets are proven found.")
    boolean exhaustive;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Scores scores = data.load(err);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SearchRequest request = new SearchRequest(scores, data.k, minUsers, top, workers);
        BigInteger sets = Combinations.count(scores.questionCount(), data.k);
        if (sets.compareTo(MAX_SETS) > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "C(%d, %d) = %s sets: too many to search exhaustively; choose a smaller or larger --k",
                    scores.questionCount(), data.k, sets));
        }
        PrefixTreeSearch search = Searches.fastest();
        if (exhaustive) {
            search = search.exhaustive();
        }
        if (checkpoint != null) {
            search = search.withCheckpoint(checkpoint);
        }
        err.printf(Locale.ROOT, "searching %,d sets of %d with %s on %d thread(s)%n", sets, data.k, search.name(),
                workers);
        SearchResult result = search.run(request, new ConsoleProgress());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(toJson(scores, data.k, top, result)));
        } else {
            print(out, scores, data.k, minUsers, result);
        }
        return 0;
    }

    /** The JSON object {@code --json} prints; {@code top} > 1 adds the list. */
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

    static void print(PrintWriter out, Scores scores, int k, int minUsers, SearchResult result) {
        if (result.best().isEmpty()) {
            out.printf(Locale.ROOT, "no set of %d questions has a defined r with at least %d users%n", k,
                    minUsers);
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
