package fasterjava.basics.async;

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
class AsyncTopicTest {

    @Test
    void runsAtTinyThroughTheCommandLine(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "basics", "async", "--size", "tiny",
                "--json", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("async", json.path("topic").asText());
        assertEquals(IoJob.Style.values().length + EchoServer.Mode.values().length, json.path("rows").size());
        assertEquals(4, err.toString().lines().filter(l -> l.startsWith("verified:")).count(), err.toString());
        for (String file : new String[] {"basics-async.csv", "basics-async.md", "basics-async.png"}) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
    }
}
