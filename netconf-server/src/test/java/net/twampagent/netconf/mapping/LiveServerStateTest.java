package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.MappingFixtures.SERVED;
import static net.twampagent.netconf.mapping.MappingFixtures.root;
import static net.twampagent.netconf.mapping.MappingFixtures.server;
import static net.twampagent.netconf.mapping.Trees.container;
import static net.twampagent.netconf.mapping.Trees.entry;
import static net.twampagent.netconf.mapping.Trees.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.dataplane.client.ClientSecurity;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.client.TwampProtocolException;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.SharedSecret;
import net.twampagent.dataplane.state.ServerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The whole way on real parts: a YANG document mapped to the configuration of a real dataplane server on
 * loopback, our TWAMP client measuring against it, and the server's snapshot and events mapped back to YANG and
 * judged by yanglint.
 */
class LiveServerStateTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int PACKETS = 20;
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path work;

    private final BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
    private TwampServer twamp;

    @AfterEach
    void stop() {
        if (twamp != null) {
            twamp.close();
        }
    }

    @Test
    void aMeasuringClientIsInTheStateAndItsEndInTheNotifications() throws Exception {
        final var config = new ConfigMapper(SERVED).map(root(SERVED, server(
            "<maximum-sessions-per-connection>2</maximum-sessions-per-connection>")));
        // The model has no listen address and no port 0: the test narrows both to loopback and an ephemeral port.
        twamp = TwampServer.start(config.toBuilder().listenAddress(LOOPBACK).port(0).build());
        twamp.subscribe(events::add);
        final var address = new InetSocketAddress(LOOPBACK, twamp.localAddress().getPort());
        final var mapper = new StateMapper();

        final var sids = new ArrayList<String>();
        final InetSocketAddress clientAddress;
        try (var client = TwampClient.connect(address, WAIT)) {
            clientAddress = client.localAddress();
            final var sessions = List.of(client.requestSession(new SessionRequest(0, 0, 27, 46, Duration.ZERO)),
                client.requestSession(SessionRequest.defaults()));
            sessions.forEach(s -> sids.add(HexFormat.of().formatHex(s.sid())));
            final var refused = assertRefused(client);
            client.startSessions();
            try (var stranger = new DatagramSocket(0, LOOPBACK)) {
                stranger.send(new DatagramPacket(new byte[64], 64, sessions.get(1).reflector()));
            }
            for (var session : sessions) {
                assertEquals(PACKETS, SessionSender.run(session, PACKETS, Duration.ofMillis(1), WAIT, null)
                    .received(), "every packet came back");
            }
            final ContainerNode state = awaitReflected(mapper, sids.getFirst());
            assertEquals("up", leaf(state, "status"));
            final var connection = entry(state, "connection", "id", leaf(entry(state, "session", "sid",
                sids.getFirst()), "connection-id"));
            assertEquals(clientAddress.getAddress().getHostAddress(), leaf(connection, "client-address"));
            assertEquals(Uint16.valueOf(clientAddress.getPort()), leaf(connection, "client-port"));
            assertEquals(Uint16.valueOf(address.getPort()), leaf(connection, "server-port"));
            assertEquals("testing", leaf(connection, "state"));
            assertEquals("none", leaf(connection, "mode"));
            assertEquals(Uint32.valueOf(2), leaf(connection, "session-count"));
            assertEquals(Uint64.ONE, leaf(state, "counters", "packets-dropped", "unknown-sender"));
            final var first = entry(state, "session", "sid", sids.getFirst());
            assertEquals(Uint8.valueOf(46), leaf(first, "dscp"));
            assertEquals(Uint32.valueOf(27), leaf(first, "padding-length"));
            assertEquals("started", leaf(first, "state"));
            assertEquals(Uint64.valueOf(PACKETS), leaf(first, "packets-received"));
            assertEquals(Uint32.valueOf(PACKETS - 1), leaf(first, "last-sender-sequence"));
            assertEquals(Uint64.valueOf(2), leaf(state, "counters", "sessions-accepted"));
            assertEquals(Uint64.valueOf(1), leaf(state, "counters", "connections-accepted"));
            assertEquals(Uint64.ONE, leaf(state, "counters", "sessions-refused", "maximum-sessions-per-connection"),
                refused);
            YanglintJudge.assertValid(work, "data", XmlWriting.state(SERVED, state));
        }

        final var closing = awaitEvents(3);
        final var closed = first(closing, ServerEvent.ConnectionClosed.class);
        final var notification = new EventMapper().map(closed).orElseThrow();
        assertEquals("client-closed", leaf(notification, "reason"));
        assertEquals(Uint32.valueOf(2), leaf(notification, "session-count"), "the sessions it had, not what is left");
        assertEquals(Uint16.valueOf(clientAddress.getPort()), leaf(notification, "client-port"));
        YanglintJudge.assertValid(work, "notif", XmlWriting.notification(SERVED, notification));
        final var ended = new EventMapper().map(first(closing, ServerEvent.SessionEnded.class)).orElseThrow();
        assertEquals("connection-closed", leaf(ended, "reason"));
        assertEquals(Uint64.valueOf(PACKETS), leaf(ended, "packets-reflected"));
        YanglintJudge.assertValid(work, "notif", XmlWriting.notification(SERVED, ended));
        final var after = mapper.map(twamp.snapshot());
        assertEquals(Uint64.ONE, leaf(after, "counters", "packets-dropped", "unknown-sender"),
            "the drop of an ended session is still counted");
        YanglintJudge.assertValid(work, "data", XmlWriting.state(SERVED, after));
    }

    @Test
    void authenticatedClientsAndTheirFailuresAreInTheStateAndTheNotifications() throws Exception {
        final var config = new ConfigMapper(SERVED).map(root(SERVED, server(
            "<authentication-mode>encrypted</authentication-mode>"
            + "<authentication-key-chain><name>lab</name><key-id><id>alice</id><secret>" + SECRET
            + "</secret></key-id></authentication-key-chain>")));
        twamp = TwampServer.start(config.toBuilder().listenAddress(LOOPBACK).port(0).build());
        twamp.subscribe(events::add);
        final var address = new InetSocketAddress(LOOPBACK, twamp.localAddress().getPort());
        final var mapper = new StateMapper();

        for (var keyId : List.of("alice", "mallory", "alice")) {
            final var failed = assertThrows(TwampProtocolException.class, () -> TwampClient.connect(address, WAIT,
                ClientSecurity.of(AuthMode.ENCRYPTED, keyId, SharedSecret.ofPassphrase("not the secret"))));
            assertEquals(1, failed.accept(), keyId);
        }
        final var refused = awaitEvents(3);
        for (var event : refused) {
            final var notification = new EventMapper().map(event).orElseThrow();
            assertEquals("authentication-failure", leaf(notification, "reason"));
            assertEquals("default", leaf(notification, "routing-instance"));
            YanglintJudge.assertValid(work, "notif", XmlWriting.notification(SERVED, notification));
        }

        try (var client = TwampClient.connect(address, WAIT, ClientSecurity.of(AuthMode.ENCRYPTED, "alice",
                SharedSecret.ofPassphrase(SECRET)))) {
            final var session = client.requestSession(SessionRequest.defaults());
            final var state = mapper.map(twamp.snapshot());
            final var connection = entry(state, "connection", "id", leaf(entry(state, "session", "sid",
                HexFormat.of().formatHex(session.sid())), "connection-id"));
            assertEquals("encrypted", leaf(connection, "mode"));
            assertEquals("alice", leaf(connection, "key-id"));
            assertEquals("default", leaf(connection, "routing-instance"));
            assertEquals("default", leaf(entry(state, "session", "sid", HexFormat.of().formatHex(session.sid())),
                "routing-instance"));
            final var endpoint = entry(state, "listening-endpoint", "routing-instance", "default", "address",
                "127.0.0.1", "port", Uint16.valueOf(address.getPort()));
            assertEquals("present", leaf(endpoint, "namespace-status"));
            assertEquals(Uint64.valueOf(2), leaf(entry(container(state, "counters", "authentication-failures"),
                "key-id", "id", "alice"), "failures"), "a wrong secret is counted under its KeyID");
            assertEquals(Uint64.ONE, leaf(state, "counters", "authentication-failures", "unknown-key-id"),
                "an unknown KeyID is counted apart, not by name");
            assertEquals(Uint64.ZERO, leaf(state, "counters", "authentication-failures", "control-hmac"));
            YanglintJudge.assertValid(work, "data", XmlWriting.state(SERVED, state));
        }
    }

    /** A third session on a connection limited to two, refused with Accept 5; returns what the client was told. */
    private static String assertRefused(final TwampClient client) {
        try {
            client.requestSession(SessionRequest.defaults());
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
        return fail("a third session was accepted on a connection limited to two");
    }

    /** The state once the reflector has counted every packet of {@code sid}: its counters trail the replies. */
    private ContainerNode awaitReflected(final StateMapper mapper, final String sid) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            final var state = mapper.map(twamp.snapshot());
            if (Uint64.valueOf(PACKETS).equals(leaf(entry(state, "session", "sid", sid), "packets-reflected"))) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                return fail("the state never showed " + PACKETS + " packets reflected: " + state.prettyTree());
            }
            Thread.sleep(10);
        }
    }

    /** The first {@code count} events the server published, in order; fails after {@link #WAIT}. */
    private List<ServerEvent> awaitEvents(final int count) throws InterruptedException {
        final var seen = new ArrayList<ServerEvent>();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            final var event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
            }
        }
        assertEquals(count, seen.size(), "events within " + WAIT + ": " + seen);
        return seen;
    }

    private static <T extends ServerEvent> T first(final List<ServerEvent> events, final Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst()
            .orElseGet(() -> fail("no " + type.getSimpleName() + " among " + events));
    }
}
