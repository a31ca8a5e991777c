package fasterjava.spark;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.Searches;
import fasterjava.corrset.search.UnitSearch;
import org.apache.spark.broadcast.Broadcast;

/**
 * One prepared search per executor JVM: the first task of a search turns the broadcast data around for the engine
 * ({@link PrefixTreeSearch#units}), the executor's other tasks reuse it. One slot, because an executor serves one
 * search at a time; a task of another search (another broadcast or other options) replaces it.
 */
final class ExecutorSearches {
    private record Key(long broadcastId, int k, int minUsers, int top, int threads, boolean exhaustive) {
    }

    private static Key preparedFor;
    private static UnitSearch prepared;

    private ExecutorSearches() {
    }

    static synchronized UnitSearch prepared(Broadcast<Scores> data, int k, int minUsers, int top, int threads,
            boolean exhaustive) {
        Key key = new Key(data.id(), k, minUsers, top, threads, exhaustive);
        if (!key.equals(preparedFor)) {
            PrefixTreeSearch engine = exhaustive ? Searches.fastest().exhaustive() : Searches.fastest();
            prepared = engine.units(new SearchRequest(data.value(), k, minUsers, top, threads));
            preparedFor = key;
        }
        return prepared;
    }

    /** Lets go of the prepared search (in local mode the driver's JVM is the executor, and outlives the search). */
    static synchronized void release() {
        preparedFor = null;
        prepared = null;
    }
}
