package fasterjava.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.basics.TopicResults;
import fasterjava.basics.track.Topics;
import fasterjava.util.AtomicFile;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faster basics <topic>|list|all}: the basics track's measurements. */
@Command(name = "basics", mixinStandardHelpOptions = true,
        description = "The basics track: each performance claim measured on this machine. 'list' names the "
                + "topics, 'all' runs every one; results go to results/basics-<topic>.{csv,md,png}.")
final class BasicsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOPIC|list|all", description = "A topic's slug or number, 'list' or 'all'.")
    String topic;

    @Option(names = "--size", defaultValue = "small", paramLabel = "tiny|small|full",
            description = "tiny: seconds (tests); small: the workshop default; full: as far as the claim needs "
                    + "(default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--json", description = "Print one JSON object (an array for 'all') instead of the table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: results/).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (topic.equals("list")) {
            for (Topic t : Topics.all()) {
                stdout.printf(Locale.ROOT, "%s  %-12s %s%n", t.number(), t.slug(), t.title());
            }
            return 0;
        }
        Size parsed = Size.parse(size);
        List<Topic> topics = topic.equals("all") ? Topics.all() : List.of(Topics.find(topic));
        Path results = out != null ? out : ProjectPaths.results();
        AtomicFile.checkWritableFolder(results);
        var array = JSON.createArrayNode();
        for (int i = 0; i < topics.size(); i++) {
            Topic t = topics.get(i);
            err.printf(Locale.ROOT, "[%d/%d] %s (size %s)%n", i + 1, topics.size(), t.id(), parsed.label());
            // The previous topic's garbage is collected now, not in the middle of this topic's timings.
            System.gc();
            long start = System.nanoTime();
            TopicReport report = t.run(parsed, err::println);
            err.printf(Locale.ROOT, "[%d/%d] %s measured in %.1f s%n", i + 1, topics.size(), t.id(),
                    (System.nanoTime() - start) / 1e9);
            for (Path file : TopicResults.write(report, results)) {
                err.println("wrote " + file);
            }
            if (json) {
                array.add(TopicResults.toJson(report));
            } else {
                stdout.print(TopicResults.toConsole(report));
                stdout.println();
            }
        }
        if (json) {
            stdout.println(JSON.writeValueAsString(topics.size() == 1 && !topic.equals("all") ? array.get(0) : array));
        }
        Output.checkStdout(spec);
        return 0;
    }
}
