package fasterjava.cli;

import fasterjava.util.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderResults;
import fasterjava.peers.PeerException;
import fasterjava.peers.Peers;
import fasterjava.peers.PeersReport;
import fasterjava.util.ConsoleProgress;
import fasterjava.util.ProjectPaths;
import fasterjava.vitals.journey.StreamedFeatures;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.data.VitalsGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faster reproduce}: the main job — for k-corrset the data, the whole ladder and the full search; for patient
 * vitals the whole ladder and the streamed 2-million-patient run; tables, charts and JSON under results/.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "The main job: generate the full data set if missing, verify and time the whole k-corrset "
                + "ladder beside its Python versions (when Python with NumPy, pandas and Numba is there), run the "
                + "full search (at least 2 and at least 10 users per set), verify and time the vitals ladder, "
                + "stream 2 million patients through it; write results/.")
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

    @Option(names = "--streamed-patients", defaultValue = "2000000", paramLabel = "N",
            description = "Patients in the streamed vitals run, generated and featurized in bounded memory "
                    + "(default: ${DEFAULT-VALUE}, the case study's extrapolation).")
    int streamedPatients;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path results = outDir != null ? outDir : ProjectPaths.results();
        AtomicFile.checkWritableFolder(results);
        if (streamedPatients < 1) {
            throw new IllegalArgumentException("--streamed-patients must be at least 1, got " + streamedPatients);
        }
        Scores scores = data.load(err);
        CorrsetJourney journey = new CorrsetJourney(data.k);
        LadderReport report = journey.runLadder(journey.input(scores), "all", journey.budget(data.scale),
                err::println);
        out.print(report.toConsoleTable());
        for (Path file : LadderResults.write(report, results)) {
            err.println("wrote " + file);
        }
        pythonPeers(journey.input(scores), report, results, err);
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
        AtomicFile.writeText(best, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(searches) + "\n");
        err.println("wrote " + best);
        vitals(results, err, out);
        return 0;
    }

    /**
     * The Python versions beside the ladder just run, on the same data and item counts; without Python (or when its
     * run fails) the table says why and the main job goes on.
     */
    private void pythonPeers(CorrsetInput input, LadderReport java, Path results, PrintWriter err)
            throws IOException {
        try {
            PeersReport peers = Peers.corrset(input, java, new CorrsetJourney().budget(data.scale), err::println);
            PeersCommand.print(peers, results, spec);
        } catch (PeerException e) {
            err.println("faster: the Python peers failed, their rows are left out: " + e.getMessage());
        }
    }

    /** The vitals ladder at the same scale, then the streamed run of {@link #streamedPatients} patients. */
    private void vitals(Path results, PrintWriter err, PrintWriter out) throws Exception {
        VitalsJourney vitals = new VitalsJourney();
        LadderReport report = vitals.runLadder(vitals.open(data.scale, err::println), "all",
                vitals.budget(data.scale), err::println);
        out.println();
        out.print(report.toConsoleTable());
        for (Path file : LadderResults.write(report, results)) {
            err.println("wrote " + file);
        }
        err.printf(Locale.ROOT, "vitals: %,d patients generated and featurized as a stream...%n", streamedPatients);
        StreamedFeatures.Result streamed = StreamedFeatures.run(streamedPatients, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED, Runtime.getRuntime().availableProcessors(), null,
                new ConsoleProgress());
        out.printf(Locale.ROOT, "%nStreamed vitals run: %,d patients, %,d rows in %.1f s (generation %.1f s CPU, "
                + "features %.1f s CPU: %,.0f rows per CPU-second), peak heap %,.0f MB%n", streamed.patients(),
                streamed.rows(), streamed.seconds(), streamed.generateCpuSeconds(), streamed.featuresCpuSeconds(),
                streamed.rows() / streamed.featuresCpuSeconds(), streamed.peakHeapMb());
        Path json = results.resolve("vitals-streamed.json");
        AtomicFile.writeText(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                VitalsCommand.Features.toJson(streamed)) + "\n");
        err.println("wrote " + json);
        Output.checkStdout(spec);
    }
}
