package fasterjava.cli;

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
}
