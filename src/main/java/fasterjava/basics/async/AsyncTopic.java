package fasterjava.basics.async;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import fasterjava.util.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Async and C10k: one I/O-bound job written with callbacks, futures and virtual threads, and thousands of concurrent
 * connections served three ways.
 *
 * <p>The claim: a program that waits — on a network, a disk, another service — spends that time doing nothing, and
 * programs learned to wait for many things at once in steps: callbacks (say what to do when the answer comes), futures
 * (a value that will exist later, which chains and combines), then async/await (code that reads as if it blocked while
 * an event loop runs something else). The C10k problem — serving ten thousand connections at once — was named when
 * servers with a thread or a process per connection ran out of both. Java's answer to the last step is the virtual
 * thread: plain blocking code, but a blocked virtual thread gives its carrier thread back, so thousands of them cost
 * memory, not operating-system threads.
 *
 * <p>First, one job written four ways: many tasks, each making two calls to a simulated service that answers after a
 * fixed wait, the second needing the first's answer — nested callbacks, {@code CompletableFuture} chains, a virtual
 * thread per task, and the same blocking code on a fixed pool of platform threads, where a waiting task holds a thread
 * no other task can use. All four must give the sum of the answers computed without waiting. Then the project's own
 * echo server, on {@code 127.0.0.1} only and stopped after each run, serves one load three ways: a virtual thread per
 * connection; a fixed pool of platform threads (a connection waits until a thread is free, then holds it until it
 * closes); and one thread multiplexing every connection with an NIO selector. The clients, a virtual thread each, all
 * connect first, then send a few small messages with pauses between them — mostly idle, as such connections are — and
 * check every echo. Measured: the time until every client is done, round trips per second, the wait for the first
 * answer, and the memory with every connection open (heap after a collection, platform threads, resident memory; both
 * ends live in this JVM). Ten thousand connections need twenty thousand file descriptors here; where the process's
 * limit ({@code ulimit -n}) allows fewer, the count is lowered to what fits and the findings say so.
 *
 * <p>What this means: with virtual threads, straight-line blocking code waits for many things at once, as callbacks
 * and futures do, without turning the control flow inside out; on a fixed pool of platform threads, tasks queue behind
 * each other's waits. Connections behave the same way: a bounded pool of platform threads serves only as many mostly
 * idle connections at once as it has threads, and the rest wait their turn, while a virtual thread per connection, or
 * a selector loop, serves them all with a handful of platform threads.
 */
public final class AsyncTopic implements Topic {
    /**
     * Tasks and the service's wait for the job; connections, messages per connection and the pause between them
     * for the load, and the time limit of one server's run (connecting included): a design that cannot keep up
     * is stopped there, and the findings say how far it got.
     */
    private record Plan(int tasks, long waitMillis, int connections, int messages, long pauseMillis,
            long limitSeconds) {
        static Plan of(Size size) {
            return switch (size) {
                case TINY -> new Plan(1_000, 10, 500, 3, 200, 20);
                case SMALL -> new Plan(10_000, 20, 10_000, 3, 1_000, 30);
                case FULL -> new Plan(100_000, 50, 10_000, 5, 2_000, 120);
            };
        }
    }

    @Override
    public String number() {
        return "09";
    }

    @Override
    public String slug() {
        return "async";
    }

    @Override
    public String title() {
        return "Async: callbacks, futures, virtual threads, and C10k";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        Plan plan = Plan.of(size);
        Map<IoJob.Style, Long> jobNanos = ioJob(plan, log);

        FileDescriptors descriptors = FileDescriptors.ofThisProcess();
        int connections = descriptors.connectionsThatFit(plan.connections());
        String fdNote = connections == plan.connections() ? ""
                : String.format(Locale.ROOT, "%,d connections asked for, %,d run: the open-file limit is %,d "
                        + "(%,d already open, %d kept in reserve) and each connection needs two", plan.connections(),
                        connections, descriptors.limit(), descriptors.open(), FileDescriptors.RESERVE);
        if (!fdNote.isEmpty()) {
            log.accept("note: " + fdNote);
        }
        if (connections < 1) {
            throw new IllegalStateException("no loopback connection fits under the open-file limit: " + fdNote);
        }
        Map<EchoServer.Mode, EchoLoad.Result> loads = new LinkedHashMap<>();
        for (EchoServer.Mode mode : EchoServer.Mode.values()) {
            loads.put(mode, serve(mode, plan, connections, log));
        }
        return report(size, plan, jobNanos, connections, fdNote, loads);
    }

