package fasterjava.basics.async;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The project's own TCP echo server: every byte a client sends comes back, until the client closes. It listens on
 * {@code 127.0.0.1} only, on a port the system chooses, and {@link #close()} stops it completely: the listening
 * socket, every open connection and every thread it started.
 *
 * <p>Three ways to serve many connections, the {@link Mode}s: a virtual thread per connection, a fixed pool of
 * platform threads (a connection waits for a free thread), or one thread multiplexing every connection with an NIO
 * selector. Hand-written rather than a library server (Netty, Jetty) because the point is to show those three
 * designs side by side in a few lines each.
 */
public final class EchoServer implements AutoCloseable {
    /** The platform threads of {@link Mode#PLATFORM_POOL}: a common default for thread-per-request servers. */
    public static final int PLATFORM_POOL_THREADS = 200;
    /** Pending connections the system may queue before {@code accept}; Linux caps it at {@code somaxconn}. */
    private static final int BACKLOG = 16_384;
    private static final int BUFFER_BYTES = 4096;
    private static final long STOP_WAIT_MILLIS = 10_000;

    /** How connections are served. */
    public enum Mode {
        VIRTUAL_THREADS("virtual threads"),
        PLATFORM_POOL("platform pool of " + PLATFORM_POOL_THREADS),
        NIO_SELECTOR("NIO selector, one thread");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final AtomicLong accepted = new AtomicLong();
    private final Set<AutoCloseable> connections = ConcurrentHashMap.newKeySet();
    private final ServerSocket serverSocket;
    private final ServerSocketChannel serverChannel;
    private final Selector selector;
    private final ExecutorService handlers;
    private final Thread loop;
    private volatile boolean stopping;

    private EchoServer(Mode mode) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (mode == Mode.NIO_SELECTOR) {
            serverSocket = null;
            handlers = null;
            serverChannel = ServerSocketChannel.open();
            try {
                serverChannel.bind(loopback, BACKLOG);
                serverChannel.configureBlocking(false);
                selector = Selector.open();
                serverChannel.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException e) {
                serverChannel.close();
                throw e;
            }
            loop = Thread.ofPlatform().name("echo-selector").daemon().unstarted(this::selectLoop);
        } else {
            serverChannel = null;
            selector = null;
            serverSocket = new ServerSocket();
            try {
                serverSocket.bind(loopback, BACKLOG);
            } catch (IOException e) {
                serverSocket.close();
                throw e;
            }
            handlers = mode == Mode.VIRTUAL_THREADS ? Executors.newVirtualThreadPerTaskExecutor()
                    : Executors.newFixedThreadPool(PLATFORM_POOL_THREADS,
                            Thread.ofPlatform().name("echo-pool-", 0).daemon().factory());
            loop = Thread.ofPlatform().name("echo-accept").daemon().unstarted(this::acceptLoop);
        }
    }

    /** Starts a server in {@code mode} on {@code 127.0.0.1} and an ephemeral port. */
    public static EchoServer start(Mode mode) throws IOException {
        EchoServer server = new EchoServer(mode);
        server.loop.start();
        return server;
    }

    /** The port it listens on, on {@code 127.0.0.1}. */
    public int port() {
        return serverSocket != null ? serverSocket.getLocalPort() : serverChannel.socket().getLocalPort();
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Connections open right now. */
    public int open() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed by close(), or the listening socket failed: either way no more connections
            }
            accepted.incrementAndGet();
            connections.add(socket);
            try {
                handlers.execute(() -> echo(socket));
            } catch (RuntimeException rejected) {
                closeQuietly(socket); // the pool was shut down between accept and execute
                connections.remove(socket);
            }
        }
    }

    private void echo(Socket socket) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // The client reset the connection or close() closed it: the conversation is over.
        } catch (IOException e) {
            // Same: nothing to answer to.
        } finally {
            connections.remove(socket);
        }
    }

    private void selectLoop() {
        try {
            while (!stopping) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptReady();
                    } else {
                        serveReady(key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            // close() closed the selector, or it failed: the loop ends and close() releases the rest.
        }
    }

    private void acceptReady() throws IOException {
        for (SocketChannel channel; (channel = serverChannel.accept()) != null; ) {
            accepted.incrementAndGet();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connections.add(channel);
            // Attached empty (flipped): nothing is waiting to be written back yet.
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(BUFFER_BYTES).flip());
        }
    }

    /** Reads what arrived and writes it back; what the socket cannot take yet waits for the next write turn. */
    private void serveReady(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            if (key.isWritable()) {
                channel.write(buffer);
            }
            if (!buffer.hasRemaining()) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    dropConnection(key);
                    return;
                }
                buffer.flip();
                channel.write(buffer);
            }
            // While an answer is pending, stop reading: the buffer is in use, and the client waits for it anyway.
            key.interestOps(buffer.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            dropConnection(key);
        }
    }

    private void dropConnection(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
        connections.remove(key.channel());
    }

    /**
     * Stops accepting, closes every connection, and waits for the server's threads to end (up to ten seconds;
     * they are daemon threads, so a stuck one cannot keep the JVM alive either).
     */
    @Override
    public void close() {
        stopping = true;
        closeQuietly(serverSocket);
        closeQuietly(serverChannel);
        if (selector != null) {
            selector.wakeup();
        }
        try {
            loop.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(selector);
        for (AutoCloseable connection : connections) {
            closeQuietly(connection);
        }
        connections.clear();
        if (handlers != null) {
            handlers.shutdownNow();
            try {
                handlers.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether every thread the server started has ended. */
    public boolean stopped() {
        return !loop.isAlive() && (handlers == null || handlers.isTerminated());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing while stopping: nothing more can be done about a close that fails.
        }
    }
}
