package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.MappingFixtures.SERVED;
import static net.twampagent.netconf.mapping.Trees.container;
import static net.twampagent.netconf.mapping.Trees.entry;
import static net.twampagent.netconf.mapping.Trees.has;
import static net.twampagent.netconf.mapping.Trees.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.netns.NamespaceStatus;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.ListeningEndpoint;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.state.SessionStats;
import net.twampagent.netconf.mapping.StateMapper.RefusalCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

class StateMapperTest {
    private static final StateMapper MAPPER = new StateMapper();
    private static final InetAddress SERVER = InetAddress.ofLiteral("192.0.2.1");
    private static final InetAddress CLIENT = InetAddress.ofLiteral("198.51.100.10");
    private static final InetAddress SERVER6 = InetAddress.ofLiteral("2001:db8:0:0:0:0:0:1");
    private static final InetAddress CLIENT6 = InetAddress.ofLiteral("2001:db8:0:0:0:0:0:10");
    private static final InetAddress BLUE = InetAddress.ofLiteral("203.0.113.1");

    @TempDir
    Path work;

    /**
     * Listeners in three routing instances (one whose namespace was deleted, one whose name was taken by another
     * namespace), three connections (IPv4 with sessions, IPv6 still in set-up, an encrypted one in instance
     * {@code blue}), sessions in each state, and failed authentications of every kind.
     */
    private static ServerSnapshot snapshot() {
        final var v4 = new ConnectionSnapshot(7, new InetSocketAddress(CLIENT, 40001), new InetSocketAddress(SERVER,
            862), ConnectionSnapshot.State.STARTED, 1, Snapshots.START.plusSeconds(5), 3);
        final var v6 = new ConnectionSnapshot(8, new InetSocketAddress(CLIENT6, 50000),
            new InetSocketAddress(SERVER6, 862), ConnectionSnapshot.State.GREETED, 0, Snapshots.START.plusMillis(
                6250), 0);
        final var reflecting = new SessionSnapshot(Snapshots.sid(1), 7, new InetSocketAddress(CLIENT, 5000),
            new InetSocketAddress(SERVER, 5001), 46, 27, Duration.ofSeconds(2), SessionSnapshot.State.RUNNING,
            Snapshots.START.plusSeconds(6), new SessionStats(10, 8, Map.of(DropReason.TOO_SHORT, 1L,
                DropReason.STRANGER, 1L), 7, 6, 1499, 2500, 10_000_000));
        final var waiting = new SessionSnapshot(Snapshots.sid(2), 7, new InetSocketAddress(CLIENT, 5002),
            new InetSocketAddress(SERVER, 5003), 0, 0, Duration.ZERO, SessionSnapshot.State.ACCEPTED,
            Snapshots.START.plusSeconds(7), new SessionStats(0, 0, Map.of(), -1, -1, -1, -1, -1));
        final var stopping = new SessionSnapshot(Snapshots.sid(3), 7, new InetSocketAddress(CLIENT, 5004),
            new InetSocketAddress(SERVER, 5005), 63, 4_294_967_295L, Duration.ofSeconds(1),
            SessionSnapshot.State.STOPPING, Snapshots.START.plusSeconds(8),
            new SessionStats(5, 5, Map.of(), 4_294_967_295L, 4, 0, 0, 0));
        final var encrypted = new ConnectionSnapshot(9, new InetSocketAddress(CLIENT, 40002),
            new InetSocketAddress(BLUE, 862), ConnectionSnapshot.State.READY, AuthMode.ENCRYPTED.bit(),
            Snapshots.START.plusSeconds(9), 1, "blue", "alice", Snapshots.START.plusMillis(12_345));
        final var inBlue = new SessionSnapshot(Snapshots.sid(4), 9, new InetSocketAddress(CLIENT, 5006),
            new InetSocketAddress(BLUE, 5007), 0, 0, Duration.ZERO, SessionSnapshot.State.ACCEPTED,
            Snapshots.START.plusSeconds(10), new SessionStats(0, 0, Map.of(), -1, -1, -1, -1, -1), "blue");
        final var refusals = new EnumMap<Refusal, Long>(Refusal.class);
        for (var reason : Refusal.values()) {
            refusals.put(reason, 1L << reason.ordinal());
        }
        final var endpoints = List.of(
            new ListeningEndpoint("default", new InetSocketAddress(SERVER, 862), NamespaceStatus.PRESENT),
            new ListeningEndpoint("default", new InetSocketAddress(InetAddress.ofLiteral("::"), 862),
                NamespaceStatus.PRESENT),
            new ListeningEndpoint("blue", new InetSocketAddress(BLUE, 862), NamespaceStatus.DELETED),
            new ListeningEndpoint("red", new InetSocketAddress(InetAddress.ofLiteral("::"), 863),
                NamespaceStatus.REPLACED));
        return new ServerSnapshot(Snapshots.START, endpoints.stream().map(ListeningEndpoint::address).toList(), "nio",
            List.of(v4, v6, encrypted), List.of(reflecting, waiting, stopping, inBlue), refusals,
            Map.of(CloseReason.SERVER_INACTIVITY_TIMEOUT, 3L, CloseReason.MAX_CONNECTION_DURATION, 4L,
                CloseReason.CLIENT_CLOSED, 100L, CloseReason.CONTROL_HMAC_FAILURE, 6L, CloseReason.REFUSED, 13L),
            Map.of(SessionEndReason.REFLECTOR_INACTIVITY_TIMEOUT, 5L, SessionEndReason.STOPPED, 200L), 41, 42,
            endpoints, Map.of("alice", 3L, "bob", 1L), 9, 6, Map.of(DropReason.STRANGER, 17L,
                DropReason.TOO_SHORT, 1L << 33, DropReason.SEND_FAILED, 2L));
    }

