package fasterjava.basics.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EchoServerTest {

    private static Socket connect(EchoServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code message} while reading the echo on another thread (a large message fills both buffers). */
    private static byte[] echo(Socket socket, byte[] message) throws Exception {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(message.length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.write(message);
        out.flush();
        return answer.get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(EchoServer.Mode.class)
    void answersEveryByteAndStopsCompletely(EchoServer.Mode mode) throws Exception {
        byte[] large = new byte[300_000]; // far beyond one read: partial reads and writes must be handled
        new Random(1).nextBytes(large);
        EchoServer server = EchoServer.start(mode);
        int port = server.port();
        try (server) {
            try (Socket first = connect(server); Socket second = connect(server)) {
                assertArrayEquals("hello".getBytes(), echo(first, "hello".getBytes()));
                assertArrayEquals(large, echo(second, large));
                assertArrayEquals("again".getBytes(), echo(first, "again".getBytes()));
            }
            List<Socket> many = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    many.add(connect(server));
                }
                for (int i = 0; i < many.size(); i++) {
                    byte[] message = ("client " + i).getBytes();
                    assertArrayEquals(message, echo(many.get(i), message));
                }
                assertEquals(52, server.accepted());
            } finally {
                for (Socket socket : many) {
                    socket.close();
                }
            }
        }
        assertTrue(server.stopped(), "every thread of the server has ended");
        assertEquals(0, server.open());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @ParameterizedTest
    @EnumSource(EchoServer.Mode.class)
    void closingWithClientsStillConnectedEndsTheirConnections(EchoServer.Mode mode) throws Exception {
        EchoServer server = EchoServer.start(mode);
        try (Socket socket = connect(server)) {
            assertArrayEquals(new byte[] {7}, echo(socket, new byte[] {7}));
            server.close();
            assertTrue(server.stopped());
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
        }
    }

    @ParameterizedTest
    @EnumSource(EchoServer.Mode.class)
    void listensOnLoopbackOnly(EchoServer.Mode mode) throws Exception {
        try (EchoServer server = EchoServer.start(mode); Socket socket = connect(server)) {
            assertTrue(socket.getInetAddress().isLoopbackAddress());
            assertTrue(server.port() > 0);
        }
    }
}
