package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.wire.SetUpResponse;
import net.twampagent.dataplane.wire.StartSessions;
import net.twampagent.dataplane.wire.StopSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transitions of one control connection: GREETED -> READY -> STARTED -> READY ..., and the odd orders. */
class ControlStateMachineTest extends ServerTestSupport {
    @BeforeEach
    void startServer() throws Exception {
        start(config().build());
    }

    private ConnectionSnapshot.State state() {
        return server.snapshot().connections().get(0).state();
    }

    @Test
    void greetedThenReadyThenStartedThenReadyAgain() throws Exception {
        try (RawControl raw = RawControl.connect(v4())) {
            raw.greeting();
            assertEquals(ConnectionSnapshot.State.GREETED, state());
            raw.send(SetUpResponse.unauthenticated(1));
            raw.serverStart();
            assertEquals(ConnectionSnapshot.State.READY, state());
            raw.send(request(40900, 0));
            raw.acceptSession();
            raw.send(StartSessions.unauthenticated());
            raw.startAck();
            assertEquals(ConnectionSnapshot.State.STARTED, state());
            assertEquals(SessionSnapshot.State.RUNNING, server.snapshot().sessions().get(0).state());
            raw.send(new StopSessions(0, 1));
            raw.send(request(40901, 0));
            assertEquals(0, raw.acceptSession().accept(), "READY again after Stop-Sessions");
            assertEquals(ConnectionSnapshot.State.READY, state());
            raw.send(StartSessions.unauthenticated());
            assertEquals(0, raw.startAck().accept(), "a second round starts the new session");
            assertEquals(1, server.snapshot().sessions().stream()
                .filter(s -> s.state() == SessionSnapshot.State.RUNNING).count());
        }
    }

    @Test
    void startWithoutSessionsIsAcknowledgedAndStopZeroBeforeAnyStartChangesNothing() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            raw.send(new StopSessions(0, 0));
            raw.send(request(40910, 0));
            assertEquals(0, raw.acceptSession().accept(), "Stop-Sessions 0 with nothing running: nothing to do");
            assertEquals(SessionSnapshot.State.ACCEPTED, server.snapshot().sessions().get(0).state());
        }
        try (RawControl raw = RawControl.ready(v4())) {
            raw.send(StartSessions.unauthenticated());
            assertEquals(0, raw.startAck().accept());
        }
    }

    @Test
    void stopForSessionsThatNeverStartedClosesTheConnection() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            raw.send(request(40920, 0));
            raw.acceptSession();
            raw.send(new StopSessions(0, 1));
            assertTrue(raw.closedByServer());
        }
        assertEquals(CloseReason.STOP_COUNT_MISMATCH, nextEvent(ServerEvent.ConnectionClosed.class).reason());
    }
}
