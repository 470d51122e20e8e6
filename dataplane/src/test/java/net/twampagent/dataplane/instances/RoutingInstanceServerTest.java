package net.twampagent.dataplane.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import net.twampagent.dataplane.ConfigurationRejectedException;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.SessionStatistics;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.nativeio.FfmEngineSettings;
import net.twampagent.dataplane.nativeio.NativeIo;
import net.twampagent.dataplane.nativeio.ReflectorEngines;
import net.twampagent.dataplane.netns.NamespaceIdentity;
import net.twampagent.dataplane.netns.NamespaceStatus;
import net.twampagent.dataplane.netns.NetworkNamespaces;
import net.twampagent.dataplane.netns.ProcessSockets;
import net.twampagent.dataplane.netns.TestNamespace;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.ListeningEndpoint;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server listens in routing instances, and its connections and sessions live where they arrived. */
class RoutingInstanceServerTest extends InstanceTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void aClientInsideTheInstanceMeasuresThereAndTheSessionSocketIsCreatedThere(final String engine)
            throws Exception {
        assumeTrue(!"ffm".equals(engine) || NativeIo.available(), "the FFM engine cannot run here");
        final TestNamespace a = namespace();
        // The same port held in the agent's namespace: the instance's listener can only bind it elsewhere.
        try (ServerSocketChannel rootListener = ServerSocketChannel.open()) {
            rootListener.bind(new InetSocketAddress(LOOPBACK, 0));
            final int port = ((InetSocketAddress) rootListener.getLocalAddress()).getPort();
            start(config(instance(a, port)).build(), ReflectorEngines.create(engine, FfmEngineSettings.defaults()));

            final ServerSnapshot listening = server.snapshot();
            assertEquals(1, listening.endpoints().size(), listening.endpoints().toString());
            final ListeningEndpoint endpoint = listening.endpoints().get(0);
            assertEquals(a.name(), endpoint.instance());
            assertEquals(port, endpoint.address().getPort());
            assertEquals(NamespaceStatus.PRESENT, endpoint.namespace());
            assertEquals(Optional.empty(), server.localAddress(RoutingInstance.DEFAULT), "no default listener");

            try (SocketChannel fromRoot = SocketChannel.open(new InetSocketAddress(LOOPBACK, port));
                    SocketChannel arrived = rootListener.accept()) {
                assertNotNull(arrived, "a client in the agent's namespace reaches the listener there, not the server");
            }

            final NamespaceIdentity inA = in(a).namespace();
            try (TwampClient client = connectIn(a, port)) {
                final int before = ProcessSockets.countIn(inA);
                final AcceptedSession session = requestIn(a, client);
                assertEquals(before + 2, ProcessSockets.countIn(inA),
                    "the client's and the reflector's UDP sockets are both in the instance");
                client.startSessions();
                final SessionStatistics stats = SessionSender.run(session, 20, Duration.ofMillis(2), WAIT, null);
                assertEquals(20, stats.received(), stats.toString());

                await(() -> server.snapshot().sessions().size() == 1
                    && server.snapshot().sessions().get(0).stats().reflected() == 20, "20 reflected");
                final ServerSnapshot measured = server.snapshot();
                assertEquals(1, measured.connections().size(), "the client in the agent's namespace never arrived");
                assertEquals(a.name(), measured.connections().get(0).instance());
                assertEquals(a.name(), measured.sessions().get(0).instance());
                client.stopSessions();
            }
        }
    }

    @Test
    void aClientInAnotherNamespaceReachesTheInstanceOverAVethLinkAndItsSessionIsBoundToTheInstancesAddress()
            throws Exception {
        final TestNamespace a = namespace();
        final TestNamespace client = namespace();
        // 198.18.0.0/15 is for benchmarking (RFC 2544): on no real network, and here only inside the two namespaces.
        a.linkTo(client, "198.18.0.1/30", "198.18.0.2/30");
        start(config(instance(a, PORT)).build());
        final InetSocketAddress there = new InetSocketAddress(InetAddress.ofLiteral("198.18.0.1"), PORT);
        try (TwampClient remote = in(client).call(() -> TwampClient.connect(there, WAIT))) {
            // The receiver address is the server's side of the link, an address only namespace a has.
            final AcceptedSession session = requestIn(client, remote);
            remote.startSessions();
            final SessionStatistics stats = SessionSender.run(session, 20, Duration.ofMillis(2), WAIT, null);
            assertEquals(20, stats.received(), stats.toString());

            final ServerSnapshot measured = server.snapshot();
            final ConnectionSnapshot connection = measured.connections().get(0);
            assertEquals(a.name(), connection.instance());
            assertEquals(InetAddress.ofLiteral("198.18.0.2"), connection.client().getAddress());
            final SessionSnapshot reflecting = measured.sessions().get(0);
            assertEquals(a.name(), reflecting.instance());
            assertEquals(InetAddress.ofLiteral("198.18.0.1"), reflecting.reflector().getAddress());
            remote.stopSessions();
        }
    }

    @Test
    void instancesAreAddedRemovedAndMovedLive() throws Exception {
        final TestNamespace a = namespace();
        final TestNamespace b = namespace();
        start(ServerConfig.builder().port(0).build());
        try (TwampClient inDefault = TwampClient.connect(server.localAddress(), WAIT)) {
            server.apply(config(instance(a, PORT)).build());
            final ServerEvent.ConnectionClosed defaultGone = nextClose(CloseReason.ROUTING_INSTANCE_REMOVED);
            assertEquals(RoutingInstance.DEFAULT, defaultGone.connection().instance());
            assertTrue(inDefault.awaitServerClose(), "the default instance's connection is closed");
        }
        assertEquals(List.of(a.name()), instances(server.snapshot()));

        try (TwampClient inA = connectIn(a, PORT)) {
            requestIn(a, inA);
            server.apply(config(instance(a, PORT + 1), instance(b, PORT)).build());
            assertEquals(List.of(a.name(), b.name()), instances(server.snapshot()));
            assertEquals(PORT + 1, server.localAddress(a.name()).orElseThrow().getPort());
            connectIn(a, PORT + 1).close();
            assertThrows(ConnectException.class, () -> connectIn(a, PORT), "the old port is closed");
            connectIn(b, PORT).close();
            await(() -> server.snapshot().connections().size() == 1, "the two probing connections gone");
            final ConnectionSnapshot stillThere = onlyConnectionIn(a);
            assertEquals(1, stillThere.sessionCount(), "a moved listener leaves its connections alone");

            server.apply(config(instance(b, PORT)).build());
            // A connection's sessions end before the connection itself is reported closed.
            final ServerEvent.SessionEnded ended = nextEvent(ServerEvent.SessionEnded.class);
            assertEquals(SessionEndReason.CONNECTION_CLOSED, ended.reason());
            assertEquals(a.name(), ended.session().instance());
            final ServerEvent.ConnectionClosed removed = nextClose(CloseReason.ROUTING_INSTANCE_REMOVED);
            assertEquals(stillThere.id(), removed.connection().id());
            assertTrue(inA.awaitServerClose(), "the removed instance's connection is closed");
        }
        assertThrows(ConnectException.class, () -> connectIn(a, PORT + 1), "the removed instance's listener");
        assertEquals(List.of(b.name()), instances(server.snapshot()));
        try (TwampClient inB = connectIn(b, PORT)) {
            assertEquals(b.name(), onlyConnectionIn(b).instance());
        }
    }

    @Test
    void aMissingNamespaceIsRefusedWithItsNameAndNothingChanges() throws Exception {
        final TestNamespace a = namespace();
        final TestNamespace b = namespace();
        final String missing = "twt-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-x";
        assertFalse(Files.exists(NetworkNamespaces.NAMESPACE_DIRECTORY.resolve(missing)));
        start(config(instance(a, PORT)).build());
        try (TwampClient inA = connectIn(a, PORT)) {
            final ServerSnapshot before = server.snapshot();
            final ServerConfig wrong = config(instance(a, PORT), instance(b, PORT),
                new RoutingInstance(missing, PORT)).build();
            final String expected = "routing instance " + missing + ": network namespace /run/netns/" + missing
                + " does not exist";
            for (ThrowingCall call : List.<ThrowingCall>of(() -> server.check(wrong), () -> server.apply(wrong))) {
                final ConfigurationRejectedException refused =
                    assertThrows(ConfigurationRejectedException.class, call::run);
                assertEquals("routing-instance-list", refused.knob());
                assertEquals(Optional.of(missing), refused.instance());
                assertEquals(expected, refused.getMessage());
            }
            assertEquals(before.endpoints(), server.snapshot().endpoints());
            assertThrows(ConnectException.class, () -> connectIn(b, PORT), "b, valid, was not opened either");
            assertEquals(1, server.snapshot().connections().size(), "the connection in a lives on");
            connectIn(a, PORT).close();
        }
    }

    @Test
    void aPortTakenInsideTheInstanceIsRefusedByCheckWithTheInstanceNamed() throws Exception {
        final TestNamespace a = namespace();
        start(ServerConfig.builder().port(0).build());
        try (ServerSocketChannel taken = in(a).openServer(new InetSocketAddress(LOOPBACK, PORT), 1)) {
            final ServerConfig wanted = config(instance(a, PORT)).build();
            final ConfigurationRejectedException refused =
                assertThrows(ConfigurationRejectedException.class, () -> server.check(wanted));
            assertEquals(Optional.of(a.name()), refused.instance());
            assertEquals("routing instance " + a.name() + ": TWAMP-Control cannot listen on * port " + PORT
                + ": Address already in use", refused.getMessage());
            assertThrows(ConfigurationRejectedException.class, () -> server.apply(wanted));
            assertEquals(List.of(RoutingInstance.DEFAULT), instances(server.snapshot()));
        }
        server.check(config(instance(a, PORT)).build());
        server.apply(config(instance(a, PORT)).build());
        connectIn(a, PORT).close();
    }

    @Test
    void aNamespaceDeletedWhileInUseKeepsServingUntilTheInstanceIsRemoved() throws Exception {
        final TestNamespace a = namespace();
        final ServerConfig withA = config(instance(a, PORT)).build();
        start(withA);
        try (TwampClient inA = connectIn(a, PORT)) {
            final AcceptedSession session = requestIn(a, inA);
            a.delete();
            assertEquals(NamespaceStatus.DELETED, server.snapshot().endpoints().get(0).namespace());
            inA.startSessions();
            final SessionStatistics stats = SessionSender.run(session, 10, Duration.ofMillis(2), WAIT, null);
            assertEquals(10, stats.received(), "the session's socket still reflects: " + stats);
            connectIn(a, PORT).close();

            server.check(withA);
            server.apply(withA);
            assertEquals(NamespaceStatus.DELETED, server.snapshot().endpoints().get(0).namespace());
            await(() -> server.snapshot().connections().size() == 1, "only the measuring connection left");

            server.apply(ServerConfig.builder().port(0).build());
            assertEquals(a.name(), nextClose(CloseReason.ROUTING_INSTANCE_REMOVED).connection().instance());
            assertEquals(List.of(RoutingInstance.DEFAULT), instances(server.snapshot()));
            assertEquals(List.<SessionSnapshot>of(), server.snapshot().sessions());
        }
    }

    private ConnectionSnapshot onlyConnectionIn(final TestNamespace namespace) {
        final List<ConnectionSnapshot> there = server.snapshot().connections().stream()
            .filter(c -> c.instance().equals(namespace.name())).toList();
        assertEquals(1, there.size(), there.toString());
        return there.get(0);
    }

    private static List<String> instances(final ServerSnapshot snapshot) {
        return snapshot.endpoints().stream().map(ListeningEndpoint::instance).toList();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
