package fasterjava.basics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.ladder.LadderResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;

/**
 * A topic's files, {@code basics-<slug>.csv} (the table), {@code .md} (findings, table, context) and {@code .png}
 * (the first chart), each written to a temporary sibling and renamed into place; and its JSON form.
 */
public final class TopicResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicResults() {
    }

    /** Writes the files into {@code directory} and returns their paths (csv, md, and png when there is a chart). */
    public static List<Path> write(TopicReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        String stem = "basics-" + report.slug();
        Path csv = directory.resolve(stem + ".csv");
        Path markdown = directory.resolve(stem + ".md");
        LadderResults.writeText(csv, report.table().toCsv());
        LadderResults.writeText(markdown, toMarkdown(report));
        if (report.charts().isEmpty()) {
            return List.of(csv, markdown);
        }
        Path png = directory.resolve(stem + ".png");
        // A plain sibling name (not a temporary file, which would be owner-only): results are for everyone.
        Path partial = directory.resolve(stem + ".partial.png");
        try {
            BitmapEncoder.saveBitmap(report.charts().get(0), directory.resolve(stem + ".partial").toString(),
                    BitmapEncoder.BitmapFormat.PNG);
            Files.move(partial, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return List.of(csv, markdown, png);
    }

    public static String toMarkdown(TopicReport report) {
        StringBuilder out = new StringBuilder("# basics: ").append(report.title()).append("\n\n");
        for (String finding : report.findings()) {
            out.append("- ").append(finding).append('\n');
        }
        if (!report.findings().isEmpty()) {
            out.append('\n');
        }
        return out.append(report.table().toMarkdown()).append('\n').append(report.context()).append('\n')
                .toString();
    }

    /** Findings, the table and the context as console text. */
    public static String toConsole(TopicReport report) {
        StringBuilder out = new StringBuilder(report.title()).append('\n');
        out.append(report.table().toConsole());
        for (String finding : report.findings()) {
            out.append("- ").append(finding).append('\n');
        }
        return out.append(report.context()).append('\n').toString();
    }

    /**
     * {@code {"topic", "title", "context", "findings": [...], "curves": [{"name", "exponent", "r2", "points": [[n,
     * seconds], ...]}], "header": [...], "rows": [[...], ...]}}; an exponent or r2 that could not be fitted is
     * null.
     */
    public static ObjectNode toJson(TopicReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("topic", report.slug());
        root.put("title", report.title());
        root.put("context", report.context());
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(findings::add);
        ArrayNode curves = root.putArray("curves");
        for (TopicReport.Curve curve : report.curves()) {
            ObjectNode node = curves.addObject();
            node.put("name", curve.name());
            putFinite(node, "exponent", curve.exponent());
            putFinite(node, "r2", curve.rSquared());
            ArrayNode points = node.putArray("points");
            for (TopicReport.Point point : curve.points()) {
                points.addArray().add(point.n()).add(point.seconds());
            }
        }
        ArrayNode header = root.putArray("header");
        report.table().header().forEach(header::add);
        ArrayNode rows = root.putArray("rows");
        for (List<String> row : report.table().rows()) {
            ArrayNode cells = rows.addArray();
            row.forEach(cells::add);
        }
        return root;
    }

    /** A number, or null where it is undefined (JSON has no NaN). */
    private static void putFinite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
