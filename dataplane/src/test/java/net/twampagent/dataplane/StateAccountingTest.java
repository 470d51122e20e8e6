package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the state tells beyond the life of its parts: a closed connection's sessions, the drops of ended sessions,
 * and a connection's last activity, test packets included.
 */
class StateAccountingTest extends ServerTestSupport {
    /** Slack for comparing an instant derived from the monotonic clock with one read from the wall clock. */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(20);

    @BeforeEach
    void startServer() throws Exception {
        start(config().build());
    }

    @Test
    void connectionClosedTellsTheSessionsTheConnectionHadWhenTheClientHangsUp() throws Exception {
        final TwampClient client = connectWithSessions(2);
        client.startSessions();
        client.close();
        final ServerEvent.ConnectionClosed closed = nextEvent(ServerEvent.ConnectionClosed.class);
        assertEquals(CloseReason.CLIENT_CLOSED, closed.reason());
        assertEquals(2, closed.connection().sessionCount());
        await(() -> server.snapshot().sessions().isEmpty(), "its sessions ended with it");
    }

    @Test
    void connectionClosedTellsTheSessionsTheConnectionHadWhenCleared() throws Exception {
        try (TwampClient client = connectWithSessions(2)) {
            assertTrue(server.clearConnection(server.snapshot().connections().get(0).id()));
            final ServerEvent.ConnectionClosed closed = nextEvent(ServerEvent.ConnectionClosed.class);
            assertEquals(CloseReason.CLEARED, closed.reason());
            assertEquals(2, closed.connection().sessionCount());
            assertTrue(client.awaitServerClose(), "the client sees the close");
        }
    }

    @Test
    void dropsOfEndedSessionsStayCountedAndNeverGoDown() throws Exception {
        try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            long seen = 0;
            for (int round = 1; round <= 3; round++) {
                final TwampClient client = TwampClient.connect(v4(), WAIT);
                final AcceptedSession session = client.requestSession(SessionRequest.defaults());
                client.startSessions();
                stranger.send(new DatagramPacket(new byte[64], 64, session.reflector()));
                session.socket().send(new DatagramPacket(new byte[5], 5, session.reflector()));
                final long expected = 2L * round;
                await(() -> dropped(server.snapshot()) == expected, "both drops of round " + expected / 2);
                seen = assertNotBelow(seen, server.snapshot());
                client.close();
                await(() -> server.snapshot().sessions().isEmpty(), "the sessions of round " + expected / 2 + " ended");
                final ServerSnapshot after = server.snapshot();
                seen = assertNotBelow(seen, after);
                assertEquals(round, after.packetsDropped(DropReason.STRANGER), "strangers of ended sessions");
                assertEquals(round, after.packetsDropped(DropReason.TOO_SHORT), "short packets of ended sessions");
                assertEquals(0, after.packetsDropped(DropReason.SEND_FAILED));
            }
        }
    }

    @Test
    void lastActivityFollowsControlMessagesAndTestPackets() throws Exception {
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            final AcceptedSession session = client.requestSession(SessionRequest.defaults());
            client.startSessions();
            final ConnectionSnapshot afterStart = server.snapshot().connections().get(0);
            assertFalse(afterStart.lastActivity().isBefore(afterStart.established()), afterStart.toString());
            // Time must visibly pass between the last control message and the test packets.
            final Instant quietUntil = afterStart.lastActivity().plus(CLOCK_SLACK.multipliedBy(3));
            await(() -> Instant.now().isAfter(quietUntil), "the clock moves on");
            final Instant beforePackets = Instant.now();
            assertEquals(3, SessionSender.run(session, 3, Duration.ZERO, WAIT, null).received());
            final Instant afterPackets = Instant.now();
            final Instant last = server.snapshot().connections().get(0).lastActivity();
            assertTrue(last.isAfter(beforePackets.minus(CLOCK_SLACK))
                && last.isBefore(afterPackets.plus(CLOCK_SLACK)),
                "last activity " + last + " is the test packets' time, sent from " + beforePackets + " to "
                    + afterPackets);
            client.stopSessions();
            await(() -> server.snapshot().sessions().isEmpty(), "the session ended after its Timeout");
            final Instant afterEnd = server.snapshot().connections().get(0).lastActivity();
            assertFalse(afterEnd.isBefore(last.minus(CLOCK_SLACK)),
                "an ended session's packets still count: " + afterEnd + " vs " + last);
        }
    }

    private TwampClient connectWithSessions(final int sessions) throws Exception {
        final TwampClient client = TwampClient.connect(v4(), WAIT);
        for (int i = 0; i < sessions; i++) {
            client.requestSession(SessionRequest.defaults());
        }
        return client;
    }

    private static long dropped(final ServerSnapshot snapshot) {
        return snapshot.packetsDropped().values().stream().mapToLong(Long::longValue).sum();
    }

    private static long assertNotBelow(final long before, final ServerSnapshot snapshot) {
        final long now = dropped(snapshot);
        assertTrue(now >= before, "server-wide drops went down from " + before + " to " + now);
        return now;
    }
}
