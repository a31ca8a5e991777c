package fasterjava.corrset.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every k-corrset step's class Javadoc (the opening of its notebook) follows one template — what changed from the
 * step before, why it is faster, what it costs — and quotes the README's reference run exactly, so the prose and
 * the figures a learner sees beside it come from the same run.
 */
class CorrsetStepJavadocTest {
    private static final Pattern README_ROW = Pattern.compile(
            "(?m)^\\| (\\d\\d)-[a-z0-9-]+ \\| ([0-9.,]+ (?:ms|µs|ns)) \\| [^|]+ \\| ([0-9.,]+x|-) \\|");
    private static final Pattern QUOTE = Pattern.compile(
            "The README's run: ([0-9.,]+ (?:ms|µs|ns)) per combination(?:, ([0-9.,]+x) step (\\d\\d)'s speed)?\\.");

    @Test
    void everyStepFollowsTheTemplateAndQuotesTheReadmeRun() throws IOException {
        Map<String, String[]> readme = new HashMap<>();
        Matcher row = README_ROW.matcher(Files.readString(ProjectPaths.root().resolve("README.md")));
        while (row.find()) {
            readme.putIfAbsent(row.group(1), new String[] {row.group(2), row.group(3)});
        }
        List<String> problems = new ArrayList<>();
        for (var rung : CorrsetSteps.all()) {
            Path file = ProjectPaths.root().resolve("src/main/java/fasterjava/corrset/steps")
                    .resolve(sourceName(rung.number()));
            String javadoc = Files.readString(file).split("\\*/\n", 2)[0].replaceAll("\\s*\n\\s*\\*\\s*", " ");
            boolean baseline = rung.number().equals("01");
            List<String> leads = baseline
                    ? List.of("<p><b>What it does.</b>", "<p><b>Why it is slow.</b>", "<p><b>What it costs.</b>")
                    : List.of("<p><b>What changed from step " + previous(rung.number()) + ".</b>",
                            "<p><b>Why it is faster.</b>", "<p><b>What it costs.</b>");
            int at = -1;
            for (String lead : leads) {
                int found = javadoc.indexOf(lead);
                if (found <= at) {
                    problems.add(rung.id() + ": no '" + lead + "' after the previous part");
                }
                at = Math.max(at, found);
            }
            Matcher quote = QUOTE.matcher(javadoc);
            String[] expected = readme.get(rung.number());
            if (!quote.find()) {
                problems.add(rung.id() + ": does not quote the README's run");
            } else if (expected == null || !quote.group(1).equals(expected[0])
                    || (!baseline && !quote.group(2).equals(expected[1]))) {
                problems.add(rung.id() + ": quotes " + quote.group() + " but the README has "
                        + (expected == null ? "no row" : String.join(", ", expected)));
            }
            for (String stale : List.of("the previous step", "Xeon", "an earlier version", "a first version")) {
                if (javadoc.contains(stale)) {
                    problems.add(rung.id() + ": mentions '" + stale + "' (say what the code does now)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String previous(String number) {
        return String.format("%02d", Integer.parseInt(number) - 1);
    }

    private static String sourceName(String number) throws IOException {
        try (var files = Files.list(ProjectPaths.root().resolve("src/main/java/fasterjava/corrset/steps"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("Step" + number))
                    .findFirst().orElseThrow();
        }
    }
}
