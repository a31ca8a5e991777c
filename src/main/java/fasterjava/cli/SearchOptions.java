package fasterjava.cli;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.SearchRequest;
import picocli.CommandLine.Option;

/** The options every full-search command shares ({@code corrset best}, {@code spark corrset best}). */
public final class SearchOptions {
    @Option(names = "--min-users", defaultValue = "2",
            description = "Only sets with at least this many counted users (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--top", defaultValue = "1",
            description = "How many best sets to list (default: ${DEFAULT-VALUE}).")
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
     * The search these options ask for on {@code scores} with sets of {@code k} and {@code threads} threads,
     * each value checked first so an error names the option that set it.
     */
    public SearchRequest request(Scores scores, int k, int threads) {
        if (k < 1 || k > scores.questionCount()) {
            throw new IllegalArgumentException("--k must be between 1 and the number of questions ("
                    + scores.questionCount() + "), got " + k);
        }
        if (minUsers < 2) {
            throw new IllegalArgumentException("--min-users must be at least 2 (r needs two users), got " + minUsers);
        }
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        return new SearchRequest(scores, k, minUsers, top, threads);
    }
}
