package fasterjava.notebook;

import fasterjava.ladder.Journey;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Rung;
import fasterjava.ladder.StepTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Figures measured at a size where timing means something, for a notebook running at {@code tiny} to show in
 * place of its own millisecond runs: this machine's last ladder run ({@code results/<ladder>-ladder.csv}, unless
 * that run was on the very data the notebook has open, i.e. itself at {@code tiny}), else the reference run in
 * the project's {@code README.md} (its "Measured here" table). Either way the figures say where they come from.
 *
 * @param source where the figures come from, for captions: file, date, data
 * @param report the figures as a ladder report, restricted to the steps asked for
 */
record ReferenceRun(String source, LadderReport report) {
    private static final Pattern DURATION = Pattern.compile("([0-9.,]+)\\s*(s|ms|µs|us|ns)");
    private static final Pattern README_MACHINE = Pattern.compile("on a (.*?\\*\\*JDK [^*]+\\*\\*)");
    private static final Pattern README_SHAPE = Pattern.compile("\\(([^()]*×[^()]*)\\)");
    private static final Pattern README_SCALE = Pattern.compile("--scale (\\w+)");
    private static final Pattern README_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    /** The first source that has every one of {@code steps}, searched in {@code root}; empty if none has. */
    static <D, R> Optional<ReferenceRun> find(Journey<D, R> journey, List<Rung<D, R>> steps, String openData,
            Path root) {
        Optional<ReferenceRun> last = lastRun(journey, steps, openData, root.resolve("results"));
        return last.isPresent() ? last : readme(journey, steps, root.resolve("README.md"));
    }