    @Test
    void statusStartTimeAndListeningEndpoints() {
        final var state = MAPPER.map(snapshot());
        assertEquals("up", leaf(state, "status"));
        assertEquals("2026-11-26T08:00:00Z", leaf(state, "start-time"));
        for (var address : List.of("192.0.2.1", "::")) {
            final var endpoint = entry(state, "listening-endpoint", "routing-instance", "default", "address",
                address, "port", Uint16.valueOf(862));
            assertEquals(address, leaf(endpoint, "address"));
            assertEquals("default", leaf(endpoint, "routing-instance"));
            assertEquals(Uint16.valueOf(862), leaf(endpoint, "port"));
            assertEquals("present", leaf(endpoint, "namespace-status"));
        }
        final var blue = entry(state, "listening-endpoint", "routing-instance", "blue", "address", "203.0.113.1",
            "port", Uint16.valueOf(862));
        assertEquals("blue", leaf(blue, "routing-instance"));
        assertEquals("deleted", leaf(blue, "namespace-status"), "a deleted namespace's listener still listens");
        final var red = entry(state, "listening-endpoint", "routing-instance", "red", "address", "::", "port",
            Uint16.valueOf(863));
        assertEquals(Uint16.valueOf(863), leaf(red, "port"));
        assertEquals("replaced", leaf(red, "namespace-status"));
        assertEquals(4, ((MapNode) state.childByArg(TwampNames.id(TwampNames.name("listening-endpoint")))).size());
    }

