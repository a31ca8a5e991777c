package fasterjava.cli;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.CheckpointException;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.util.AtomicFile;
import fasterjava.util.ConsoleProgress;
import fasterjava.util.RunLock;
import java.io.IOException;
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

    @Option(names = "--threads", description = "Worker threads (default: all cores; at most "
            + Arguments.MAX_THREADS_PER_CORE + " per core).")
    Integer threads;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save progress here (every 30 s and at the end); a killed run started again with the same "
                    + "file and options resumes from it. One run at a time per file (FILE.lock).")
    Path checkpoint;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        data.checkBeforeLoading();
        search.checkBeforeLoading();
        int workers = Arguments.threads(threads);
        try (RunLock lock = checkpoint == null ? null : lockCheckpoint()) {
            Scores scores = data.load(err);
            SearchRequest request = search.request(scores, data.k, workers);
            BigInteger sets = BestOutput.requireSearchable(scores, data.k);
            PrefixTreeSearch engine = Searches.fastest();
            if (search.exhaustive()) {
                engine = engine.exhaustive();
            }
            if (checkpoint != null) {
                engine = engine.withCheckpoint(checkpoint);
            }
            err.printf(Locale.ROOT, "searching %,d sets of %d with %s on %d thread(s)%n", sets, data.k,
                    engine.name(), workers);
            ConsoleProgress progress = new ConsoleProgress();
            SearchResult result = engine.run(request, progress);
            BestOutput.print(spec.commandLine().getOut(), scores, data.k, search, result);
            Output.checkStdout(spec);
            if (progress.lastWarning() != null) {
                throw new CheckpointException("the answer above is complete, but " + progress.lastWarning());
            }
        }
        return 0;
    }

    /** Claims the checkpoint for this run; also proves, before the search, that its folder takes files. */
    private RunLock lockCheckpoint() throws IOException {
        AtomicFile.checkWritable(checkpoint);
        return RunLock.acquire(checkpoint);
    }
}
