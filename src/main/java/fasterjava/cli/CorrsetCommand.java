package fasterjava.cli;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.journey.CorrsetJourney;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code faster corrset ...}: the k-corrset journey. */
@Command(name = "corrset", mixinStandardHelpOptions = true,
        description = "k-corrset: the K questions whose summed score correlates best with users' total score.",
        subcommands = {BestCommand.class, BenchSearchCommand.class, CorrsetCommand.Ladder.class,
                CorrsetCommand.Profile.class, CorrsetPeersCommand.class})
final class CorrsetCommand {

    @Command(name = "ladder", mixinStandardHelpOptions = true,
            description = "Verify and time the ladder's steps; print the table and write results/corrset-ladder"
                    + ".{csv,md,png}.")
    static final class Ladder extends LadderCommand<CorrsetInput, CorrsetResult> {
        @Mixin
        DataOptions data;

        @Override
        CorrsetJourney journey() {
            return new CorrsetJourney(data.k);
        }

        @Override
        CorrsetInput data(PrintWriter log) {
            data.checkBeforeLoading();
            return journey().input(data.load(log));
        }

        @Override
        String size() {
            return data.scale;
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Record one step with Java Flight Recorder and print where its samples fall.")
    static final class Profile extends ProfileCommand<CorrsetInput, CorrsetResult> {
        @Mixin
        DataOptions data;

        @Override
        CorrsetJourney journey() {
            return new CorrsetJourney(data.k);
        }

        @Override
        CorrsetInput data(PrintWriter log) {
            data.checkBeforeLoading();
            return journey().input(data.load(log));
        }
    }
}
