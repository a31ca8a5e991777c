package fasterjava.cli;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.util.ConsoleProgress;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
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
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    SearchOptions search;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save progress here; a killed run started again with the same file resumes from it.")
    Path checkpoint;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Scores scores = data.load(err);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SearchRequest request = search.request(scores, data.k, workers);
        BigInteger sets = BestOutput.requireSearchable(scores, data.k);
        PrefixTreeSearch engine = Searches.fastest();
        if (search.exhaustive()) {
            engine = engine.exhaustive();
        }
        if (checkpoint != null) {
            engine = engine.withCheckpoint(checkpoint);
        }
        err.printf(Locale.ROOT, "searching %,d sets of %d with %s on %d thread(s)%n", sets, data.k, engine.name(),
                workers);
        SearchResult result = engine.run(request, new ConsoleProgress());
        BestOutput.print(spec.commandLine().getOut(), scores, data.k, search, result);
        return 0;
    }
}