    @Test
    void everyConnectionWithItsEndpointsModeStateAndSessions() {
        final var state = MAPPER.map(snapshot());
        final var v4 = entry(state, "connection", "id", Uint32.valueOf(7));
        assertEquals(Uint32.valueOf(7), leaf(v4, "id"));
        assertEquals("198.51.100.10", leaf(v4, "client-address"));
        assertEquals(Uint16.valueOf(40001), leaf(v4, "client-port"));
        assertEquals("192.0.2.1", leaf(v4, "server-address"));
        assertEquals(Uint16.valueOf(862), leaf(v4, "server-port"));
        assertEquals("none", leaf(v4, "mode"));
        assertEquals("testing", leaf(v4, "state"));
        assertEquals("2026-11-26T08:00:05Z", leaf(v4, "established-time"));
        assertEquals(Uint32.valueOf(3), leaf(v4, "session-count"));
        assertEquals("default", leaf(v4, "routing-instance"));
        assertFalse(has(v4, "key-id"), "mode none has no key-id");

        final var v6 = entry(state, "connection", "id", Uint32.valueOf(8));
        assertEquals("2001:db8::10", leaf(v6, "client-address"), "IPv6 in RFC 5952 form");
        assertEquals("2001:db8::1", leaf(v6, "server-address"));
        assertEquals("setup", leaf(v6, "state"));
        assertEquals("2026-11-26T08:00:06.250Z", leaf(v6, "established-time"));
        assertFalse(has(v6, "mode"), "no mode before Set-Up-Response");
        assertFalse(has(v6, "key-id"), "no key-id before Set-Up-Response");
        assertEquals("2026-11-26T08:00:06.250Z", leaf(v6, "last-activity"), "quiet since its admission");

        final var encrypted = entry(state, "connection", "id", Uint32.valueOf(9));
        assertEquals("encrypted", leaf(encrypted, "mode"));
        assertEquals("alice", leaf(encrypted, "key-id"));
        assertEquals("blue", leaf(encrypted, "routing-instance"));
        assertEquals("active", leaf(encrypted, "state"));
        assertEquals("2026-11-26T08:00:12.345Z", leaf(encrypted, "last-activity"));
        assertEquals("203.0.113.1", leaf(encrypted, "server-address"));
    }

    @Test
    void everySessionWithItsCountersSequencesAndResidenceTime() {
        final var state = MAPPER.map(snapshot());
        final var reflecting = entry(state, "session", "sid", Snapshots.sid(1));
        assertEquals(Snapshots.sid(1), leaf(reflecting, "sid"));
        assertEquals(Uint32.valueOf(7), leaf(reflecting, "connection-id"));
        assertEquals("default", leaf(reflecting, "routing-instance"));
        assertEquals("198.51.100.10", leaf(reflecting, "sender-address"));
        assertEquals(Uint16.valueOf(5000), leaf(reflecting, "sender-port"));
        assertEquals("192.0.2.1", leaf(reflecting, "reflector-address"));
        assertEquals(Uint16.valueOf(5001), leaf(reflecting, "reflector-port"));
        assertEquals(Uint8.valueOf(46), leaf(reflecting, "dscp"));
        assertEquals(Uint32.valueOf(27), leaf(reflecting, "padding-length"));
        assertEquals("started", leaf(reflecting, "state"));
        assertEquals(Uint64.valueOf(10), leaf(reflecting, "packets-received"));
        assertEquals(Uint64.valueOf(8), leaf(reflecting, "packets-reflected"));
        assertEquals(Uint64.valueOf(2), leaf(reflecting, "packets-dropped"), "every drop reason together");
        assertEquals(Uint32.valueOf(7), leaf(reflecting, "last-sender-sequence"));
        assertEquals(Uint32.valueOf(6), leaf(reflecting, "last-reflector-sequence"));
        assertEquals(Uint32.valueOf(1), leaf(reflecting, "residence-time", "min"), "1499 ns is 1 µs");
        assertEquals(Uint32.valueOf(3), leaf(reflecting, "residence-time", "avg"), "2500 ns rounds to 3 µs");
        assertEquals(Uint32.valueOf(10_000), leaf(reflecting, "residence-time", "max"));

        final var waiting = entry(state, "session", "sid", Snapshots.sid(2));
        assertEquals("accepted", leaf(waiting, "state"));
        assertEquals(Uint64.ZERO, leaf(waiting, "packets-received"));
        assertFalse(has(waiting, "last-sender-sequence"), "absent before the first packet");
        assertFalse(has(waiting, "last-reflector-sequence"), "absent before the first packet");
        assertFalse(has(waiting, "residence-time"), "absent before the first packet");

        final var stopping = entry(state, "session", "sid", Snapshots.sid(3));
        assertEquals("stopping", leaf(stopping, "state"));
        assertEquals(Uint8.valueOf(63), leaf(stopping, "dscp"));
        assertEquals(Uint32.MAX_VALUE, leaf(stopping, "padding-length"));
        assertEquals(Uint32.MAX_VALUE, leaf(stopping, "last-sender-sequence"));
        assertEquals(Uint32.ZERO, leaf(stopping, "residence-time", "min"));

        final var inBlue = entry(state, "session", "sid", Snapshots.sid(4));
        assertEquals("blue", leaf(inBlue, "routing-instance"), "the instance of its connection");
        assertEquals(Uint32.valueOf(9), leaf(inBlue, "connection-id"));
    }

