package net.twampagent.dataplane.netns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small exchanges over real sockets, each bounded in time so a wrong namespace fails a test instead of hanging it. */
final class Wire {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Wire() {
    }

    /** The connection waiting on {@code server}; fails if none arrives in time. */
    static SocketChannel accept(ServerSocketChannel server) throws IOException {
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            if (selector.select(TIMEOUT.toMillis()) == 0) {
                throw new AssertionError("no connection reached " + server.getLocalAddress() + " in " + TIMEOUT);
            }
            SocketChannel accepted = server.accept();
            accepted.configureBlocking(true);
            return accepted;
        } finally {
            server.configureBlocking(true);
        }
    }

    /** A connection already waiting on {@code server}, or null: for proving that none arrived. */
    static SocketChannel acceptIfWaiting(ServerSocketChannel server) throws IOException {
        server.configureBlocking(false);
        try {
            return server.accept();
        } finally {
            server.configureBlocking(true);
        }
    }

    static void write(SocketChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Everything until the peer closes, waiting at most {@link #TIMEOUT} for each read. */
    static String readToEnd(SocketChannel channel) throws IOException {
        channel.socket().setSoTimeout((int) TIMEOUT.toMillis());
        InputStream in = channel.socket().getInputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            text.write(buffer, 0, n);
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    /** Exactly {@code length} bytes, waiting at most {@link #TIMEOUT} for each read. */
    static String read(SocketChannel channel, int length) throws IOException {
        channel.socket().setSoTimeout((int) TIMEOUT.toMillis());
        byte[] bytes = channel.socket().getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    static void send(DatagramChannel channel, String text, SocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), to);
    }

    /** One datagram, waiting at most {@link #TIMEOUT}. */
    static Datagram receive(DatagramChannel channel) throws IOException {
        channel.socket().setSoTimeout((int) TIMEOUT.toMillis());
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        channel.socket().receive(packet);
        return new Datagram(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII),
                (InetSocketAddress) packet.getSocketAddress());
    }

    record Datagram(String text, InetSocketAddress sender) {
    }
}