    /** This machine's last {@code <ladder> ladder} run, when it was not on {@code openData} and has the steps. */
    static <D, R> Optional<ReferenceRun> lastRun(Journey<D, R> journey, List<Rung<D, R>> steps, String openData,
            Path results) {
        String stem = journey.ladder().name() + "-ladder";
        Path csv = results.resolve(stem + ".csv");
        Path markdown = results.resolve(stem + ".md");
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(markdown)) {
            return Optional.empty();
        }
        try {
            String context = Files.readAllLines(markdown).stream().filter(l -> l.startsWith("Measured on "))
                    .reduce((a, b) -> b).orElse("");
            int dataAt = context.lastIndexOf("; data: ");
            if (dataAt < 0) {
                return Optional.empty();
            }
            String machine = context.substring("Measured on ".length(), dataAt);
            String data = context.substring(dataAt + "; data: ".length()).replaceFirst("\\.$", "");
            if (data.equals(openData)) {
                return Optional.empty();
            }
            Table table = Table.read().csv(CsvReadOptions.builder(csv.toFile())
                    .columnTypesPartial(Map.of("step", ColumnType.STRING, "title", ColumnType.STRING,
                            "items", ColumnType.INTEGER, "best_seconds", ColumnType.DOUBLE))
                    .build());
            Map<String, double[]> figures = new HashMap<>();
            for (Row row : table) {
                figures.put(row.getString("step"), new double[] {row.getInt("items"), row.getDouble("best_seconds")});
            }
            String written = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(Files.getLastModifiedTime(csv).toInstant().atOffset(ZoneOffset.UTC));
            String source = "this machine's last run (results/" + stem + ".csv, " + written + ")";
            return report(journey, steps, figures, data, machine)
                    .map(r -> new ReferenceRun(source, r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        } catch (RuntimeException e) {
            // A results file from another version of the tools: the README's figures still serve.
            return Optional.empty();
        }
    }

    /**
     * The README's "Measured here" table for this ladder: the table whose rows start with its step ids; the time is
     * the last column headed "per <unit>" (the largest run where a table has one column per size).
     */
    static <D, R> Optional<ReferenceRun> readme(Journey<D, R> journey, List<Rung<D, R>> steps, Path readme) {
        if (!Files.isRegularFile(readme)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
        String firstId = journey.ladder().rungs().get(0).id();
        String unit = journey.ladder().unit();
        for (int i = 2; i < lines.size(); i++) {
            if (!cells(lines.get(i)).isEmpty() && cells(lines.get(i)).get(0).equals(firstId)
                    && cells(lines.get(i - 1)).stream().allMatch(c -> c.matches(":?-+:?"))) {
                List<String> header = cells(lines.get(i - 2));
                int column = -1;
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).matches("(?:.*, )?per " + Pattern.quote(unit))) {
                        column = c;
                    }
                }
                if (column < 0) {
                    return Optional.empty();
                }
                Map<String, double[]> figures = new HashMap<>();
                for (int r = i; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                    List<String> row = cells(lines.get(r));
                    Matcher time = DURATION.matcher(row.get(column));
                    if (time.matches()) {
                        figures.put(row.get(0), new double[] {1, nanos(time.group(1), time.group(2)) / 1e9});
                    }
                }
                String paragraph = paragraphBefore(lines, i - 2);
                Matcher machine = README_MACHINE.matcher(paragraph);
                Matcher date = README_DATE.matcher(paragraph);
                String source = "the README's reference run (README.md, \"Measured here\""
                        + (date.find() ? ", " + date.group(1) : "") + ")";
                return report(journey, steps, figures, readmeData(paragraph, header.get(column), unit),
                        machine.find() ? machine.group(1).replace("**", "") : "see README.md")
                        .map(rep -> new ReferenceRun(source, rep));
            }
        }
        return Optional.empty();
    }

    /**
     * The data a README table measured: the column's own words where it names them ("20,000 patients, per
     * patient"), else the scale and the shape in parentheses the paragraph above gives.
     */
    private static String readmeData(String paragraph, String column, String unit) {
        String suffix = ", per " + unit;
        if (column.endsWith(suffix)) {
            return column.substring(0, column.length() - suffix.length());
        }
        Matcher scale = README_SCALE.matcher(paragraph);
        Matcher shape = README_SHAPE.matcher(paragraph);
        String data = (scale.find() ? "size " + scale.group(1) : "") + (shape.find() ? ", " + shape.group(1) : "");
        return data.isEmpty() ? "see README.md" : data.replaceFirst("^, ", "");
    }

    private static <D, R> Optional<LadderReport> report(Journey<D, R> journey, List<Rung<D, R>> steps,
            Map<String, double[]> figures, String data, String machine) {
        Rung<D, R> baselineRung = journey.ladder().rungs().get(0);
        if (!figures.containsKey(baselineRung.id())
                || !steps.stream().allMatch(rung -> figures.containsKey(rung.id()))) {
            return Optional.empty();
        }
        List<StepTiming> timings = new ArrayList<>();
        for (Rung<D, R> rung : steps) {
            timings.add(timing(journey, rung, figures.get(rung.id())));
        }
        return Optional.of(new LadderReport(journey.ladder().name(), journey.ladder().unit(), data, machine,
                timing(journey, baselineRung, figures.get(baselineRung.id())), timings));
    }

    private static <D, R> StepTiming timing(Journey<D, R> journey, Rung<D, R> rung, double[] itemsAndSeconds) {
        return new StepTiming(rung.id(), rung.title(), Double.NaN, (int) itemsAndSeconds[0], 1, itemsAndSeconds[1],
                0, "", journey.ladder().published(rung.id()));
    }

    private static double nanos(String number, String unit) {
        double value = Double.parseDouble(number.replace(",", ""));
        return value * switch (unit) {
            case "s" -> 1e9;
            case "ms" -> 1e6;
            case "µs", "us" -> 1e3;
            default -> 1;
        };
    }

    /** A Markdown table row's cells, trimmed; empty for a line that is not a table row. */
    private static List<String> cells(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("|") || !trimmed.endsWith("|") || trimmed.length() < 2) {
            return List.of();
        }
        return List.of(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)).stream().map(String::strip)
                .toList();
    }

    /** The paragraph that ends before line {@code index} (blank lines skipped), joined into one line. */
    private static String paragraphBefore(List<String> lines, int index) {
        int end = index - 1;
        while (end >= 0 && lines.get(end).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && !lines.get(start - 1).isBlank()) {
            start--;
        }
        return end < 0 ? "" : String.join(" ", lines.subList(start, end + 1));
    }
}
