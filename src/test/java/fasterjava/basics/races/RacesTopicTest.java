package fasterjava.basics.races;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topic end to end at {@code tiny}, through the command line. */
class RacesTopicTest {

    @Test
    void runsAtTinyThroughTheCommandLine(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "basics", "races", "--size", "tiny",
                "--json", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("races", json.path("topic").asText());
        assertEquals(Races.ListVariant.values().length + Races.CounterVariant.values().length,
                json.path("rows").size());
        for (JsonNode row : json.path("rows")) {
            assertEquals("20", row.get(3).asText(), "tiny runs 20 trials: " + row);
            if (row.get(2).asText().equals("yes")) {
                assertEquals("20", row.get(4).asText(), "a fix is right in every trial: " + row);
            }
        }
        assertEquals(7, err.toString().lines().filter(l -> l.startsWith("verified:")).count(), err.toString());
        for (String file : new String[] {"basics-races.csv", "basics-races.md", "basics-races.png"}) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
    }
}
