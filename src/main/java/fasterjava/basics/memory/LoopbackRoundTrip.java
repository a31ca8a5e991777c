package fasterjava.basics.memory;

import fasterjava.basics.async.EchoServer;
import fasterjava.ladder.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * A TCP round trip through the loopback interface: a small message to the project's echo server on
 * {@code 127.0.0.1} and back, one at a time (Nagle's delay off on both ends). The server is started for the
 * measurement and stopped after it, also on failure. This is the floor of any network round trip: the whole
 * TCP/IP stack twice, but no wire.
 */
final class LoopbackRoundTrip {
    static final int MESSAGE_BYTES = 64;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private LoopbackRoundTrip() {
    }

    /**
     * Round-trip times in nanoseconds, sorted, after {@code warmUp} untimed ones; each answer is checked to be the
     * message sent.
     */
    static long[] measure(int warmUp, int roundTrips) throws IOException {
        try (EchoServer server = EchoServer.start(EchoServer.Mode.VIRTUAL_THREADS);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] message = new byte[MESSAGE_BYTES];
            byte[] answer = new byte[MESSAGE_BYTES];
            long[] nanos = new long[roundTrips];
            for (int i = -warmUp; i < roundTrips; i++) {
                Arrays.fill(message, (byte) i);
                long start = System.nanoTime();
                out.write(message);
                out.flush();
                if (in.readNBytes(answer, 0, MESSAGE_BYTES) != MESSAGE_BYTES) {
                    throw new IOException("the echo server closed the connection early");
                }
                long elapsed = System.nanoTime() - start;
                if (!Arrays.equals(message, answer)) {
                    throw new VerificationException("the echo server answered other bytes than were sent");
                }
                if (i >= 0) {
                    nanos[i] = elapsed;
                }
            }
            Arrays.sort(nanos);
            return nanos;
        }
    }
}
