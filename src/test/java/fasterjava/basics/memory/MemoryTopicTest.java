package fasterjava.basics.memory;

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
class MemoryTopicTest {

    @Test
    void runsAtTinyThroughTheCommandLine(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "basics", "memory", "--size", "tiny",
                "--json", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("memory", json.path("topic").asText());
        assertTrue(json.path("context").asText().contains("size tiny"), json.toString());
        assertTrue(json.path("findings").size() >= 4, json.toString());
        JsonNode rows = json.path("rows");
        long chaseRows = 0;
        for (JsonNode row : rows) {
            if (row.get(0).asText().startsWith("dependent load")) {
                chaseRows++;
                assertTrue(row.get(3).asDouble() > 0, row.toString());
            }
        }
        assertEquals(7, chaseRows, "4 KiB to 16 MiB in steps of four");
        assertTrue(err.toString().contains("verified: each of the 7 working sets is one cycle"), err.toString());
        assertTrue(err.toString().contains("echo server stopped"), err.toString());
        for (String file : new String[] {"basics-memory.csv", "basics-memory.md", "basics-memory.png"}) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
    }
}