    @Test
    void countersByReason() {
        final var state = MAPPER.map(snapshot());
        assertEquals(Uint64.valueOf(41), leaf(state, "counters", "connections-accepted"));
        assertEquals(Uint64.valueOf(42), leaf(state, "counters", "sessions-accepted"));
        assertEquals(Uint64.valueOf(3), leaf(state, "counters", "timeouts", "server-inactivity"));
        assertEquals(Uint64.valueOf(4), leaf(state, "counters", "timeouts", "max-connection-duration"));
        assertEquals(Uint64.valueOf(5), leaf(state, "counters", "timeouts", "reflector-inactivity"));
        // Each refusal reason counts a distinct power of two, so each leaf's value says exactly which reasons it
        // holds, and the leaves together hold every reason once.
        long all = 0;
        for (var counter : RefusalCounter.values()) {
            final long expected = Arrays.stream(Refusal.values()).filter(r -> RefusalCounter.of(r) == counter)
                .mapToLong(r -> 1L << r.ordinal()).sum();
            final var path = counter.container == null ? new String[] {"counters", counter.leaf.getLocalName()}
                : new String[] {"counters", counter.container.getLocalName(), counter.leaf.getLocalName()};
            assertEquals(Uint64.valueOf(expected), leaf(state, path), String.join("/", path));
            all += expected;
        }
        assertEquals((1L << Refusal.values().length) - 1, all);
        assertEquals(Uint64.valueOf(1L << Refusal.CLIENT_NOT_ALLOWED.ordinal()),
            leaf(state, "counters", "connections-refused", "client-list"));
        assertEquals(Uint64.valueOf(1L << Refusal.NO_PORT.ordinal()),
            leaf(state, "counters", "sessions-refused", "no-port"));
    }

    @Test
    void packetsDroppedServerWideByReasonEveryReasonFromZero() {
        final var state = MAPPER.map(snapshot());
        assertEquals(Uint64.valueOf(17), leaf(state, "counters", "packets-dropped", "unknown-sender"),
            "the server-wide count, not the sum over the live sessions (1)");
        assertEquals(Uint64.valueOf(1L << 33), leaf(state, "counters", "packets-dropped", "too-short"));
        assertEquals(Uint64.valueOf(2), leaf(state, "counters", "packets-dropped", "send-failed"));
        for (var leaf : List.of("not-started", "after-stop", "bad-hmac")) {
            assertEquals(Uint64.ZERO, leaf(state, "counters", "packets-dropped", leaf), leaf);
        }
        assertEquals(DropReason.values().length, container(state, "counters", "packets-dropped").body().size(),
            "one leaf per reason");
    }

