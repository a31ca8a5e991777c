package fasterjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.corrset.TestData;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.util.RunLock;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What a hostile but fair user tries: absurd options, damaged or shared checkpoints, outputs that cannot be
 * written, too little memory, a kill. Each gives one clear line and the documented exit code, with no stack trace
 * and nothing lost.
 */
class CliFailuresTest {
    /** The committed sample: 20 questions, so K = 3 is 1,140 sets in 18 work units (0..17). */
    private static final String SAMPLE = "data/scores-6000x20-seed42.json";
    private static final String TIES = TestData.resource("fixtures/edge/ties.csv").toString();

    @TempDir
    Path dir;

    /** Exactly one error line, naming {@code fragment}, and no stack trace. */
    private static void assertOneLine(CliRun run, String fragment) {
        List<String> errors = run.err().lines().filter(l -> l.startsWith("faster:")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).contains(fragment), "expected \"" + fragment + "\" in: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void optionsThatNeedNoDataAreRefusedBeforeLoadingIt() {
        // The data file does not exist: a refusal about the option proves it came first.
        String missing = dir.resolve("missing.json").toString();
        String[][] cases = {
            {"--k", "0", "--k must be at least 1, got 0"},
            {"--top", "0", "--top must be at least 1, got 0"},
            {"--min-users", "1", "--min-users must be at least 2"},
            {"--threads", "0", "--threads must be between 1 and"},
            {"--threads", "100000", "per core"},
        };
        for (String[] option : cases) {
            CliRun run = CliRun.of("corrset", "best", "--data", missing, option[0], option[1]);
            assertEquals(Main.BAD_USAGE, run.code(), run.err());
            assertOneLine(run, option[2]);
        }
        CliRun vitals = CliRun.of("vitals", "features", "--generate", "10", "--threads", "100000");
        assertEquals(Main.BAD_USAGE, vitals.code(), vitals.err());
        assertOneLine(vitals, "--threads must be between 1 and");
    }

