package fasterjava.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.ladder.Journey;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every journey: its ladder lists every step class of its step package, in order, under the name its class
 * carries ({@code NN-slug} ↔ {@code StepNNSlug}).
 */
class StepRegistriesTest {

    static Stream<Journey<?, ?>> journeys() {
        return Journeys.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void everyStepClassIsRegistered(Journey<?, ?> journey) throws IOException, URISyntaxException {
        Set<String> found = stepClassesOnDisk(journey);
        // Every ladder has at least its baseline and one step, so fewer means the lookup itself broke.
        assertTrue(found.size() >= 2, "expected Step classes in " + journey.stepPackage() + ", found " + found);
        Set<String> registered = journey.ladder().rungs().stream()
                .map(rung -> rung.create().getClass().getName()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(registered);
        assertTrue(missing.isEmpty(), "Step classes not listed in the " + journey.ladder().name() + " ladder: "
                + missing);
        assertEquals(found.size(), registered.size(), "a registered step outside " + journey.stepPackage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void numbersIncreaseAndIdsAreUnique(Journey<?, ?> journey) {
        List<? extends Rung<?, ?>> all = journey.ladder().rungs();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Rung<?, ?> rung = all.get(i);
            assertTrue(ids.add(rung.id()), "duplicate id " + rung.id());
            if (i > 0) {
                String previous = all.get(i - 1).number();
                assertTrue(rung.number().compareTo(previous) > 0, rung.id() + " does not come after step "
                        + previous);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void classNameIsNumberPlusSlug(Journey<?, ?> journey) {
        for (Rung<?, ?> rung : journey.ladder().rungs()) {
            String camel = Stream.of(rung.slug().split("-"))
                    .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                    .collect(Collectors.joining());
            assertEquals("Step" + rung.number() + camel, rung.create().getClass().getSimpleName(),
                    "class for " + rung.id());
        }
    }

    /** Top-level classes named {@code StepNN...} in the step package's directory of the main (not test) classes. */
    private static Set<String> stepClassesOnDisk(Journey<?, ?> journey) throws IOException, URISyntaxException {
        String stepPackage = journey.stepPackage();
        URL classes = journey.ladder().getClass().getProtectionDomain().getCodeSource().getLocation();
        Path packageDir = Path.of(classes.toURI()).resolve(stepPackage.replace('.', '/'));
        assertTrue(Files.isDirectory(packageDir), "compiled package directory not found: " + packageDir);
        try (Stream<Path> files = Files.list(packageDir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("Step\\d\\d[^$]*\\.class"))
                    .map(name -> stepPackage + "." + name.substring(0, name.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
