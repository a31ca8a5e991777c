package fasterjava.cli;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.SearchRequest;
import java.math.BigInteger;
import picocli.CommandLine.Option;

/** The options every full-search command shares ({@code corrset best}, {@code spark corrset best}). */
public final class SearchOptions {
    @Option(names = "--min-users", defaultValue = "2",
            description = "Only sets with at least this many counted users (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--top", defaultValue = "1",
            description = "How many best sets to list; more than there are lists them all (default: "
                    + "${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Option(names = "--exhaustive",
            description = "Examine every set, even after the best possible r = 1 sets are proven found.")
    boolean exhaustive;

    public int minUsers() {
        return minUsers;
    }

    public int top() {
        return top;
    }

    public boolean json() {
        return json;
    }

    public boolean exhaustive() {
        return exhaustive;
    }

    /**
     * Checks the values that do not depend on the data (the minimum of users, the length of the top list), so a
     * typo is reported before a long load.
     */
    public void checkBeforeLoading() {
        if (minUsers < SearchRequest.DEFAULT_MIN_USERS) {
            throw new IllegalArgumentException("--min-users must be at least " + SearchRequest.DEFAULT_MIN_USERS
                    + " (r needs two users), got " + minUsers);
        }
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
    }

    /**
     * The search these options ask for on {@code scores} with sets of {@code k} and {@code threads} threads,
     * each value checked first so an error names the option that set it. The top list is cut to the number of
     * sets there are: asking for more cannot list more.
     */
    public SearchRequest request(Scores scores, int k, int threads) {
        if (k < 1 || k > scores.questionCount()) {
            throw new IllegalArgumentException("--k must be between 1 and the number of questions ("
                    + scores.questionCount() + "), got " + k);
        }
        checkBeforeLoading();
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        BigInteger sets = Combinations.count(scores.questionCount(), k);
        int kept = sets.compareTo(BigInteger.valueOf(top)) < 0 ? sets.intValueExact() : top;
        return new SearchRequest(scores, k, minUsers, kept, threads);
    }
}
