package fasterjava.basics.processes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM running {@link WorkerMain}, started with this JVM's own {@code java} ({@code java.home}) and the
 * directory or jar this class was loaded from as its class path — not {@code java.class.path}, which in a
 * notebook kernel or a test runner names the runner's own jar. Requests go to its standard input, answers come
 * from its standard output; its standard error is this process's. {@link #close()} asks it to stop and, if it
 * does not within a few seconds, kills it.
 */
final class WorkerProcess implements AutoCloseable {
    /** A worker needs little: a small heap and the simplest collector start fastest. */
    private static final List<String> WORKER_JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");
    private static final long STOP_WAIT_SECONDS = 5;

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream answers;

    private WorkerProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Starts a worker; it is ready when it answers its first request. */
    static WorkerProcess start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(command(java.toString(), classPath()));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new WorkerProcess(builder.start());
    }

    static List<String> command(String java, String classPath) {
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(WORKER_JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, WorkerMain.class.getName()));
        return command;
    }

    /** Where {@link WorkerMain} was loaded from: {@code target/classes} or the project's jar. */
    static String classPath() {
        try {
            return Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + WorkerMain.class.getName()
                    + " was loaded from, so a worker process could not find it", e);
        }
    }

    /** Sends a sum request without waiting for the answer (so several workers can compute at once). */
    void sendSum(long from, long to) throws IOException {
        WorkerProtocol.writeSum(requests, from, to);
    }

    /** Sends {@code data} to be checksummed, without waiting for the answer. */
    void sendChecksum(byte[] data) throws IOException {
        WorkerProtocol.writeChecksum(requests, data);
    }

    /** Waits for the answer to the oldest unanswered request. */
    long receive() throws IOException {
        return WorkerProtocol.readAnswer(answers);
    }

    /** Asks the worker to stop and waits for it; kills it if it has not stopped within a few seconds. */
    @Override
    public void close() {
        try {
            WorkerProtocol.writeStop(requests);
            requests.close();
        } catch (IOException e) {
            // The worker already exited (or crashed): nothing to tell it; it is reaped below.
        }
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                answers.close();
            } catch (IOException e) {
                // Closing a dead process's output pipe: nothing to do.
            }
        }
    }

    boolean alive() {
        return process.isAlive();
    }
}
