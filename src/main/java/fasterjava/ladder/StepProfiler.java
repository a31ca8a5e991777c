package fasterjava.ladder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a step's time goes, the way the articles' line profiles showed it: the step is run repeatedly under a Java
 * Flight Recorder recording (built into the JDK; execution samples every millisecond), and the samples taken
 * inside the step are tallied twice — by the line of the step's own source that was running (directly or through
 * the code it called), and by the method at the top of the stack (where the CPU actually was).
 *
 * <p>JFR samples running Java threads only, without the safepoint bias of {@code Thread.getStackTrace}. Lines
 * inside methods the JIT inlined are still attributed to their source lines. Deep library stacks need
 * {@code -XX:FlightRecorderOptions=stackdepth=256} (the launcher sets it) or they lose their bottom frames.
 */
public final class StepProfiler {
    private static final String SAMPLE_EVENT = "jdk.ExecutionSample";

    private StepProfiler() {
    }

    /** One row of a profile table. */
    public record Entry(String where, long samples, double percent) {
    }

    /**
     * @param stepClass the profiled class's name
     * @param byStepLine samples by the step's own source line ({@code method:line})
     * @param byTopMethod samples by the method running at the top of the stack
     */
    public record Profile(String stepClass, long samples, double seconds, int runs, List<Entry> byStepLine,
            List<Entry> byTopMethod) {
        public String toTable(int rows) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%,d samples in %.1f s (%d runs of the step) — where %s spends its time:%n", samples, seconds,
                    runs, simpleName(stepClass)));
            out.append(String.format(Locale.ROOT, "%n  %-58s %8s %7s%n", "line of the step (incl. what it calls)",
                    "samples", "share"));
            byStepLine.stream().limit(rows).forEach(e -> out.append(row(e)));
            out.append(String.format(Locale.ROOT, "%n  %-58s %8s %7s%n", "method on top of the stack (self time)",
                    "samples", "share"));
            byTopMethod.stream().limit(rows).forEach(e -> out.append(row(e)));
            return out.toString();
        }

        private static String row(Entry e) {
            String where = e.where().length() > 58 ? "…" + e.where().substring(e.where().length() - 57) : e.where();
            return String.format(Locale.ROOT, "  %-58s %8d %6.1f%%%n", where, e.samples(), e.percent());
        }
    }

    /**
     * Prepares nothing (the caller passes a prepared step) and computes {@code items} items repeatedly for at
     * least {@code duration}, recording samples.
     */
    public static Profile profile(Step<?, ?> step, int items, Duration duration) {
        String stepClass = step.getClass().getName();
        Path file;
        int runs = 0;
        long start;
        long elapsed;
        try (Recording recording = new Recording()) {
            recording.enable(SAMPLE_EVENT).withPeriod(Duration.ofMillis(1)).withStackTrace();
            recording.start();
            start = System.nanoTime();
            long deadline = start + duration.toNanos();
            do {
                step.compute(items);
                runs++;
            } while (System.nanoTime() < deadline);
            elapsed = System.nanoTime() - start;
            recording.stop();
            file = Files.createTempFile("faster-profile", ".jfr");
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flight recording", e);
        }
        try {
            return tally(stepClass, RecordingFile.readAllEvents(file), elapsed / 1e9, runs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + file, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless.
            }
        }
    }

    static Profile tally(String stepClass, List<RecordedEvent> events, double seconds, int runs) {
        Map<String, Long> byLine = new HashMap<>();
        Map<String, Long> byTop = new HashMap<>();
        long inside = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(SAMPLE_EVENT) || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            RecordedFrame own = null;
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.equals(stepClass) || type.startsWith(stepClass + "$")) {
                    own = frame;
                    break;
                }
            }
            if (own == null || frames.isEmpty()) {
                continue;
            }
            inside++;
            byLine.merge(own.getMethod().getName() + ":" + own.getLineNumber(), 1L, Long::sum);
            RecordedFrame top = frames.get(0);
            byTop.merge(simpleName(top.getMethod().getType().getName()) + "." + top.getMethod().getName(), 1L,
                    Long::sum);
        }
        return new Profile(stepClass, inside, seconds, runs, entries(byLine, inside), entries(byTop, inside));
    }

    private static List<Entry> entries(Map<String, Long> counts, long total) {
        List<Entry> entries = new ArrayList<>();
        counts.forEach((where, n) -> entries.add(new Entry(where, n, 100.0 * n / total)));
        entries.sort(Comparator.comparingLong(Entry::samples).reversed().thenComparing(Entry::where));
        return entries;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