    @Test
    void aTopListLongerThanTheSearchListsEverySet() throws IOException {
        CliRun run = CliRun.of("corrset", "best", "--data", TIES, "--k", "3", "--top", "2147483647", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(4 - json.get("undefined").asLong(), json.get("top").size(), "C(4, 3) = 4 sets at most");
    }

    /** Main's error reporting around a command that fails with {@code failure}. */
    private static CliRun failingWith(RuntimeException failure) {
        @Command(name = "failing")
        final class Failing implements Callable<Integer> {
            @Override
            public Integer call() {
                throw failure;
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new CommandLine(new Failing()), new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void anExceptionWithoutAMessageIsNeverPrintedAsABareClassName() {
        CliRun run = failingWith(new IllegalArgumentException());
        assertEquals(Main.BAD_INPUT, run.code());
        String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("faster: internal error (java.lang.IllegalArgumentException without a message)"),
                run.err());
    }

    @Test
    void anOutOfMemoryErrorWrappedByAWorkerPoolGetsTheSameAdvice() {
        CliRun run = failingWith(new IllegalStateException("worker failed", new OutOfMemoryError("Java heap space")));
        assertEquals(Main.BAD_INPUT, run.code());
        assertOneLine(run, "faster: out of memory (Java heap space) with a maximum heap of ");
        assertTrue(run.err().contains("FASTER_HEAP="), run.err());
    }

    /** A finished checkpoint of the sample at K = 3, every set examined. */
    private Path finishedCheckpoint() {
        Path checkpoint = dir.resolve("sample.cp");
        CliRun run = CliRun.of("corrset", "best", "--data", SAMPLE, "--k", "3", "--exhaustive", "--checkpoint",
                checkpoint.toString());
        assertEquals(0, run.code(), run.err());
        return checkpoint;
    }

    @Test
    void aDamagedCheckpointIsRefusedWithItsLineAndField() throws IOException {
        String text = Files.readString(finishedCheckpoint());
        assertTrue(text.contains("\ndone=0-17\n"), text);
        Matcher set = Pattern.compile("\nset=(\\d+),(\\d+),(\\d+) (\\d+) (-?\\d+) (\\d+) (\\d+)\n").matcher(text);
        assertTrue(set.find(), text);
        String setLine = set.group().strip();
        String[][] damages = {
            // replaced, by, expected in the message
            {"done=0-17", "done=0-99999", "field \"done\": unit 99999 is not one of the 18 units"},
            {"done=0-17", "done=5-3", "field \"done\": range 5-3 runs backwards"},
            {"done=0-17", "done=0-2147483647", "field \"done\": unit 2147483647 is not one of the 18 units"},
            {"done=0-17", "done=0-10,8-17", "field \"done\": range 8-17 is out of order or overlaps"},
            {"done=0-17", "done=0-16", "field \"combinations\": 1140 sets examined, but the finished units hold"},
            {setLine, "set=" + set.group(1) + "," + set.group(2) + " " + set.group(4) + " " + set.group(5) + " "
                    + set.group(6) + " " + set.group(7), "field \"set\": 2 question indices in a checkpoint for K = 3"},
            {setLine, setLine.replace("set=" + set.group(1) + ",", "set=999,"),
                    "field \"set\": question index 999 is not one of the data's 20 questions"},
            {setLine, setLine.replace(" " + set.group(4) + " ", " 99999999999 "),
                    "field \"set\": n = 99999999999 users is outside"},
            {setLine, setLine.replace(" " + set.group(6) + " ", " 0 "), "field \"set\": da and db must be positive"},
            {"combinations=1140", "combinations=-5", "field \"combinations\": -5 is outside"},
            {"combinations=1140", "combinations=lots", "field \"combinations\": expected an integer"},
            {"k=3", "k=3\nk=3", "field \"k\": given twice"},
            {"top=1", "top=1\ncolour=blue", "field \"colour\": unknown field"},
            {"undefined=", "undefinedness=", "field \"undefinedness\": unknown field"},
        };
        for (String[] damage : damages) {
            assertTrue(text.contains(damage[0]), damage[0]);
            Path damaged = dir.resolve("damaged.cp");
            Files.writeString(damaged, text.replace(damage[0], damage[1]));
            CliRun run = CliRun.of("corrset", "best", "--data", SAMPLE, "--k", "3", "--exhaustive", "--checkpoint",
                    damaged.toString());
            assertEquals(Main.BAD_INPUT, run.code(), damage[1] + ": " + run.err());
            assertOneLine(run, "checkpoint " + damaged + " is damaged: line ");
            assertTrue(run.err().contains(damage[2]), "expected \"" + damage[2] + "\" in: " + run.err());
            assertTrue(run.out().isEmpty(), "no answer from a damaged checkpoint: " + run.out());
        }
    }

    @Test
    void aCheckpointOfAnExhaustiveSearchIsRefusedByAnEarlyStoppingOneAndBack() {
        Path exhaustive = finishedCheckpoint();
        CliRun early = CliRun.of("corrset", "best", "--data", SAMPLE, "--k", "3", "--checkpoint",
                exhaustive.toString());
        assertEquals(Main.BAD_INPUT, early.code(), early.err());
        assertOneLine(early, "was written by a search that examines every set, this run stops early");

        Path stopping = dir.resolve("stopping.cp");
        assertEquals(0, CliRun.of("corrset", "best", "--data", TIES, "--k", "3", "--checkpoint",
                stopping.toString()).code());
        CliRun full = CliRun.of("corrset", "best", "--data", TIES, "--k", "3", "--exhaustive", "--checkpoint",
                stopping.toString());
        assertEquals(Main.BAD_INPUT, full.code(), full.err());
        assertOneLine(full, "stops early once r = 1 sets fill the top list, this run examines every set");
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsRefusedBeforeTheSearch() {
        CliRun run = CliRun.of("corrset", "best", "--data", SAMPLE, "--k", "3", "--checkpoint",
                "/nonexistent-dir/x.cp");
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertOneLine(run, "/nonexistent-dir/x.cp: no such file or directory");
        assertFalse(run.err().contains("searching"), "refused before the search: " + run.err());

        CliRun directory = CliRun.of("corrset", "best", "--data", SAMPLE, "--k", "3", "--checkpoint",
                dir.toString());
        assertEquals(Main.BAD_INPUT, directory.code(), directory.err());
        assertOneLine(directory, "it is a directory");
    }

    @Test
    void aCheckpointSaveThatFailsLaterStillPrintsTheAnswer() throws IOException {
        // A non-empty directory where the temporary file goes: the checks before the search pass, the save fails.
        Path checkpoint = dir.resolve("late.cp");
        Files.createDirectories(dir.resolve(".late.cp.partial").resolve("in-the-way"));
        CliRun run = CliRun.of("corrset", "best", "--data", TIES, "--k", "3", "--json", "--checkpoint",
                checkpoint.toString());
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertOneLine(run, "the answer above is complete, but cannot save checkpoint: cannot write " + checkpoint);
        assertTrue(run.err().contains("a directory is in the way"), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("indices").size(), "the answer: " + run.out());
    }

    @Test
    void twoRunsCannotShareACheckpoint() throws IOException {
        Path checkpoint = dir.resolve("shared.cp");
        try (RunLock ignored = RunLock.acquire(checkpoint)) {
            CliRun second = CliRun.of("corrset", "best", "--data", TIES, "--k", "3", "--checkpoint",
                    checkpoint.toString());
            assertEquals(Main.BAD_INPUT, second.code(), second.err());
            assertOneLine(second, checkpoint + " is in use by another run (process "
                    + ProcessHandle.current().pid() + ")");
            assertTrue(second.out().isEmpty());
        }
        assertEquals(0, CliRun.of("corrset", "best", "--data", TIES, "--k", "3", "--checkpoint",
                checkpoint.toString()).code(), "free again once the first run ends");
    }

    @Test
    void theCheckpointIntervalIsInTheHelp() {
        CliRun help = CliRun.of("corrset", "best", "--help");
        assertEquals(0, help.code());
        long seconds = PrefixTreeSearch.DEFAULT_CHECKPOINT_EVERY.toSeconds();
        assertTrue(help.out().contains("every " + seconds + " s"), help.out());
    }

    @Test
    void aFailedWriteToStandardOutputIsAnError() {
        for (String[] args : new String[][] {
            {"corrset", "best", "--data", TIES, "--k", "3", "--json"},
            {"corrset", "best", "--data", TIES, "--k", "3"},
            {"--help"},
            {"basics", "list"},
        }) {
            CliRun run = CliRun.withFailingStdout(args);
            assertEquals(Main.BAD_INPUT, run.code(), String.join(" ", args) + ": " + run.err());
            assertOneLine(run, "cannot write to standard output");
        }
    }

    @Test
    void aFullDiskOrClosedStandardOutputFailsTheRealProcess() throws Exception {
        List<String> best = CliProcess.command(List.of("-Xmx256m"), "corrset", "best", "--data", TIES, "--k", "3",
                "--json");
        CliProcess full = CliProcess.run(dir, best, new File("/dev/full"));
        assertEquals(Main.BAD_INPUT, full.code(), full.err());
        assertTrue(full.err().contains("faster: cannot write to standard output"), full.err());

        List<String> closed = List.of("sh", "-c", "exec \"$0\" \"$@\" >&-");
        List<String> command = new java.util.ArrayList<>(closed);
        command.addAll(best);
        CliProcess noStdout = CliProcess.run(dir, command, null);
        assertEquals(Main.BAD_INPUT, noStdout.code(), noStdout.err());
        assertTrue(noStdout.err().contains("faster: cannot write to standard output"), noStdout.err());
    }

    @Test
    void runningOutOfMemoryNamesTheHeapAndFasterHeap() throws Exception {
        Path out = dir.resolve("huge.json");
        CliProcess run = CliProcess.run(dir, CliProcess.command(List.of("-Xmx32m"), "generate", "scores", "--users",
                "2000000000", "--out", out.toString()), null);
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        // The JVM's own notice about the Vector API module aside.
        List<String> lines = run.err().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("faster: out of memory ("), run.err());
        assertTrue(lines.get(0).contains("maximum heap of") && lines.get(0).contains("FASTER_HEAP="), run.err());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("huge")), "nothing left behind");
        }
    }

