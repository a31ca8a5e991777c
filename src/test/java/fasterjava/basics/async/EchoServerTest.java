package fasterjava.basics.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EchoServerTest {
    private static final long ECHO_TIMEOUT_SECONDS = 20;

    private static Socket connect(EchoServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] echo(Socket socket, byte[] message) throws Exception {
        return echo(socket, message, 0);
    }

    /**
     * Sends {@code message} on one thread while another reads the echo, starting after {@code readDelayMillis}:
     * until then the echo fills the socket buffers, and the server has to finish its writes later. A server that
     * stops answering fails the test within the timeout: the socket is then closed, which ends both threads.
     */
    private static byte[] echo(Socket socket, byte[] message, long readDelayMillis) throws Exception {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            return echo(socket, message, readDelayMillis, out, in, threads);
        }
    }

    private static byte[] echo(Socket socket, byte[] message, long readDelayMillis, OutputStream out, InputStream in,
            ExecutorService threads) throws Exception {
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                out.write(message);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
        CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(readDelayMillis);
                return in.readNBytes(message.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, threads);
        try {
            sent.get(ECHO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return answer.get(ECHO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            socket.close();
            throw e;
        }
    }

    @ParameterizedTest
    @EnumSource(EchoServer.Mode.class)
    void answersEveryByteAndStopsCompletely(EchoServer.Mode mode) throws Exception {
        // Far beyond the socket buffers, read late: the server's writes cannot all complete at once.
        byte[] large = new byte[32 << 20];
        new Random(1).nextBytes(large);
        EchoServer server = EchoServer.start(mode);
        int port = server.port();
        try (server) {
            try (Socket first = connect(server); Socket second = connect(server)) {
                assertArrayEquals("hello".getBytes(), echo(first, "hello".getBytes()));
                assertArrayEquals(large, echo(second, large, 300));
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