    @Test
    void authenticationFailuresByKeyIdUnknownKeyIdAndControlHmac() {
        final var state = MAPPER.map(snapshot());
        assertEquals(Uint64.valueOf(9), leaf(state, "counters", "authentication-failures", "unknown-key-id"));
        assertEquals(Uint64.valueOf(6), leaf(state, "counters", "authentication-failures", "control-hmac"));
        final var byKeyId = container(state, "counters", "authentication-failures");
        assertEquals(Uint64.valueOf(3), leaf(entry(byKeyId, "key-id", "id", "alice"), "failures"));
        assertEquals("alice", leaf(entry(byKeyId, "key-id", "id", "alice"), "id"));
        assertEquals(Uint64.ONE, leaf(entry(byKeyId, "key-id", "id", "bob"), "failures"));
        assertEquals(2, ((MapNode) byKeyId.childByArg(TwampNames.id(TwampNames.name("key-id")))).size());
        assertEquals(Uint64.valueOf(1L << Refusal.MODE_NOT_OFFERED.ordinal()
                | 1L << Refusal.REQUEST_WHILE_STARTED.ordinal() | 1L << Refusal.START_WHILE_STARTED.ordinal()
                | 1L << Refusal.UNSUPPORTED_COMMAND.ordinal() | 1L << Refusal.STOP_COUNT_MISMATCH.ordinal()),
            leaf(state, "counters", "protocol-errors"), "an HMAC failure is not also a protocol error");
    }

    @Test
    void aSnapshotWithConnectionsAndSessionsIsValidStateForYanglint() {
        YanglintJudge.assertValid(work, "data", XmlWriting.state(SERVED, MAPPER.map(snapshot())));
    }

    @Test
    void theStateRoundTripsThroughYangtoolsXmlCodecUnchanged() {
        // yangtools' parser builds leaves with the Java types of their YANG types; equality after the round trip
        // proves the mapper built the same (a wrong type would print fine and still differ here).
        final var state = MAPPER.map(snapshot());
        final var twamp = MappingFixtures.parse(SERVED, Absolute.of(TwampNames.TWAMP),
            XmlWriting.state(SERVED, state));
        assertEquals(state, twamp.childByArg(TwampNames.id(TwampNames.SERVER_STATE)));
    }

    @Test
    void theJudgeRefusesStateTheModelRefuses() {
        final var xml = XmlWriting.state(SERVED, MAPPER.map(snapshot()));
        assertTrue(xml.contains("<dscp>46</dscp>"), xml);
        assertThrows(AssertionFailedError.class,
            () -> YanglintJudge.assertValid(work, "data", xml.replace("<dscp>46</dscp>", "<dscp>64</dscp>")));
    }

    @Test
    void aServerListeningNowhereIsDownAndStillValid() {
        final var quiet = new ServerSnapshot(Snapshots.START, List.of(), "nio", List.of(), List.of(), Map.of(),
            Map.of(), Map.of(), 0, 0);
        final ContainerNode state = MAPPER.map(quiet);
        assertEquals("down", leaf(state, "status"));
        assertFalse(has(state, "connection"), "no empty list");
        assertEquals(Uint64.ZERO, leaf(state, "counters", "connections-refused", "client-list"),
            "counters are there from the start, at zero");
        assertEquals(Uint64.ZERO, leaf(state, "counters", "authentication-failures", "unknown-key-id"));
        assertEquals(Uint64.ZERO, leaf(state, "counters", "authentication-failures", "control-hmac"));
        assertEquals(Uint64.ZERO, leaf(state, "counters", "packets-dropped", "send-failed"));
        assertFalse(has(container(state, "counters", "authentication-failures"), "key-id"), "no empty key-id list");
        assertFalse(has(state, "listening-endpoint"), "no endpoint, no empty list");
        YanglintJudge.assertValid(work, "data", XmlWriting.state(SERVED, state));
    }

    @Test
    void aDisabledServerHasOnlyItsStatus() {
        final var state = MAPPER.disabled();
        assertEquals("disabled", leaf(state, "status"));
        assertEquals(1, state.body().size());
        YanglintJudge.assertValid(work, "data", XmlWriting.state(SERVED, state));
    }

    @Test
    void aBusyServerIsValidStateForYanglint() {
        final var state = MAPPER.map(Snapshots.busy(50, 120));
        assertEquals(50, ((MapNode) state.childByArg(TwampNames.id(TwampNames.name("connection")))).size());
        final var xml = XmlWriting.state(SERVED, state);
        assertTrue(xml.contains("<session-count>3</session-count>"), "120 sessions over 50 connections");
        YanglintJudge.assertValid(work, "data", xml);
    }
}
