package fasterjava.cli;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.journey.Corrset;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.corrset.journey.CorrsetScale;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data options the k-corrset commands share. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "FILE",
            description = "Scores file, JSON or CSV (default: the scale's standard data set, generated if missing).")
    Path data;

    @Option(names = "--scale", defaultValue = "small", paramLabel = "tiny|small|full",
            description = "tiny: the committed 6000x20 sample; small: full data, short runs; full: the articles' "
                    + "run lengths (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--k", defaultValue = "" + CorrsetJourney.DEFAULT_K,
            description = "Questions per set (default: ${DEFAULT-VALUE}).")
    int k;

    public int k() {
        return k;
    }

    /** Refuses a {@code --k} below 1 before any data is loaded (the upper bound needs the data). */
    void checkBeforeLoading() {
        if (k < 1) {
            throw new IllegalArgumentException("--k must be at least 1, got " + k);
        }
        scale();
    }

    CorrsetScale scale() {
        return CorrsetScale.parse(scale);
    }

    /** The scores file, or the scale's standard data set; one line about the load goes to {@code log}. */
    public Scores load(PrintWriter log) {
        return data != null ? Corrset.load(data, log::println) : Corrset.load(scale(), log::println);
    }
}
