package fasterjava.cli;

import fasterjava.journeys.Journeys;
import java.util.Iterator;

/** The registered ladders' names, for picocli's help text and completion. */
final class LadderNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Journeys.names().iterator();
    }
}
