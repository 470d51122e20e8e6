package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.SessionEndReason;
import org.junit.jupiter.api.Test;

/** apply() changes a running server; check() and a failed apply() change nothing. */
class LiveReconfigurationTest extends ServerTestSupport {
    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void aNewPortRebindsAndConnectionsOfTheOldOneLiveOn() throws Exception {
        final ServerConfig first = config().build();
        start(first);
        final InetSocketAddress oldAddress = v4();
        try (RawControl old = RawControl.ready(oldAddress)) {
            final int port = freePort();
            server.apply(first.toBuilder().port(port).build());
            assertEquals(port, server.localAddress().getPort());
            try (RawControl fresh = RawControl.ready(v4())) {
                fresh.send(request(40500, 0));
                assertEquals(0, fresh.acceptSession().accept());
            }
            old.send(request(40501, 0));
            assertEquals(0, old.acceptSession().accept(), "the old connection lives on");
            assertThrows(ConnectException.class, () -> RawControl.connect(oldAddress).close());
        }
    }

    @Test
    void clientsRemovedFromTheClientListAreClosedWithAReason() throws Exception {
        final ServerConfig first = config().build();
        start(first);
        try (RawControl v4 = RawControl.ready(v4()); RawControl v6 = RawControl.ready(address("::1"))) {
            v4.send(request(40600, 0));
            assertEquals(0, v4.acceptSession().accept());
            server.apply(first.toBuilder()
                .clientList(List.of(ClientPrefix.of(InetAddress.getByName("::1"), 128))).build());
            assertTrue(v4.closedByServer());
            assertEquals(SessionEndReason.CONNECTION_CLOSED, nextEvent(ServerEvent.SessionEnded.class).reason());
            assertEquals(CloseReason.CLIENT_LIST_CHANGED, nextEvent(ServerEvent.ConnectionClosed.class).reason());
            assertEquals(1, server.snapshot().connections().size(), "the allowed client stays");
        }
    }

    @Test
    void newLimitsApplyToNewAdmissionsOnly() throws Exception {
        final ServerConfig first = config().maximumConnections(3).build();
        start(first);
        try (RawControl a = RawControl.ready(v4()); RawControl b = RawControl.ready(v4())) {
            server.apply(first.toBuilder().maximumConnections(1).build());
            assertEquals(2, server.snapshot().connections().size());
            try (RawControl c = RawControl.connect(v4())) {
                assertEquals(0, c.greeting().modes());
            }
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_CONNECTIONS));
        }
    }

    @Test
    void checkAndAFailedApplySayWhyAndChangeNothing() throws Exception {
        final ServerConfig first = config().build();
        start(first);
        final int port = server.localAddress().getPort();
        try (ServerSocket taken = new ServerSocket(0)) {
            final ServerConfig clash = first.toBuilder().port(taken.getLocalPort()).build();
            final ConfigurationRejectedException e = assertThrows(ConfigurationRejectedException.class,
                () -> server.check(clash));
            assertEquals("port", e.knob());
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertThrows(ConfigurationRejectedException.class, () -> server.apply(clash));
        }
        final ConfigurationRejectedException auth = assertThrows(ConfigurationRejectedException.class,
            () -> server.check(first.toBuilder().modes(Set.of(AuthMode.NONE, AuthMode.AUTHENTICATED)).build()));
        assertEquals("authentication-mode", auth.knob());
        assertEquals(port, server.localAddress().getPort());
        try (RawControl raw = RawControl.ready(v4())) {
            raw.send(request(40700, 0));
            assertEquals(0, raw.acceptSession().accept(), "still serving as before");
        }
    }

    @Test
    void disablingClosesEveryoneAndClearClosesOneWithItsSessions() throws Exception {
        final ServerConfig first = config().build();
        start(first);
        try (RawControl a = RawControl.ready(v4()); RawControl b = RawControl.ready(v4())) {
            a.send(request(40800, 0));
            assertEquals(0, a.acceptSession().accept());
            final long idA = server.snapshot().sessions().get(0).connectionId();
            assertTrue(server.clearConnection(idA));
            assertEquals(SessionEndReason.CLEARED, nextEvent(ServerEvent.SessionEnded.class).reason());
            assertEquals(CloseReason.CLEARED, nextEvent(ServerEvent.ConnectionClosed.class).reason());
            assertTrue(a.closedByServer());
            assertEquals(false, server.clearConnection(idA));
            server.apply(first.toBuilder().enabled(false).build());
            assertTrue(b.closedByServer());
            assertEquals(CloseReason.SERVER_DISABLED, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        }
        try (RawControl refused = RawControl.connect(v4())) {
            assertEquals(0, refused.greeting().modes());
        }
        server.apply(first);
        try (RawControl back = RawControl.connect(v4())) {
            assertEquals(1, back.greeting().modes(), "enabled again");
        }
    }
}
