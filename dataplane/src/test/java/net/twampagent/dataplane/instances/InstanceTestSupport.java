package net.twampagent.dataplane.instances;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import net.twampagent.dataplane.Await;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.netns.Closer;
import net.twampagent.dataplane.netns.InstanceSockets;
import net.twampagent.dataplane.netns.NetworkNamespaces;
import net.twampagent.dataplane.netns.TestNamespace;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ServerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Namespaces made for one test and deleted after it whatever happened, a server started in them, and our client
 * run inside a namespace: its sockets are created by the test's own instance threads, as a host in that routing
 * instance would have them. Skipped with the reason where namespaces cannot be made (not root).
 */
@Timeout(180)
abstract class InstanceTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    /** Any port works inside a fresh namespace: it has a port space of its own. */
    static final int PORT = 862;

    protected TwampServer server;
    protected final BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
    private final List<TestNamespace> namespaces = new ArrayList<>();
    private NetworkNamespaces clientSide;

    @BeforeEach
    void requireNamespaces() throws IOException {
        TestNamespace.assumeNamespacesCanBeMade();
        clientSide = NetworkNamespaces.open();
    }

    @AfterEach
    void cleanUp() throws Exception {
        final List<AutoCloseable> all = new ArrayList<>();
        all.add(server);
        all.add(clientSide);
        all.addAll(namespaces);
        Closer.closeAll(all.toArray(AutoCloseable[]::new));
    }

    /** A new namespace with its loopback up, deleted after the test. */
    TestNamespace namespace() throws IOException {
        final TestNamespace namespace = TestNamespace.create();
        namespaces.add(namespace);
        return namespace;
    }

    static RoutingInstance instance(final TestNamespace namespace, final int port) {
        return new RoutingInstance(namespace.name(), port);
    }

    static ServerConfig.Builder config(final RoutingInstance... instances) {
        return ServerConfig.builder().port(0).routingInstances(List.of(instances));
    }

    TwampServer start(final ServerConfig config) throws Exception {
        server = TwampServer.start(config);
        server.subscribe(events::add);
        return server;
    }

    TwampServer start(final ServerConfig config, final ReflectorEngine engine) throws Exception {
        server = TwampServer.start(config, engine);
        server.subscribe(events::add);
        return server;
    }

    /** Where the test's own sockets in {@code namespace} are made. */
    InstanceSockets in(final TestNamespace namespace) throws IOException {
        return clientSide.instance(namespace.name());
    }

    /** Our client, connected from inside {@code namespace} to 127.0.0.1 there. */
    TwampClient connectIn(final TestNamespace namespace, final int port) throws IOException {
        return in(namespace).call(() -> TwampClient.connect(new InetSocketAddress(LOOPBACK, port), WAIT));
    }

    /** A session requested by {@code client}, whose sender socket is made inside {@code namespace}. */
    AcceptedSession requestIn(final TestNamespace namespace, final TwampClient client) throws IOException {
        return in(namespace).call(() -> client.requestSession(new SessionRequest(0, 0, 27, 0, Duration.ofSeconds(1))));
    }

    /** The next event of {@code type}, skipping others; fails after {@link #WAIT}. */
    <T extends ServerEvent> T nextEvent(final Class<T> type) throws InterruptedException {
        return nextEvent(type, event -> true, "no " + type.getSimpleName());
    }

    /** The next connection closed for {@code reason}, skipping other events; fails after {@link #WAIT}. */
    ServerEvent.ConnectionClosed nextClose(final CloseReason reason) throws InterruptedException {
        return nextEvent(ServerEvent.ConnectionClosed.class, closed -> closed.reason() == reason,
            "no connection closed for " + reason);
    }

    private <T extends ServerEvent> T nextEvent(final Class<T> type, final Predicate<T> wanted, final String missing)
            throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            final ServerEvent event = events.poll(left, TimeUnit.NANOSECONDS);
            if (type.isInstance(event) && wanted.test(type.cast(event))) {
                return type.cast(event);
            }
        }
        return fail(missing + " event within " + WAIT);
    }

    /** Polls {@code condition} until it holds; fails after {@link #WAIT}, naming {@code what} it waited for. */
    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        Await.until(condition, WAIT, what);
    }

    /** Two new namespaces, and a server started listening on {@link #PORT} in both with {@code settings}. */
    TestNamespace[] startInTwo(final UnaryOperator<ServerConfig.Builder> settings) throws Exception {
        final TestNamespace a = namespace();
        final TestNamespace b = namespace();
        start(settings.apply(config(instance(a, PORT), instance(b, PORT))).build());
        return new TestNamespace[] {a, b};
    }
}
