package fasterjava.basics.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EchoLoadTest {

    @ParameterizedTest
    @EnumSource(EchoServer.Mode.class)
    void everyClientGetsEveryEcho(EchoServer.Mode mode) throws Exception {
        EchoServer server = EchoServer.start(mode);
        EchoLoad.Result result;
        try (server) {
            result = EchoLoad.run(server, 300, 3, 1, 60);
        }
        assertTrue(server.stopped());
        assertFalse(result.timedOut(), result.errors().toString());
        assertEquals(300, result.connected());
        assertEquals(300, result.completed(), result.errors().toString());
        assertEquals(900, result.roundTrips());
        assertEquals(300, result.firstAnswerNanos().length);
        assertTrue(result.medianFirstAnswer() <= result.worstFirstAnswer());
        assertTrue(result.roundTripsPerSecond() > 0);
    }

    @Test
    void aServerThatIsGoneIsReportedNotHung() throws Exception {
        EchoServer server = EchoServer.start(EchoServer.Mode.VIRTUAL_THREADS);
        server.close();
        EchoLoad.Result result = EchoLoad.run(server, 20, 2, 1, 30);
        assertEquals(0, result.completed());
        assertFalse(result.errors().isEmpty());
    }

    @Test
    void connectionsAreCappedByTheDescriptorLimit() {
        assertEquals(10_000, new FileDescriptors(1_000_000, 100).connectionsThatFit(10_000));
        assertEquals((20_000 - 60 - FileDescriptors.RESERVE) / 2,
                new FileDescriptors(20_000, 60).connectionsThatFit(10_000));
        assertEquals(0, new FileDescriptors(100, 60).connectionsThatFit(10_000));
        assertEquals(10_000, new FileDescriptors(-1, -1).connectionsThatFit(10_000), "unknown limit: no cap");
    }
}
