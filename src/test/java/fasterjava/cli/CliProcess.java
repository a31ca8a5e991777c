package fasterjava.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/faster}'s command line in a child JVM, for what an in-process run cannot show: the real standard
 * output (a full disk, a closed descriptor), a small heap, a signal. The child runs this JVM's {@code java} on the
 * test class path.
 */
record CliProcess(int code, String out, String err) {
    private static final long TIMEOUT_SECONDS = 120;

    /** The child's command: {@code jvmOptions}, then the CLI's {@code args}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} to the end with stdout going to {@code stdout} (null: captured). */
    static CliProcess run(Path dir, List<String> command, File stdout) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout != null ? stdout : out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new CliProcess(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
