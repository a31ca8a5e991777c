package fasterjava.basics.processes;

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
class ProcessesTopicTest {

    @Test
    void runsAtTinyThroughTheCommandLine(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "basics", "processes", "--size", "tiny",
                "--json", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("processes", json.path("topic").asText());
        assertTrue(json.path("findings").toString().contains("1 / 0.10 = 10x"), json.toString());
        assertEquals(4, err.toString().lines().filter(l -> l.startsWith("verified:")).count(), err.toString());
        for (String file : new String[] {"basics-processes.csv", "basics-processes.md", "basics-processes.png"}) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
    }
}
