package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.SessionEndReason;
import org.junit.jupiter.api.Test;

/** Every timer with short durations: SERVWAIT, REFWAIT, max-connection-duration, Stop-Sessions + Timeout. */
class TimersTest extends ServerTestSupport {
    @Test
    void servwaitIsSuspendedWhileSessionsRunAndResumesAfterStop() throws Exception {
        start(config().serverInactivityTimeout(Duration.ofMillis(300)).build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            final AcceptedSession session = client.requestSession(SessionRequest.defaults());
            client.startSessions();
            // About a second of test traffic and no control message: three times SERVWAIT.
            assertEquals(50, SessionSender.run(session, 50, Duration.ofMillis(20), WAIT, null).received());
            assertEquals(1, server.snapshot().connections().size(), "still open while its session ran");
            final long stopped = System.nanoTime();
            client.stopSessions();
            final ServerEvent.ConnectionClosed closed = nextEvent(ServerEvent.ConnectionClosed.class);
            assertEquals(CloseReason.SERVER_INACTIVITY_TIMEOUT, closed.reason());
            assertTrue(System.nanoTime() - stopped >= 300_000_000L, "not before SERVWAIT after the stop");
            assertTrue(client.awaitServerClose());
        }
    }

    @Test
    void refwaitEndsASilentSessionButNotItsConnection() throws Exception {
        start(config().reflectorInactivityTimeout(Duration.ofMillis(300)).build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            final AcceptedSession session = client.requestSession(SessionRequest.defaults());
            client.startSessions();
            assertEquals(5, SessionSender.run(session, 5, Duration.ZERO, WAIT, null).received());
            final ServerEvent.SessionEnded ended = nextEvent(ServerEvent.SessionEnded.class);
            assertEquals(SessionEndReason.REFLECTOR_INACTIVITY_TIMEOUT, ended.reason());
            assertEquals(5, ended.session().stats().reflected());
            assertEquals(1, server.snapshot().connections().size());
            assertEquals(0, server.snapshot().connections().get(0).sessionCount());
            client.stopSessions();  // counts the session REFWAIT ended: the client could not know
            awaitReady();
        }
    }

    @Test
    void maxConnectionDurationClosesTheConnectionAndEndsItsSessions() throws Exception {
        start(config().maxConnectionDuration(Duration.ofMillis(500)).build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            client.requestSession(SessionRequest.defaults());
            client.startSessions();
            assertEquals(SessionEndReason.CONNECTION_CLOSED, nextEvent(ServerEvent.SessionEnded.class).reason());
            assertEquals(CloseReason.MAX_CONNECTION_DURATION,
                nextEvent(ServerEvent.ConnectionClosed.class).reason());
            assertTrue(client.awaitServerClose());
        }
    }

    @Test
    void afterStopTheReflectorGoesOnForTheSessionTimeoutThenEnds() throws Exception {
        start(config().build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            final AcceptedSession session = client.requestSession(
                new SessionRequest(0, 0, 27, 0, Duration.ofMillis(400)));
            client.startSessions();
            client.stopSessions();
            final long stopped = System.nanoTime();
            assertEquals(3, SessionSender.run(session, 3, Duration.ZERO, WAIT, null).received(),
                "packets in transit within the Timeout are reflected");
            final ServerEvent.SessionEnded ended = nextEvent(ServerEvent.SessionEnded.class);
            assertEquals(SessionEndReason.STOPPED, ended.reason());
            assertTrue(System.nanoTime() - stopped >= 400_000_000L, "not before the Timeout");
            assertEquals(1, server.snapshot().connections().size());
        }
    }

    @Test
    void sessionsStoppedByAClientThatHangsUpAtOnceStillRunOutTheirTimeout() throws Exception {
        start(config().build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            client.requestSession(new SessionRequest(0, 0, 27, 0, Duration.ofMillis(1500)));
            client.startSessions();
            client.stopSessions();
        }
        assertEquals(CloseReason.CLIENT_CLOSED, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        assertEquals(1, server.snapshot().sessions().size(), "the stopped session lingers for its Timeout");
        assertEquals(SessionEndReason.STOPPED, nextEvent(ServerEvent.SessionEnded.class).reason());
        assertEquals(0, server.snapshot().sessions().size());
    }

    private void awaitReady() throws InterruptedException {
        await(() -> server.snapshot().connections().size() == 1
            && server.snapshot().connections().get(0).state() == ConnectionSnapshot.State.READY,
            "the connection stays, READY again");
    }

    @Test
    void startSessionsWithoutSessionsDoesNotSuspendServwait() throws Exception {
        start(config().serverInactivityTimeout(Duration.ofMillis(300)).build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            client.startSessions();
            assertEquals(CloseReason.SERVER_INACTIVITY_TIMEOUT,
                nextEvent(ServerEvent.ConnectionClosed.class).reason());
        }
    }
}
