package fasterjava.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderResults;
import fasterjava.util.ConsoleProgress;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faster reproduce}: the main job — data, the whole ladder, tables and charts under results/. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "The main job: generate the full data set if missing, verify and time the whole k-corrset "
                + "ladder, run the full search (at least 2 and at least 10 users per set), write results/.")
final class ReproduceCommand implements Callable<Integer> {
    /** 2: the spec's default, where r = 1 over a handful of users wins; 10: a statistically meaningful answer. */
    private static final int[] SEARCH_MIN_USERS = {2, 10};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: results/).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path results = outDir != null ? outDir : ProjectPaths.results();
        Scores scores = data.load(err);
        CorrsetJourney journey = new CorrsetJourney(data.k);
        LadderReport report = journey.runLadder(journey.input(scores), "all", journey.budget(data.scale),
                err::println);
        out.print(report.toConsoleTable());
        for (Path file : LadderResults.write(report, results)) {
            err.println("wrote " + file);
        }
        // Beyond the ladder: the whole search, with and without a meaningful minimum of users per set.
        ArrayNode searches = JSON.createArrayNode();
        for (int minUsers : SEARCH_MIN_USERS) {
            SearchRequest request = new SearchRequest(scores, data.k, minUsers, 1,
                    Runtime.getRuntime().availableProcessors());
            err.printf(Locale.ROOT, "full search, at least %d users per set...%n", minUsers);
            SearchResult result = Searches.fastest().run(request, new ConsoleProgress());
            out.printf(Locale.ROOT, "%nBest set of %d with at least %d users:%n", data.k, minUsers);
            BestOutput.printText(out, scores, data.k, minUsers, result);
            searches.add(BestOutput.toJson(scores, data.k, 1, result).put("min_users", minUsers));
        }
        Path best = results.resolve("corrset-best.json");
        LadderResults.writeText(best, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(searches) + "\n");
        err.println("wrote " + best);
        return 0;
    }
}
