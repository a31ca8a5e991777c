package fasterjava.cli;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresGenerator;
import fasterjava.corrset.journey.Corrset;
import fasterjava.corrset.search.PrefixTreeSearch.LastLevel;
import fasterjava.corrset.search.SearchBench;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.ladder.Machine;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jdk.incubator.vector.IntVector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faster corrset bench-search}: the full search on a grid of generated shapes (the spec's generator, seed 42,
 * 20% of users per question), one exhaustive search per shape and kernel, so a change is judged on every shape and
 * not only on the article's. Each measurement runs in a fresh JVM by default, as a one-shot {@code corrset best}
 * does: small shapes are decided by JIT warm-up and set-up, which an already warm JVM would hide.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = "Time the exhaustive full search per shape (questions x K) and last-level kernel: set-up, "
                + "seconds and ns per set, each in a fresh JVM.")
final class BenchSearchCommand implements Callable<Integer> {
    /** The grid the issue asks for: questions x K. */
    private static final int[] GRID_QUESTIONS = {20, 40, 80, 200};
    private static final int[] GRID_K = {3, 5, 6};
    private static final int PER_MILLE = 200;
    private static final long SEED = 42;
    private static final String ROW_FORMAT = "%-8s %14s %-10s %9s %9s %9s %9s  %s%n";

    @Spec
    CommandSpec spec;

    @Option(names = "--shapes", split = ",", paramLabel = "QxK",
            description = "Shapes to run, e.g. 80x5,200x5 (default: Q in 20,40,80,200 by K in 3,5,6, those with "
                    + "at most --max-sets sets).")
    List<String> shapes;

    @Option(names = "--max-sets", defaultValue = "400000000",
            description = "The default grid leaves out shapes with more sets than this (default: ${DEFAULT-VALUE}).")
    long maxSets;

    @Option(names = "--users", defaultValue = "60000", description = "Users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--kernels", split = ",", defaultValue = "engine,dense,pair-table",
            description = "Last-level kernels: engine (what corrset best picks), dense, pair-table "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> kernels;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--min-users", defaultValue = "10",
            description = "Minimum users per set (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--runs", defaultValue = "1",
            description = "Searches per JVM; with more than one, 'best' is the fastest (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--same-jvm",
            description = "Measure everything in this JVM (later shapes start warm; use for profiling one shape).")
    boolean sameJvm;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where generated data sets are kept (default: data/generated).")
    Path dataDir;

    /** A measuring child JVM's side: one data file, one K, one kernel, no header. */
    @Option(names = "--one", hidden = true)
    Path one;

    @Option(names = "--one-k", hidden = true)
    int oneK;

    @Override
    public Integer call() throws Exception {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || users < 2 || runs < 1 || maxSets < 1 || minUsers < 2) {
            throw new IllegalArgumentException("--threads and --runs must be at least 1, --users and --min-users "
                    + "at least 2, --max-sets positive");
        }
        List<LastLevel> chosen = new ArrayList<>();
        for (String kernel : kernels) {
            chosen.add(kernel(kernel));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (one != null) {
            printRow(out, Corrset.load(one, line -> { }), oneK, workers, kernels.get(0), chosen.get(0));
            Output.checkStdout(spec);
            return 0;
        }
        List<int[]> grid = grid();
        out.printf(Locale.ROOT, "%s; vectors: %d-bit preferred (%s); %d thread(s); %,d users; min-users %d; "
                + "exhaustive%n", Machine.describe(), IntVector.SPECIES_PREFERRED.vectorBitSize(), avx(), workers,
                users, minUsers);
        out.printf(Locale.ROOT, ROW_FORMAT, "shape", "sets", "kernel", "set-up ms", "first s", "ns/set",
                "best ns", "best set");
        out.flush();
        for (int[] shape : grid) {
            Path data = ensureData(shape[0], err);
            for (int i = 0; i < chosen.size(); i++) {
                if (sameJvm) {
                    printRow(out, Corrset.load(data, line -> { }), shape[1], workers, kernels.get(i), chosen.get(i));
                } else {
                    runChild(data, shape[1], workers, kernels.get(i));
                }
            }
        }
        Output.checkStdout(spec);
        return 0;
    }

