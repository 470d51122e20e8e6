package net.twampagent.it.twamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.client.TwampProtocolException;
import net.twampagent.it.harness.AgentLauncher;
import net.twampagent.it.harness.AgentProcess;
import net.twampagent.it.harness.FreePorts;
import net.twampagent.it.harness.Ncclient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is committed over NETCONF is what the TWAMP server does, and what it does is what {@code <get>} shows:
 * configuration with ncclient, measurement with our TWAMP client, state checked against what the client did.
 * Each test commits the configuration it needs first, so they share one agent in any order.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TwampScenariosTest {
    private static final String STATE = "t:twamp/t:server-state/";
    private static final Duration NOTIFICATION_WAIT = Duration.ofSeconds(120);
    /** RFC 4656 Accept value 5: a temporary resource limit, what a session beyond a limit gets. */
    private static final int ACCEPT_TEMPORARY_RESOURCE_LIMIT = 5;

    @RegisterExtension
    static final AgentLauncher AGENTS = AgentLauncher.shared();

    @Test
    void commitChangesThePortAndTheReflectorAnswersThere() throws Exception {
        final var agent = AGENTS.agent();
        final int first = agent.twampPort();
        commit(agent, "<port>" + first + "</port>");
        TwampProbe.assertReflects(first, 20);

        final int second = FreePorts.tcp();
        commit(agent, "<port>" + second + "</port>");
        final var took = TwampProbe.awaitAccepting(second);
        TwampProbe.awaitRefusing(first);
        TwampProbe.assertReflects(second, 20);
        System.out.println("the new port accepted TWAMP " + took.toMillis() + " ms after the commit's reply");

        final var state = TwampState.read(agent);
        assertEquals("up", state.value(STATE + "t:status"), state.toString());
        assertEquals(List.of(Integer.toString(second)), state.values(STATE + "t:listening-endpoint/t:port"),
            "the listening endpoints after the port change: " + state);
        commit(agent, "<port>" + first + "</port>");
    }

    @Test
    void aCommitTheDataplaneCannotApplyFailsAndChangesNothing() throws Exception {
        final var agent = AGENTS.agent();
        final int port = agent.twampPort();
        commit(agent, "<port>" + port + "</port>");
        try (var taken = new ServerSocket(FreePorts.tcp())) {
            Ncclient.assertPasses(agent, "commit_refused.py", "<port>" + taken.getLocalPort() + "</port>",
                "resource-denied", "port");
        }
        Ncclient.assertPasses(agent, "commit_refused.py", "<port>" + port + "</port><routing-instance-list>"
            + "<name>no-such-namespace-" + port + "</name><port>" + port + "</port></routing-instance-list>",
            "resource-denied", "routing-instance-list");
        TwampProbe.assertReflects(port, 10);
        final var state = TwampState.read(agent);
        assertEquals("up", state.value(STATE + "t:status"), state.toString());
        assertEquals(List.of(Integer.toString(port)), state.values(STATE + "t:listening-endpoint/t:port"),
            state.toString());
    }

    @Test
    void getShowsTheConnectionsSessionsAndCountersOfWhatTheClientDid() throws Exception {
        final var agent = AGENTS.agent();
        final int port = agent.twampPort();
        commit(agent, "<port>" + port + "</port>");
        final var before = TwampState.read(agent);
        final long accepted = counter(before, "t:connections-accepted");
        final long sessionsAccepted = counter(before, "t:sessions-accepted");

        try (var client = TwampProbe.connect(port)) {
            final var first = client.requestSession(SessionRequest.defaults());
            final var second = client.requestSession(SessionRequest.defaults());
            client.startSessions();
            final var firstStats = SessionSender.run(first, 20, Duration.ofMillis(2), Duration.ofSeconds(3), null);
            final var secondStats = SessionSender.run(second, 30, Duration.ofMillis(2), Duration.ofSeconds(3),
                null);
            assertEquals(20, firstStats.received(), firstStats.toString());
            assertEquals(30, secondStats.received(), secondStats.toString());

            // The reflector counts a packet reflected after it has sent it, so the last reply can reach the client
            // a moment before the count moves: read until both sessions show every packet, within a bound.
            var state = TwampState.read(agent);
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!(reflected(state, first) == 20 && reflected(state, second) == 30)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
                state = TwampState.read(agent);
            }
            final var connection = STATE + "t:connection[t:client-port='" + client.localAddress().getPort() + "']/";
            final var id = state.value(connection + "t:id");
            assertEquals("127.0.0.1", state.value(connection + "t:client-address"), state.toString());
            assertEquals(Integer.toString(port), state.value(connection + "t:server-port"), state.toString());
            assertEquals("2", state.value(connection + "t:session-count"), state.toString());
            assertEquals("none", state.value(connection + "t:mode"), state.toString());

            for (var session : List.of(first, second)) {
                final var path = STATE + "t:session[t:sender-port='" + session.socket().getLocalPort() + "']/";
                final long sent = session == first ? 20 : 30;
                assertEquals(id, state.value(path + "t:connection-id"), state.toString());
                assertEquals(sent, state.number(path + "t:packets-received"), state.toString());
                assertEquals(sent, state.number(path + "t:packets-reflected"), state.toString());
                assertEquals(0, state.number(path + "t:packets-dropped"), state.toString());
                assertEquals(Integer.toString(session.reflector().getPort()),
                    state.value(path + "t:reflector-port"), state.toString());
                assertEquals(sent - 1, state.number(path + "t:last-sender-sequence"), state.toString());
                final long min = state.number(path + "t:residence-time/t:min");
                final long avg = state.number(path + "t:residence-time/t:avg");
                final long max = state.number(path + "t:residence-time/t:max");
                assertTrue(min <= avg && avg <= max, "residence min <= avg <= max: " + state);
            }
            assertEquals(accepted + 1, counter(state, "t:connections-accepted"), state.toString());
            assertEquals(sessionsAccepted + 2, counter(state, "t:sessions-accepted"), state.toString());
            client.stopSessions();
        }
    }

    private static long reflected(final TwampState state, final AcceptedSession session) {
        final var found = state.values(STATE + "t:session[t:sender-port='" + session.socket().getLocalPort()
            + "']/t:packets-reflected");
        return found.size() == 1 ? Long.parseLong(found.getFirst()) : -1;
    }

    @Test
    void liveLimitsAndClientListRefuseConnectionsAndSessions() throws Exception {
        final var agent = AGENTS.agent();
        final int port = agent.twampPort();
        commit(agent, "<port>" + port + "</port><maximum-connections>2</maximum-connections>"
            + "<maximum-connections-per-client>2</maximum-connections-per-client>");
        final long refusedByLimit = counter(TwampState.read(agent),
            "t:connections-refused/t:maximum-connections");
        try (var one = TwampProbe.connect(port); var two = TwampProbe.connect(port)) {
            final var refused = assertThrows(TwampProtocolException.class, () -> TwampProbe.connect(port).close(),
                "a third connection beyond maximum-connections 2");
            assertTrue(refused.getMessage().contains("Modes 0"), refused.getMessage());
            assertEquals(refusedByLimit + 1, counter(TwampState.read(agent),
                "t:connections-refused/t:maximum-connections"));

            // Only a documentation prefix may connect now: both open connections must be closed.
            final long refusedByList = counter(TwampState.read(agent), "t:connections-refused/t:client-list");
            commit(agent, "<port>" + port + "</port><maximum-connections>2</maximum-connections>"
                + "<maximum-connections-per-client>2</maximum-connections-per-client>"
                + "<client-list><name>elsewhere</name><address><prefix>192.0.2.0/24</prefix></address>"
                + "</client-list>");
            assertTrue(TwampProbe.closedByServer(one), "a connection the new client-list excludes was not closed");
            assertTrue(TwampProbe.closedByServer(two), "a connection the new client-list excludes was not closed");
            TwampProbe.assertRefused(port);
            assertEquals(refusedByList + 1, counter(TwampState.read(agent), "t:connections-refused/t:client-list"));
        }
        commit(agent, "<port>" + port + "</port>"
            + "<maximum-sessions-per-connection>1</maximum-sessions-per-connection>");
        final long refusedSessions = counter(TwampState.read(agent),
            "t:sessions-refused/t:maximum-sessions-per-connection");
        try (var client = TwampProbe.connect(port)) {
            client.requestSession(SessionRequest.defaults());
            final var refused = assertThrows(TwampProtocolException.class,
                () -> client.requestSession(SessionRequest.defaults()),
                "a second session beyond maximum-sessions-per-connection 1");
            assertEquals(ACCEPT_TEMPORARY_RESOURCE_LIMIT, refused.accept(), refused.getMessage());
        }
        assertEquals(refusedSessions + 1, counter(TwampState.read(agent),
            "t:sessions-refused/t:maximum-sessions-per-connection"));
        commit(agent, "<port>" + port + "</port>");
        TwampProbe.assertReflects(port, 5);
    }

    @Test
    void clearConnectionClosesItAndTheClientSeesTheClose() throws Exception {
        final var agent = AGENTS.agent();
        final int port = agent.twampPort();
        commit(agent, "<port>" + port + "</port>");
        try (var client = startedSession(port)) {
            final var id = connectionId(agent, client);
            Ncclient.assertPasses(agent, "clear_connection.py", id, "1");
            assertTrue(TwampProbe.closedByServer(client), "the cleared connection was not closed");
            final var state = TwampState.read(agent);
            assertEquals(List.of(), state.values(STATE + "t:connection[t:id='" + id + "']"), state.toString());
            assertEquals(List.of(), state.values(STATE + "t:session[t:connection-id='" + id + "']"),
                state.toString());
        }
        try (var one = TwampProbe.connect(port); var two = TwampProbe.connect(port)) {
            Ncclient.assertPasses(agent, "clear_connection.py", "all", "2");
            assertTrue(TwampProbe.closedByServer(one), "clear-connection all left a connection open");
            assertTrue(TwampProbe.closedByServer(two), "clear-connection all left a connection open");
        }
    }

    @Test
    void notificationsOfClosedConnectionsAndEndedSessionsReachASubscriber() throws Exception {
        final var agent = AGENTS.agent();
        final int port = agent.twampPort();
        commit(agent, "<port>" + port + "</port>");
        try (var client = startedSession(port)) {
            final var id = connectionId(agent, client);
            final var closed = Ncclient.start(agent, "notifications.py", Long.toString(
                NOTIFICATION_WAIT.toSeconds()), "connection-closed", "connection-id=" + id, "reason=cleared");
            final var ended = Ncclient.start(agent, "notifications.py", Long.toString(
                NOTIFICATION_WAIT.toSeconds()), "session-ended", "connection-id=" + id);
            closed.awaitOutput("subscribed", NOTIFICATION_WAIT);
            ended.awaitOutput("subscribed", NOTIFICATION_WAIT);
            Ncclient.assertPasses(agent, "clear_connection.py", id, "1");
            for (var subscriber : List.of(closed, ended)) {
                final var result = subscriber.finish(NOTIFICATION_WAIT);
                assertTrue(result.succeeded(), result.describe());
            }
        }
    }

    @Test
    void confirmedCommitThatTimesOutRestoresTheOldPort() throws Exception {
        final var agent = AGENTS.agent();
        final int old = agent.twampPort();
        commit(agent, "<port>" + old + "</port>");
        final int trial = FreePorts.tcp();
        final var confirmed = Ncclient.start(agent, "commit.py", "<port>" + trial + "</port>", "3");
        confirmed.awaitOutput("committed", Ncclient.SCRIPT_TIMEOUT);
        TwampProbe.awaitAccepting(trial);
        TwampProbe.awaitAccepting(old);
        TwampProbe.awaitRefusing(trial);
        TwampProbe.assertReflects(old, 10);
        final var result = confirmed.finish(Ncclient.SCRIPT_TIMEOUT);
        assertTrue(result.succeeded(), result.describe());
    }

    @Test
    void removingTheServerContainerStopsTheServer() throws Exception {
        final var agent = AGENTS.agent();
        final int port = agent.twampPort();
        commit(agent, "<port>" + port + "</port>");
        try (var client = startedSession(port)) {
            commit(agent, "--no-server");
            assertTrue(TwampProbe.closedByServer(client), "removing the server left a connection open");
        }
        TwampProbe.awaitRefusing(port);
        final var state = TwampState.read(agent);
        assertEquals("disabled", state.value(STATE + "t:status"), state.toString());
        commit(agent, "<port>" + port + "</port>");
        TwampProbe.awaitAccepting(port);
    }

    private static void commit(final AgentProcess agent, final String server) {
        Ncclient.assertPasses(agent, "commit.py", server);
    }

    private static long counter(final TwampState state, final String path) {
        final var found = state.values(STATE + "t:counters/" + path);
        return found.isEmpty() ? 0 : Long.parseLong(found.getFirst());
    }

    /** A control connection with one started session, as a measuring client leaves it. */
    private static TwampClient startedSession(final int port) throws IOException {
        final var client = TwampProbe.connect(port);
        try {
            client.requestSession(SessionRequest.defaults());
            client.startSessions();
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static String connectionId(final AgentProcess agent, final TwampClient client) {
        return TwampState.read(agent).value(STATE + "t:connection[t:client-port='"
            + client.localAddress().getPort() + "']/t:id");
    }
}
