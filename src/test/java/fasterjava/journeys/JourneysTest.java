package fasterjava.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.ladder.Journey;
import org.junit.jupiter.api.Test;

/** The registry finds each journey by its spec, and a journey's spec finds it again. */
class JourneysTest {

    @Test
    void everyJourneyIsFoundByItsOwnSpec() {
        for (Journey<?, ?> journey : Journeys.all()) {
            assertEquals(journey.spec(), Journeys.find(journey.spec()).spec());
            assertEquals(journey.ladder().name(), journey.spec().split(":")[0]);
        }
    }

    @Test
    void parametersTravelInTheSpec() {
        CorrsetJourney journey = (CorrsetJourney) Journeys.find("corrset:k=4");
        assertEquals(4, journey.k());
        assertEquals("corrset:k=4", journey.spec());
        assertEquals("corrset", new CorrsetJourney().spec());
    }

    @Test
    void unknownNamesAndMalformedParametersAreRefusedClearly() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Journeys.find("corset"));
        assertTrue(unknown.getMessage().startsWith("no ladder 'corset': the ladders are corrset"),
                unknown.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> Journeys.find("corrset:k"));
        assertEquals("ladder parameter 'k' is not key=value", malformed.getMessage());
    }
}