    /** One measurement in this JVM, printed as one row (what a child JVM does for its parent). */
    private void printRow(PrintWriter out, Scores scores, int k, int workers, String name, LastLevel kernel) {
        SearchBench.Measurement m = SearchBench.measure(new SearchRequest(scores, k, minUsers, 1, workers), kernel,
                runs);
        out.printf(Locale.ROOT, ROW_FORMAT, scores.questionCount() + "x" + k, String.format(Locale.ROOT, "%,d",
                m.sets()), name, String.format(Locale.ROOT, "%.1f", m.setupSeconds() * 1e3),
                String.format(Locale.ROOT, "%.3f", m.firstSeconds()),
                String.format(Locale.ROOT, "%.1f", m.firstNanosPerSet()),
                runs > 1 ? String.format(Locale.ROOT, "%.1f", m.bestNanosPerSet()) : "-", m.answer());
        out.flush();
    }

    /** The same command for one shape and kernel in a fresh JVM with this JVM's options; it prints its row. */
    private void runChild(Path data, int k, int workers, String kernel) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "corrset",
                "bench-search", "--one", data.toString(), "--one-k", Integer.toString(k), "--kernels", kernel,
                "--threads", Integer.toString(workers), "--min-users", Integer.toString(minUsers), "--runs",
                Integer.toString(runs)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        String row = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = child.waitFor();
        if (code != 0) {
            throw new IllegalStateException("the measuring JVM for " + data.getFileName() + " K=" + k + " with "
                    + kernel + " failed with exit code " + code);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(row);
        out.flush();
    }

    private List<int[]> grid() {
        List<int[]> grid = new ArrayList<>();
        if (shapes == null) {
            for (int q : GRID_QUESTIONS) {
                for (int k : GRID_K) {
                    if (Combinations.countExact(q, k) <= maxSets) {
                        grid.add(new int[] {q, k});
                    }
                }
            }
            return grid;
        }
        for (String shape : shapes) {
            String[] parts = shape.toLowerCase(Locale.ROOT).split("x");
            try {
                int q = Integer.parseInt(parts[0].trim());
                int k = Integer.parseInt(parts[1].trim());
                if (parts.length != 2 || q < 1 || k < 1 || k > q) {
                    throw new NumberFormatException();
                }
                grid.add(new int[] {q, k});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("--shapes takes QxK with 1 <= K <= Q, e.g. 80x5, got '" + shape
                        + "'");
            }
        }
        return grid;
    }

    private static LastLevel kernel(String name) {
        return switch (name) {
            case "engine" -> LastLevel.AUTO;
            case "dense" -> LastLevel.DENSE;
            case "pair-table" -> LastLevel.PAIR_TABLE;
            default -> throw new IllegalArgumentException("--kernels takes engine, dense or pair-table, got '" + name
                    + "'");
        };
    }

    private static String avx() {
        int bits = IntVector.SPECIES_PREFERRED.vectorBitSize();
        return bits >= 512 ? "AVX-512" : bits >= 256 ? "AVX2" : bits + "-bit";
    }

    /** The spec's data set of this shape, generated once and kept. */
    private Path ensureData(int questions, PrintWriter log) throws IOException {
        Path dir = dataDir != null ? dataDir : ProjectPaths.data().resolve("generated");
        Path file = dir.resolve("scores-" + users + "x" + questions + "x" + PER_MILLE + "-seed" + SEED + ".json");
        if (!Files.isRegularFile(file)) {
            log.printf(Locale.ROOT, "generating %s...%n", file);
            log.flush();
            Files.createDirectories(dir);
            ScoresGenerator.write(new ScoresGenerator.Shape(users, questions, PER_MILLE, SEED), file);
        }
        return file;
    }
}