    private static Map<IoJob.Style, Long> ioJob(Plan plan, Consumer<String> log) {
        long expected = IoJob.expected(plan.tasks());
        Map<IoJob.Style, Long> nanos = new LinkedHashMap<>();
        try (SimulatedService service = new SimulatedService(plan.waitMillis())) {
            for (IoJob.Style style : IoJob.Style.values()) {
                long start = System.nanoTime();
                long sum = IoJob.run(style, service, plan.tasks());
                nanos.put(style, System.nanoTime() - start);
                if (sum != expected) {
                    throw new VerificationException(style.label + " summed " + sum + ", expected " + expected);
                }
                log.accept(String.format(Locale.ROOT, "%s: %,d tasks in %s", style.label, plan.tasks(),
                        Units.nanos(nanos.get(style))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the I/O job", e);
        }
        log.accept(String.format(Locale.ROOT, "verified: all %d styles summed the %,d tasks' answers to %d, the "
                + "answers computed without waiting", IoJob.Style.values().length, plan.tasks(), expected));
        return nanos;
    }

    /** One load run against a fresh server in {@code mode}; the server is stopped afterwards, also on failure. */
    private static EchoLoad.Result serve(EchoServer.Mode mode, Plan plan, int connections, Consumer<String> log) {
        EchoLoad.Result result;
        EchoServer server;
        try (EchoServer started = EchoServer.start(mode)) {
            server = started;
            result = EchoLoad.run(started, connections, plan.messages(), plan.pauseMillis(), plan.limitSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException("echo server (" + mode.label() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the echo load", e);
        }
        if (!server.stopped()) {
            throw new IllegalStateException("the echo server (" + mode.label() + ") did not stop");
        }
        log.accept(String.format(Locale.ROOT, "%s: %,d of %,d connected, %,d completed, %s for all messages, "
                + "%,.0f round trips/s", mode.label(), result.connected(), connections, result.completed(),
                Units.nanos(result.wallNanos()), result.roundTripsPerSecond()));
        if (result.completed() == connections && !result.timedOut()) {
            log.accept(String.format(Locale.ROOT, "verified: %s — all %,d connections open at once, all %,d echoes "
                    + "equal to what was sent; server stopped with all its threads", mode.label(), connections,
                    result.roundTrips()));
        } else {
            List<String> problems = new ArrayList<>();
            if (result.timedOut()) {
                problems.add(String.format(Locale.ROOT, "stopped at the %d s time limit", plan.limitSeconds()));
            }
            problems.addAll(result.errors());
            log.accept(mode.label() + ": " + String.join("; ", problems));
        }
        return result;
    }

    private TopicReport report(Size size, Plan plan, Map<IoJob.Style, Long> jobNanos, int connections,
            String fdNote, Map<EchoServer.Mode, EchoLoad.Result> loads) {
        List<List<String>> rows = new ArrayList<>();
        jobNanos.forEach((style, nanos) -> rows.add(List.of("I/O job", style.label,
                String.format(Locale.ROOT, "%,d tasks", plan.tasks()), Units.nanos(nanos),
                String.format(Locale.ROOT, "%,.0f tasks/s", plan.tasks() / (nanos / 1e9)), "-", "-", "-", "-")));
        loads.forEach((mode, r) -> rows.add(List.of("echo server", mode.label(),
                String.format(Locale.ROOT, "%,d of %,d connections", r.completed(), r.connections()),
                Units.nanos(r.wallNanos()), String.format(Locale.ROOT, "%,.0f round trips/s", r.roundTripsPerSecond()),
                Units.nanos(r.medianFirstAnswer()) + " / " + Units.nanos(r.worstFirstAnswer()),
                signedMegabytes(r.heapBytes()), String.format(Locale.ROOT, "%+d", r.platformThreads()),
                r.rssKnown() ? signedMegabytes(r.rssBytes()) : "-")));
        TextTable table = new TextTable(List.of("part", "approach", "done", "wall time", "throughput",
                "first answer (median / worst answered)", "heap, all open", "platform threads, all open",
                "resident memory, all open"), rows);

        List<String> findings = new ArrayList<>();
        long ideal = 2 * plan.waitMillis() * 1_000_000;
        List<String> styles = new ArrayList<>();
        jobNanos.forEach((style, nanos) -> styles.add(style.label + " " + Units.nanos(nanos)));
        findings.add(String.format(Locale.ROOT, "The I/O job (%,d tasks, two %d ms waits each; %s if every task "
                + "waited at once): %s — all the same sum.", plan.tasks(), plan.waitMillis(), Units.nanos(ideal),
                String.join(", ", styles)));
        for (Map.Entry<EchoServer.Mode, EchoLoad.Result> entry : loads.entrySet()) {
            EchoLoad.Result r = entry.getValue();
            findings.add(String.format(Locale.ROOT, "%,d connections to the echo server, %s: all open in %s, then "
                    + "%s until %s (%,.0f round trips/s); first answer after %s median, %s worst; "
                    + "with all open: heap %s, %+d platform threads, resident memory %s%s.", r.connected(),
                    entry.getKey().label(), Units.nanos(r.openNanos()), Units.nanos(r.wallNanos()),
                    r.timedOut() ? "the time limit stopped it" : "every client was done", r.roundTripsPerSecond(),
                    Units.nanos(r.medianFirstAnswer()), Units.nanos(r.worstFirstAnswer()),
                    signedMegabytes(r.heapBytes()),
                    r.platformThreads(), r.rssKnown() ? signedMegabytes(r.rssBytes()) : "unknown",
                    r.completed() == r.connections() ? "" : String.format(Locale.ROOT, " — only %,d of %,d "
                            + "completed%s", r.completed(), r.connections(), r.timedOut() ? " (time limit)" : "")));
        }
        if (!fdNote.isEmpty()) {
            findings.add("Fewer connections than asked: " + fdNote + ". Raise the limit in the shell before starting "
                    + "(ulimit -n), up to the hard limit.");
        }
        long limit = FileDescriptors.ofThisProcess().limit();
        String context = TopicReport.contextLine(size, String.format(Locale.ROOT, "I/O job of %,d tasks with %d ms "
                + "waits; %,d connections on 127.0.0.1, %d messages of %d bytes each with %d ms pauses, all clients "
                + "on virtual threads in the same JVM; open-file limit %s", plan.tasks(), plan.waitMillis(),
                connections, plan.messages(), EchoLoad.MESSAGE_BYTES, plan.pauseMillis(),
                limit < 0 ? "unknown" : String.format(Locale.ROOT, "%,d", limit)));
        return new TopicReport(slug(), title(), context, findings, table, List.of(),
                List.of(c10kChart(loads, connections), memoryChart(loads), jobChart(jobNanos, ideal)));
    }

    private static String signedMegabytes(long bytes) {
        return String.format(Locale.ROOT, "%+.1f MB", bytes / 1e6);
    }

    private static CategoryChart bars(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    /** Wall time per server design for the same connections. */
    private static CategoryChart c10kChart(Map<EchoServer.Mode, EchoLoad.Result> loads, int connections) {
        CategoryChart chart = bars(String.format(Locale.ROOT, "%,d concurrent connections to a loopback echo "
                + "server: time until every client is done (or the time limit)", connections), "seconds");
        List<String> names = loads.entrySet().stream().map(e -> e.getKey().label() + (e.getValue().timedOut()
                ? String.format(Locale.ROOT, " (limit: %,d of %,d done)", e.getValue().completed(),
                        e.getValue().connections()) : "")).toList();
        chart.addSeries("all clients done", names, loads.values().stream().map(r -> (Number) (r.wallNanos() / 1e9))
                .toList());
        chart.addSeries("median first answer", names, loads.values().stream()
                .map(r -> (Number) (Math.max(0, r.medianFirstAnswer()) / 1e9)).toList());
        return chart;
    }

    /** Heap and resident memory with every connection open, per server design. */
    private static CategoryChart memoryChart(Map<EchoServer.Mode, EchoLoad.Result> loads) {
        CategoryChart chart = bars("Memory with every connection open (both ends in this JVM)", "MB");
        List<String> names = loads.keySet().stream().map(EchoServer.Mode::label).toList();
        chart.addSeries("heap after a collection", names, loads.values().stream()
                .map(r -> (Number) (Math.max(0, r.heapBytes()) / 1e6)).toList());
        chart.addSeries("resident memory", names, loads.values().stream()
                .map(r -> r.rssKnown() ? (Number) (r.rssBytes() / 1e6) : null).toList());
        return chart;
    }

    /** Wall time of the I/O job per style, with the all-at-once ideal. */
    private static CategoryChart jobChart(Map<IoJob.Style, Long> jobNanos, long idealNanos) {
        CategoryChart chart = bars("The same I/O-bound job four ways (log scale)", "seconds");
        chart.getStyler().setYAxisLogarithmic(true);
        List<String> names = jobNanos.keySet().stream().map(s -> s.label).toList();
        chart.addSeries("wall time", names, jobNanos.values().stream().map(n -> (Number) (n / 1e9)).toList());
        chart.addSeries("every task waiting at once", names, jobNanos.keySet().stream()
                .map(s -> (Number) (idealNanos / 1e9)).toList());
        double min = Math.min(idealNanos, jobNanos.values().stream().mapToLong(Long::longValue).min().orElse(1));
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min / 1e9)) - 1));
        return chart;
    }
}
