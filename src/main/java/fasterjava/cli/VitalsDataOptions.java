package fasterjava.cli;

import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.VitalsTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data options the vitals ladder commands share: a size, a number of generated patients, or a file. */
final class VitalsDataOptions {
    @Option(names = "--scale", defaultValue = "small", paramLabel = "tiny|small|full",
            description = "tiny: the case study's 500 patients; small: 20,000; full: 100,000 — generated in memory; "
                    + "also sets how long each step is timed (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--patients", paramLabel = "N",
            description = "Generate this many patients instead of the scale's (timed with the scale's budget).")
    Integer patients;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "A vitals CSV file instead (vitals-spec.md §2).")
    Path data;

    /** The table the options name; one line about it goes to {@code log}. */
    VitalsTable load(VitalsJourney journey, PrintWriter log) {
        if (data != null && patients != null) {
            throw new IllegalArgumentException("give --data or --patients, not both");
        }
        journey.checkSize(scale);
        if (data != null) {
            return journey.load(data, log::println);
        }
        if (patients != null) {
            if (patients < 1) {
                throw new IllegalArgumentException("--patients must be at least 1, got " + patients);
            }
            return journey.generated(patients, log::println);
        }
        return journey.open(scale, log::println);
    }
}