    @Test
    void aTerminatedGenerateLeavesNoPartialFile() throws Exception {
        Path out = dir.resolve("big.json");
        Path partial = dir.resolve(".big.json.partial");
        Process process = new ProcessBuilder(CliProcess.command(List.of("-Xmx512m"), "generate", "scores",
                "--out", out.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(partial) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(partial), "the run started writing");
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        assertEquals(143, process.exitValue(), "stopped by SIGTERM");
        assertFalse(Files.exists(partial), "the shutdown hook deleted the temporary file");
        assertFalse(Files.exists(out), "no truncated output");
    }

    @Test
    void outputsThatCannotBeWrittenAreRefusedBeforeTheWork() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun ladder = CliRun.of("corrset", "ladder", "--scale", "tiny", "--steps", "01", "--out", file.toString());
        assertEquals(Main.BAD_INPUT, ladder.code(), ladder.err());
        assertOneLine(ladder, "cannot write into " + file + ": it is not a directory");
        assertFalse(ladder.err().contains("verified"), "refused before the ladder ran: " + ladder.err());

        CliRun inside = CliRun.of("generate", "scores", "--users", "100", "--questions", "3", "--out",
                file.resolve("x.json").toString());
        assertEquals(Main.BAD_INPUT, inside.code(), inside.err());
        assertOneLine(inside, "cannot write " + file.resolve("x.json") + ": a path component is not a directory");

        CliRun directory = CliRun.of("generate", "scores", "--users", "100", "--questions", "3", "--out",
                dir.toString());
        assertEquals(Main.BAD_INPUT, directory.code(), directory.err());
        assertOneLine(directory, "cannot write " + dir + ": it is a directory; refusing to replace it");

        CliRun device = CliRun.of("generate", "scores", "--users", "100", "--questions", "3", "--out", "/dev/null");
        assertEquals(Main.BAD_INPUT, device.code(), device.err());
        assertOneLine(device, "not a regular file");
    }
}
