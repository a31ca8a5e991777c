package fasterjava.peers;

import fasterjava.ladder.LadderCharts;
import fasterjava.util.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The side-by-side files, {@code results/<ladder>-peers.{csv,md,png}}, and reading them back: a step notebook asks
 * {@link #read} for the measured Python time of the step it shows, without running Python itself.
 */
public final class PeerResults {
    private final Map<String, String> peerOfJavaStep;
    private final Map<String, Double> pythonNanos;

    private PeerResults(Map<String, String> peerOfJavaStep, Map<String, Double> pythonNanos) {
        this.peerOfJavaStep = peerOfJavaStep;
        this.pythonNanos = pythonNanos;
    }

    /** A Python version's measured time per item, and which version it is. */
    public record PythonFigure(String version, double nanosPerItem) {
    }

    /** Writes the three files into {@code directory} atomically and returns their paths (csv, md, png). */
    public static List<Path> write(PeersReport report, Path directory) throws IOException {
        String stem = report.ladder() + "-peers";
        Path csv = directory.resolve(stem + ".csv");
        Path markdown = directory.resolve(stem + ".md");
        Path png = directory.resolve(stem + ".png");
        AtomicFile.writePng(png, chart(report));
        AtomicFile.writeText(csv, report.toCsv());
        AtomicFile.writeText(markdown, report.toMarkdown());
        return List.of(csv, markdown, png);
    }

    /**
     * Time per item on a log axis, one category per Java step: Java measured, the Python version closest to the
     * step (measured in the same run) and the published figure (the first source's), three series.
     */
    public static CategoryChart chart(PeersReport report) {
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title(report.ladder() + ": Java and Python measured here, and published (log scale, lower is "
                        + "better)").xAxisTitle("Java step").yAxisTitle("ns per " + report.unit()).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setOverlapped(false);
        List<String> steps = report.rows(PeerRow.Kind.JAVA).stream().map(PeerRow::step).toList();
        for (PeerRow.Kind kind : PeerRow.Kind.values()) {
            Map<String, Number> byStep = new HashMap<>();
            for (PeerRow row : report.rows(kind)) {
                String step = kind == PeerRow.Kind.JAVA ? row.step() : row.mirrors();
                byStep.putIfAbsent(step, row.nanosPerItem());
            }
            if (!byStep.isEmpty()) {
                List<Number> values = new ArrayList<>();
                steps.forEach(step -> values.add(byStep.get(step)));
                chart.addSeries(kind.label(), steps, values);
            }
        }
        return LadderCharts.fitLogAxis(chart);
    }

    /**
     * The Python figures of {@code results/<ladder>-peers.csv} in {@code resultsDirectory}; empty when the peers
     * have not been run there.
     */
    public static Optional<PeerResults> read(Path resultsDirectory, String ladder) {
        Path csv = resultsDirectory.resolve(ladder + "-peers.csv");
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(csv.toFile()).columnTypesToDetect(
                    List.of(ColumnType.STRING)).build());
        } catch (RuntimeException e) {
            throw new UncheckedIOException("cannot read " + csv, new IOException(e.getMessage(), e));
        }
        Map<String, String> peerOf = new HashMap<>();
        Map<String, Double> nanos = new HashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            String kind = table.column("kind").getString(i);
            String step = table.column("step").getString(i);
            String mirrors = table.column("mirrors").getString(i);
            if (kind.equals(PeerRow.Kind.JAVA.name().toLowerCase(Locale.ROOT)) && !mirrors.isEmpty()) {
                peerOf.put(step, mirrors);
            } else if (kind.equals(PeerRow.Kind.PYTHON.name().toLowerCase(Locale.ROOT))) {
                nanos.put(step, Double.parseDouble(table.column("ns_per_item").getString(i)));
            }
        }
        return Optional.of(new PeerResults(peerOf, nanos));
    }

    /** The measured Python version that mirrors Java step {@code javaStepId}, if the peers' run measured one. */
    public Optional<PythonFigure> mirroring(String javaStepId) {
        String version = peerOfJavaStep.get(javaStepId);
        Double figure = version == null ? null : pythonNanos.get(version);
        return figure == null ? Optional.empty() : Optional.of(new PythonFigure(version, figure));
    }
}
