package fasterjava.journeys;

import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.ladder.Journey;
import fasterjava.vitals.journey.VitalsJourney;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The project's one list of journeys (ladders with their data): the CLI, the notebooks, the JMH benchmark and the
 * notebook generator find every ladder here.
 */
public final class Journeys {
    /** Name to factory; the factory takes the {@link Journey#spec()} parameters ({@code k=4} → {@code {k: 4}}). */
    private static final Map<String, Function<Map<String, String>, Journey<?, ?>>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("corrset", parameters -> new CorrsetJourney(
                Integer.parseInt(parameters.getOrDefault("k", Integer.toString(CorrsetJourney.DEFAULT_K)))));
        FACTORIES.put("vitals", parameters -> {
            if (!parameters.isEmpty()) {
                throw new IllegalArgumentException("the vitals ladder takes no parameters, got " + parameters);
            }
            return new VitalsJourney();
        });
    }

    private Journeys() {
    }

    /** The names, in the order the README presents them. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** Every journey with its default parameters. */
    public static List<Journey<?, ?>> all() {
        return names().stream().<Journey<?, ?>>map(Journeys::find).toList();
    }

    /** The journey a {@link Journey#spec()} names: {@code corrset}, {@code corrset:k=4}, {@code vitals}. */
    public static Journey<?, ?> find(String spec) {
        String[] nameAndParameters = spec.trim().split(":", 2);
        Function<Map<String, String>, Journey<?, ?>> factory = FACTORIES.get(nameAndParameters[0]);
        if (factory == null) {
            throw new IllegalArgumentException("no ladder '" + nameAndParameters[0] + "': the ladders are "
                    + String.join(", ", names()));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (nameAndParameters.length == 2 && !nameAndParameters[1].isBlank()) {
            for (String pair : nameAndParameters[1].split(",")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue.length != 2) {
                    throw new IllegalArgumentException("ladder parameter '" + pair + "' is not key=value");
                }
                parameters.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        return factory.apply(parameters);
    }
}
