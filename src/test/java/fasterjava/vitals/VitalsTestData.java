package fasterjava.vitals;

import fasterjava.vitals.data.VitalsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Vitals data for tests: the named fixtures under {@code fixtures/vitals/}, and tables written on the fly. */
public final class VitalsTestData {
    /** The edge-case fixtures under {@code fixtures/vitals/edge/}, each named for the case it covers. */
    public static final List<String> EDGE_FIXTURES = List.of("one-day", "two-days", "vital-all-missing",
            "zero-variance", "ragged-series", "shuffled-rows", "string-ids", "single-value", "anomaly-tie",
            "large-values", "many-decimals", "far-days");

    private VitalsTestData() {
    }

    public static Path resource(String path) {
        try {
            return Path.of(VitalsTestData.class.getResource("/" + path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource " + path, e);
        }
    }

    public static Path edgeFile(String name) {
        return resource("fixtures/vitals/edge/" + name + ".csv");
    }

    public static VitalsTable edge(String name) {
        return VitalsLoader.load(edgeFile(name));
    }

    /** Writes {@code rows} under the spec's header as {@code dir/name} and returns the file. */
    public static Path write(Path dir, String name, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", Vital.INPUT_HEADER));
        lines.addAll(rows);
        Path file = dir.resolve(name);
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
