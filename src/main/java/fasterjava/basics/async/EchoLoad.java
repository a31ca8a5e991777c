package fasterjava.basics.async;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent clients of an {@link EchoServer}, each on its own virtual thread: every client connects, waits
 * until all are connected (so they really are open at once), then sends a few small messages with a pause
 * between them — as a chat or a dashboard does, mostly idle — checks each echo, and closes. The run is bounded in
 * time; whatever is still running at the limit is stopped and reported.
 */
final class EchoLoad {
    static final int MESSAGE_BYTES = 32;
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int ERRORS_KEPT = 5;

    private EchoLoad() {
    }

    /**
     * What a load run did and cost.
     *
     * @param connections clients started
     * @param connected clients that connected
     * @param completed clients that finished every message with the right echoes
     * @param roundTrips echoes received and checked
     * @param openNanos from the first connect until every client was connected and the server had accepted it
     * @param wallNanos from the common start of the messages to the last client done
     * @param firstAnswerNanos per completed client, from the common start to its first echo, sorted
     * @param heapBytes heap in use (after a collection) with every connection open, minus the same before the run
     * @param platformThreads live platform threads with every connection open, minus the same before
     * @param rssBytes the process's resident memory with every connection open, minus before (it can shrink: a
     *     collection may return heap to the system)
     * @param rssKnown whether the resident memory could be read ({@code /proc/self/status}: Linux only)
     * @param errors the first few failures, as text
     * @param timedOut whether the time limit stopped the run
     */
    record Result(int connections, int connected, int completed, long roundTrips, long openNanos, long wallNanos,
            long[] firstAnswerNanos, long heapBytes, int platformThreads, long rssBytes, boolean rssKnown,
            List<String> errors,
            boolean timedOut) {
        Result {
            errors = List.copyOf(errors);
        }

        double roundTripsPerSecond() {
            return roundTrips / (wallNanos / 1e9);
        }

        long medianFirstAnswer() {
            return firstAnswerNanos.length == 0 ? -1 : firstAnswerNanos[firstAnswerNanos.length / 2];
        }

        long worstFirstAnswer() {
            return firstAnswerNanos.length == 0 ? -1 : firstAnswerNanos[firstAnswerNanos.length - 1];
        }
    }

    static Result run(EchoServer server, int connections, int messages, long pauseMillis, long limitSeconds)
            throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        System.gc();
        long heapBefore = heapUsed();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long rssBefore = residentBytes();

        CountDownLatch opened = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(connections);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicLong roundTrips = new AtomicLong();
        long[] firstAnswer = new long[connections];
        long[] goTime = new long[1];
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger errorCount = new AtomicInteger();

        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        long openStart = System.nanoTime();
        try {
            for (int c = 0; c < connections; c++) {
                int client = c;
                clients.execute(() -> {
                    boolean counted = false;
                    try (Socket socket = new Socket()) {
                        socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                        connected.incrementAndGet();
                        opened.countDown();
                        counted = true;
                        go.await();
                        converse(socket, client, messages, pauseMillis, firstAnswer, goTime[0], roundTrips);
                        completed.incrementAndGet();
                    } catch (IOException | RuntimeException | InterruptedException e) {
                        if (errorCount.incrementAndGet() <= ERRORS_KEPT) {
                            errors.add("client " + client + ": " + e);
                        }
                    } finally {
                        if (!counted) {
                            opened.countDown();
                        }
                        finished.countDown();
                    }
                });
            }
            boolean allOpen = opened.await(remaining(deadline), TimeUnit.NANOSECONDS);
            // A connect completes in the kernel's accept queue; the server may not have taken them all yet.
            while (server.accepted() < connected.get() && remaining(deadline) > 0) {
                Thread.sleep(1);
            }
            long openNanos = System.nanoTime() - openStart;
            System.gc();
            long heap = heapUsed() - heapBefore;
            int threads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
            long rssAfter = residentBytes();
            goTime[0] = System.nanoTime(); // published to the clients by go.countDown()
            go.countDown();
            boolean allDone = allOpen && finished.await(remaining(deadline), TimeUnit.NANOSECONDS);
            long wallNanos = System.nanoTime() - goTime[0];
            long[] firsts = Arrays.stream(firstAnswer).filter(n -> n > 0).sorted().toArray();
            return new Result(connections, connected.get(), completed.get(), roundTrips.get(), openNanos, wallNanos,
                    firsts, heap, threads, rssAfter - rssBefore, rssBefore >= 0 && rssAfter >= 0, List.copyOf(errors),
                    !allDone);
        } finally {
            clients.shutdownNow(); // interrupting a virtual thread blocked on a socket closes the socket
            clients.awaitTermination(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void converse(Socket socket, int client, int messages, long pauseMillis, long[] firstAnswer,
            long goTime, AtomicLong roundTrips) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] message = new byte[MESSAGE_BYTES];
        byte[] echo = new byte[MESSAGE_BYTES];
        for (int m = 0; m < messages; m++) {
            if (m > 0) {
                Thread.sleep(pauseMillis);
            }
            ByteBuffer.wrap(message).putInt(client).putInt(m);
            out.write(message);
            out.flush();
            if (in.readNBytes(echo, 0, MESSAGE_BYTES) != MESSAGE_BYTES) {
                throw new IOException("the server closed the connection after " + m + " echoes");
            }
            if (!Arrays.equals(message, echo)) {
                throw new IOException("echo " + m + " differs from the message sent");
            }
            if (m == 0) {
                firstAnswer[client] = Math.max(1, System.nanoTime() - goTime);
            }
            roundTrips.incrementAndGet();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code VmRSS} from {@code /proc/self/status}, or -1 off Linux. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: resident memory unknown.
        }
        return -1;
    }
}
