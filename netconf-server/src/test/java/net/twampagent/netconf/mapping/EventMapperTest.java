package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.MappingFixtures.SERVED;
import static net.twampagent.netconf.mapping.Trees.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.state.SessionStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

class EventMapperTest {
    private static final EventMapper MAPPER = new EventMapper();

    /** The model's reason for each way a connection ends. */
    private static final Map<CloseReason, String> CLOSE_REASONS = Map.ofEntries(
        Map.entry(CloseReason.CLIENT_CLOSED, "client-closed"),
        Map.entry(CloseReason.CLIENT_ABANDONED, "client-closed"),
        Map.entry(CloseReason.ERROR, "client-closed"),
        Map.entry(CloseReason.REFUSED, "authentication-failure"),
        Map.entry(CloseReason.CONTROL_HMAC_FAILURE, "control-hmac-failure"),
        Map.entry(CloseReason.MODE_NOT_OFFERED, "protocol-error"),
        Map.entry(CloseReason.UNSUPPORTED_COMMAND, "protocol-error"),
        Map.entry(CloseReason.STOP_COUNT_MISMATCH, "protocol-error"),
        Map.entry(CloseReason.SERVER_INACTIVITY_TIMEOUT, "server-inactivity"),
        Map.entry(CloseReason.MAX_CONNECTION_DURATION, "max-connection-duration"),
        Map.entry(CloseReason.CLIENT_LIST_CHANGED, "client-list"),
        Map.entry(CloseReason.SERVER_DISABLED, "server-stopped"),
        Map.entry(CloseReason.SERVER_SHUTDOWN, "server-stopped"),
        Map.entry(CloseReason.ROUTING_INSTANCE_REMOVED, "routing-instance-removed"),
        Map.entry(CloseReason.CLEARED, "cleared"));

    private static final Map<SessionEndReason, String> END_REASONS = Map.of(
        SessionEndReason.STOPPED, "stopped",
        SessionEndReason.REFLECTOR_INACTIVITY_TIMEOUT, "reflector-inactivity",
        SessionEndReason.CONNECTION_CLOSED, "connection-closed",
        SessionEndReason.CLEARED, "cleared");

    @TempDir
    Path work;

    private static ConnectionSnapshot connection() {
        return new ConnectionSnapshot(12, new InetSocketAddress(InetAddress.ofLiteral("2001:db8:0:0:0:0:0:77"),
            49152), new InetSocketAddress(InetAddress.ofLiteral("2001:db8:0:0:0:0:0:1"), 862),
            ConnectionSnapshot.State.STARTED, 1, Snapshots.START, 2, "blue");
    }

    @ParameterizedTest
    @EnumSource(CloseReason.class)
    void aClosedConnectionIsPublishedWithItsReason(final CloseReason reason) {
        final var event = new ServerEvent.ConnectionClosed(Snapshots.START.plus(Duration.ofMillis(3_725_900)),
            connection(), reason);
        final var notification = MAPPER.map(event).orElseThrow();
        assertEquals(EventMapper.CONNECTION_CLOSED, notification.name().getNodeType());
        assertEquals(CLOSE_REASONS.get(reason), leaf(notification, "reason"));
        assertEquals(Uint32.valueOf(12), leaf(notification, "connection-id"));
        assertEquals("2001:db8::77", leaf(notification, "client-address"));
        assertEquals(Uint16.valueOf(49152), leaf(notification, "client-port"));
        assertEquals("blue", leaf(notification, "routing-instance"));
        assertEquals(Uint32.valueOf(2), leaf(notification, "session-count"));
        assertEquals(Uint32.valueOf(3725), leaf(notification, "duration"), "whole seconds, 1 h 2 min 5.9 s");
        final var xml = XmlWriting.notification(SERVED, notification);
        YanglintJudge.assertValid(work, "notif", xml);
        assertEquals(notification, MappingFixtures.parse(SERVED, Absolute.of(EventMapper.CONNECTION_CLOSED), xml),
            "yangtools reads back the same values and types");
    }

    @Test
    void everyCloseReasonHasTheModelReasonItMeans() {
        for (var reason : CloseReason.values()) {
            assertEquals(CLOSE_REASONS.get(reason), EventMapper.closeReason(reason), reason.name());
        }
        assertEquals(CloseReason.values().length, CLOSE_REASONS.size(), "every reason is named here");
    }

    @ParameterizedTest
    @EnumSource(SessionEndReason.class)
    void anEndedSessionIsPublishedWithItsReasonAndFinalCounts(final SessionEndReason reason) {
        final var session = new SessionSnapshot(Snapshots.sid(99), 12,
            new InetSocketAddress(InetAddress.ofLiteral("192.0.2.50"), 7000),
            new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 7001), 0, 0, Duration.ZERO,
            SessionSnapshot.State.STOPPING, Snapshots.START,
            new SessionStats(1_000_000, 999_990, Map.of(DropReason.AFTER_STOP, 6L, DropReason.TOO_SHORT, 4L),
                999_999, 999_989, 800, 900, 5000));
        final var notification = MAPPER.map(new ServerEvent.SessionEnded(Snapshots.START.plusSeconds(60), session,
            reason)).orElseThrow();
        assertEquals(EventMapper.SESSION_ENDED, notification.name().getNodeType());
        assertEquals(END_REASONS.get(reason), leaf(notification, "reason"));
        assertEquals(Snapshots.sid(99), leaf(notification, "sid"));
        assertEquals(Uint32.valueOf(12), leaf(notification, "connection-id"));
        assertEquals(Uint64.valueOf(1_000_000), leaf(notification, "packets-received"));
        assertEquals(Uint64.valueOf(999_990), leaf(notification, "packets-reflected"));
        assertEquals(Uint64.valueOf(10), leaf(notification, "packets-dropped"));
        final var xml = XmlWriting.notification(SERVED, notification);
        assertTrue(xml.startsWith("<session-ended xmlns=\"urn:net:twampagent:yang:twamp-server\""), xml);
        YanglintJudge.assertValid(work, "notif", xml);
        assertEquals(notification, MappingFixtures.parse(SERVED, Absolute.of(EventMapper.SESSION_ENDED), xml),
            "yangtools reads back the same values and types");
    }
}
