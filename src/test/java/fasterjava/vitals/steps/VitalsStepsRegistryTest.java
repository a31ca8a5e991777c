package fasterjava.vitals.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.ladder.Rung;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry lists every step class, in order, under the name its class carries. */
class VitalsStepsRegistryTest {
    private static final String PACKAGE = VitalsSteps.class.getPackageName();

    @Test
    void everyStepClassIsRegistered() throws IOException, URISyntaxException {
        Set<String> found = stepClassesOnDisk();
        // Steps 01..08 exist, so an empty or short listing means the lookup itself broke.
        assertTrue(found.size() >= 8, "expected at least 8 Step classes in " + PACKAGE + ", found " + found);
        Set<String> registered = VitalsSteps.all().stream().map(rung -> rung.create().getClass().getName())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(registered);
        assertTrue(missing.isEmpty(), "Step classes not listed in VitalsSteps.all(): " + missing);
    }

    @Test
    void numbersIncreaseAndIdsAreUnique() {
        List<Rung<VitalsTable, VitalsFeatures>> all = VitalsSteps.all();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Rung<VitalsTable, VitalsFeatures> rung = all.get(i);
            assertTrue(ids.add(rung.id()), "duplicate id " + rung.id());
            if (i > 0) {
                String previous = all.get(i - 1).number();
                assertTrue(rung.number().compareTo(previous) > 0,
                        rung.id() + " does not come after step " + previous);
            }
        }
    }

    @Test
    void classNameIsNumberPlusSlug() {
        for (Rung<VitalsTable, VitalsFeatures> rung : VitalsSteps.all()) {
            String camel = Stream.of(rung.slug().split("-"))
                    .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                    .collect(Collectors.joining());
            assertEquals("Step" + rung.number() + camel, rung.create().getClass().getSimpleName(),
                    "class for " + rung.id());
        }
    }

    /** Top-level classes named {@code StepNN...} in the package's directory of the main (not test) classes. */
    private static Set<String> stepClassesOnDisk() throws IOException, URISyntaxException {
        URL classes = VitalsSteps.class.getProtectionDomain().getCodeSource().getLocation();
        Path packageDir = Path.of(classes.toURI()).resolve(PACKAGE.replace('.', '/'));
        assertTrue(Files.isDirectory(packageDir), "compiled package directory not found: " + packageDir);
        try (Stream<Path> files = Files.list(packageDir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("Step\\d\\d[^$]*\\.class"))
                    .map(name -> PACKAGE + "." + name.substring(0, name.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
