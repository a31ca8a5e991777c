package fasterjava.ladder;

import fasterjava.util.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a ladder run's files: {@code <ladder>-ladder.csv}, {@code .md} and {@code .png} (time per item against
 * the published figures). Each file is written to a temporary sibling and renamed into place, so a failed run
 * never leaves a half-written result.
 */
public final class LadderResults {
    private LadderResults() {
    }

    /** Writes the three files into {@code directory} and returns their paths (csv, md, png). */
    public static List<Path> write(LadderReport report, Path directory) throws IOException {
        String stem = report.ladder() + "-ladder";
        Path csv = directory.resolve(stem + ".csv");
        Path markdown = directory.resolve(stem + ".md");
        Path png = directory.resolve(stem + ".png");
        AtomicFile.writePng(png, LadderCharts.timePerItem(report));
        AtomicFile.writeText(csv, report.toCsv());
        AtomicFile.writeText(markdown, "# " + report.ladder() + " ladder\n\n" + report.toMarkdown());
        return List.of(csv, markdown, png);
    }
}
