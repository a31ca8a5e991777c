package fasterjava.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.basics.growth.GrowthCharts;
import fasterjava.util.TextTable;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report becomes three files and one JSON object; growth charts render headlessly, odd curves included. */
class TopicResultsTest {

    static TopicReport report() {
        TopicReport.Curve fitted = new TopicReport.Curve("quadratic", 2.0, List.of(new TopicReport.Point(10, 1e-6),
                new TopicReport.Point(20, 4e-6, 0.1, false), new TopicReport.Point(40, 1.6e-5)), 1.0);
        TopicReport.Curve unfitted = new TopicReport.Curve("near-timer", Double.NaN,
                List.of(new TopicReport.Point(10, 3e-8, 0, true), new TopicReport.Point(20, 3e-8, 0, true)));
        List<TopicReport.Curve> curves = List.of(fitted, unfitted);
        return new TopicReport("demo", "A demo", "measured nowhere", List.of("quadratic grows as n^2.00"),
                new TextTable(List.of("curve", "exponent, fitted"), List.of(List.of("quadratic", "2.00"),
                        List.of("near-timer", "-"))), curves, List.of(GrowthCharts.chart("demo", curves)));
    }

    @Test
    void writesCsvMarkdownAndPng(@TempDir Path dir) throws Exception {
        List<Path> files = TopicResults.write(report(), dir.resolve("results"));
        assertEquals(List.of("basics-demo.csv", "basics-demo.md", "basics-demo.png"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals("curve,\"exponent, fitted\"\nquadratic,2.00\nnear-timer,-\n", Files.readString(files.get(0)));
        String markdown = Files.readString(files.get(1));
        assertTrue(markdown.startsWith("# basics: A demo\n\n- quadratic grows as n^2.00\n"), markdown);
        BufferedImage png = ImageIO.read(files.get(2).toFile());
        assertEquals(GrowthCharts.WIDTH, png.getWidth());
        try (var left = Files.list(dir.resolve("results"))) {
            assertEquals(3, left.count(), "no partial files left behind");
        }
    }

    @Test
    void jsonHasCurvesWithPointsAndNullForNoFit() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TopicResults.toJson(report()).toString());
        assertEquals("demo", json.path("topic").asText());
        JsonNode quadratic = json.path("curves").get(0);
        assertEquals("quadratic", quadratic.path("name").asText());
        assertEquals(2.0, quadratic.path("exponent").asDouble());
        assertEquals(1.0, quadratic.path("r2").asDouble());
        assertEquals("[[10,1.0E-6],[20,4.0E-6],[40,1.6E-5]]", quadratic.path("points").toString());
        assertTrue(json.path("curves").get(1).path("exponent").isNull());
        assertTrue(json.path("curves").get(1).path("r2").isNull());
        assertEquals(2, json.path("rows").size());
    }
}
