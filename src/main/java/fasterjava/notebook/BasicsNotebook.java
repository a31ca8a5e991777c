package fasterjava.notebook;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.basics.TopicResults;
import fasterjava.basics.track.Topics;
import fasterjava.basics.growth.TimerResolution;
import fasterjava.ladder.Machine;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What the basics notebooks call, one line per cell: run a topic (its checks, measurements, findings and table
 * printed under the cell), then show its charts.
 *
 * <p>The size comes from the {@code FASTER_SIZE} environment variable ({@code tiny}, {@code small} or
 * {@code full}; default {@code small}): CI executes every notebook at {@code tiny}, which checks that everything
 * runs but measures too briefly to trust; a workshop runs {@code small} or {@code full}.
 */
public final class BasicsNotebook {
    public static final String SIZE_VARIABLE = "FASTER_SIZE";

    private final Size size;
    private final Map<String, TopicReport> reports = new HashMap<>();

    private BasicsNotebook(Size size) {
        this.size = size;
    }

    /** The notebook at the size {@code FASTER_SIZE} names; prints the size and the machine. */
    public static BasicsNotebook open() {
        String variable = System.getenv(SIZE_VARIABLE);
        BasicsNotebook notebook = new BasicsNotebook(Size.parse(variable == null || variable.isBlank() ? "small"
                : variable));
        System.out.println("size: " + notebook.size.label() + " (set " + SIZE_VARIABLE
                + "=tiny|small|full before starting Jupyter to change it)");
        System.out.println("machine: " + Machine.describe());
        return notebook;
    }

    public Size size() {
        return size;
    }

    /** The topics of the track, one per line: number, slug, title. */
    public void topics() {
        for (Topic topic : Topics.all()) {
            System.out.print(String.format(Locale.ROOT, "%s  %-12s %s%n", topic.number(), topic.slug(), topic.title()));
        }
    }

    /** What the timer of this JVM can resolve, which every measurement depends on. */
    public void timer() {
        System.out.println(TimerResolution.get());
    }

    /**
     * Runs a topic ({@code "strings"}, {@code "03"}) at the notebook's size: its log (the {@code verified:} lines
     * first, then one line per measured point), then its findings and table. The report is kept for the chart
     * cells.
     */
    public TopicReport run(String topic) {
        Topic found = Topics.find(topic);
        // An earlier cell's garbage is collected now, not in the middle of this topic's timings.
        System.gc();
        TopicReport report = found.run(size, System.out::println);
        reports.put(found.slug(), report);
        System.out.println();
        System.out.print(TopicResults.toConsole(report));
        return report;
    }

    /** Chart {@code index} of a topic run in this notebook, as an image the cell shows. */
    public BufferedImage chart(String topic, int index) {
        List<Chart<?, ?>> charts = report(topic).charts();
        if (index < 0 || index >= charts.size()) {
            throw new IllegalArgumentException("topic " + topic + " has charts 0.." + (charts.size() - 1)
                    + ", not " + index);
        }
        return BitmapEncoder.getBufferedImage(charts.get(index));
    }

    /** All charts of a topic run in this notebook, one below the other in one image. */
    public BufferedImage charts(String topic) {
        List<BufferedImage> images = report(topic).charts().stream().map(BitmapEncoder::getBufferedImage).toList();
        if (images.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " drew no chart");
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage stacked = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = stacked.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage image : images) {
            graphics.drawImage(image, 0, y, null);
            y += image.getHeight();
        }
        graphics.dispose();
        return stacked;
    }

    private TopicReport report(String topic) {
        Topic found = Topics.find(topic);
        TopicReport report = reports.get(found.slug());
        if (report == null) {
            throw new IllegalStateException("run the topic first: nb.run(\"" + found.slug() + "\")");
        }
        return report;
    }
}
