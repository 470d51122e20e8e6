package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.wire.NtpTimestamp;
import net.twampagent.dataplane.wire.RequestTwSession;
import org.junit.jupiter.api.AfterEach;

/** Starts servers on ephemeral ports and closes them after each test; small helpers every server test uses. */
abstract class ServerTestSupport {
    static final Duration WAIT = Duration.ofSeconds(10);

    protected TwampServer server;
    protected final BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();

    /** The Junos defaults on an ephemeral port. */
    static ServerConfig.Builder config() {
        return ServerConfig.builder().port(0);
    }

    TwampServer start(final ServerConfig cfg) throws Exception {
        server = TwampServer.start(cfg);
        server.subscribe(events::add);
        return server;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    InetSocketAddress address(final String host) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(host), server.localAddress().getPort());
    }

    InetSocketAddress v4() throws IOException {
        return address("127.0.0.1");
    }

    /** A well-formed request for a session from {@code senderPort} on 127.0.0.1, any reflector port. */
    static RequestTwSession request(final int senderPort, final int receiverPort) throws IOException {
        final InetAddress lo = InetAddress.getByName("127.0.0.1");
        return RequestTwSession.of(4, lo, senderPort, lo, receiverPort, 27, 0,
            NtpTimestamp.ofDuration(Duration.ofSeconds(1)), 0);
    }

    /** The next event of type {@code type}, skipping others; fails after 10 s. */
    <T extends ServerEvent> T nextEvent(final Class<T> type) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            final ServerEvent event = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        return fail("no " + type.getSimpleName() + " event within " + WAIT);
    }

    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        Await.until(condition, WAIT, what);
    }
}
