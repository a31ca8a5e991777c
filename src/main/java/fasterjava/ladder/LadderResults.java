package fasterjava.ladder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Files.createDirectories(directory);
        String stem = report.ladder() + "-ladder";
        Path csv = directory.resolve(stem + ".csv");
        Path markdown = directory.resolve(stem + ".md");
        Path png = directory.resolve(stem + ".png");
        Path pngPartial = directory.resolve(stem + ".partial.png");
        LadderCharts.savePng(LadderCharts.timePerItem(report), pngPartial);
        writeText(csv, report.toCsv());
        writeText(markdown, "# " + report.ladder() + " ladder\n\n" + report.toMarkdown());
        Files.move(pngPartial, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.of(csv, markdown, png);
    }

    /** Temporary files are created owner-only; results are for everyone who can see the directory. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default permissions are already the directory's.
        }
    }

    /** Writes {@code text} to {@code file} atomically (temporary sibling, then rename). */
    public static void writeText(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            readableByAll(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
