package fasterjava.cli;

import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderResults;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faster reproduce}: the main job — data, the whole ladder, tables and charts under results/. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "The main job: generate the full data set if missing, verify and time the whole k-corrset "
                + "ladder, write results/ (tables and charts).")
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path results = ProjectPaths.results();
        LadderReport report = CorrsetCommand.Ladder.run(data, "all", err);
        spec.commandLine().getOut().print(report.toConsoleTable());
        for (Path file : LadderResults.write(report, results)) {
            err.println("wrote " + file);
        }
        return 0;
    }
}
