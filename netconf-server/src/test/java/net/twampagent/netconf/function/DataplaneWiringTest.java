package net.twampagent.netconf.function;

import static net.twampagent.netconf.function.WiredAgent.await;
import static net.twampagent.netconf.function.WiredAgent.connect;
import static net.twampagent.netconf.function.WiredAgent.refusal;
import static net.twampagent.netconf.function.WiredAgent.value;
import static net.twampagent.netconf.function.WiredAgent.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.client.TwampProtocolException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is committed is what the TWAMP server does, and {@code <get>} shows what it did: one agent wired to a real
 * server for the class, each test committing the configuration it needs first.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DataplaneWiringTest {
    private static final Duration INTERVAL = Duration.ofMillis(2);
    private static final Duration STRAGGLERS = Duration.ofSeconds(3);

    @TempDir
    static Path stateDir;

    private static WiredAgent wired;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = WiredAgent.freePort();
        wired = WiredAgent.start(stateDir, port);
    }

    @AfterAll
    static void stop() {
        wired.close();
    }

    @BeforeEach
    void baseline() throws Exception {
        wired.assertCommitted("<port>" + port + "</port>");
    }

    @Test
    void theSavedConfigurationRunsBeforeNetconfAnswersAndACommitMovesThePort() throws Exception {
        assertNull(refusal(port), "the server of the saved configuration answers");
        final int other = WiredAgent.freePort();
        wired.assertCommitted("<port>" + other + "</port>");
        await(other, true);
        await(port, false);
        try (var client = connect(other)) {
            assertEquals(10, measure(client, 10).received());
        }
        final var state = wired.get();
        assertEquals("up", value(state, "s:status"));
        assertEquals(List.of(Integer.toString(other)), values(state, "s:listening-endpoint/s:port"));
    }

    @Test
    void aPortTheDataplaneCannotBindFailsTheCommitAtThePortAndTheOldPortStillAnswers() throws Exception {
        try (var blocker = new ServerSocket(0)) {
            final var reply = wired.commitServer("<port>" + blocker.getLocalPort() + "</port>");
            assertTrue(reply.contains("<error-tag>resource-denied</error-tag>"), reply);
            assertTrue(reply.matches("(?s).*<error-path[^>]*>\\s*/tws:twamp/tws:server/tws:port\\s*</error-path>.*"),
                reply);
            assertTrue(reply.contains(Integer.toString(blocker.getLocalPort())), reply);
        }
        assertNull(refusal(port), "the old port no longer answers after a refused commit");
        final var running = wired.client.rpc("<get-config><source><running/></source></get-config>");
        assertTrue(running.contains("<port>" + port + "</port>"), running);
    }

    @Test
    void aRoutingInstanceWithoutANamespaceFailsTheCommitAtItsEntry() throws Exception {
        final var reply = wired.commitServer("<port>" + port + "</port><routing-instance-list>"
            + "<name>twamp-test-no-such-namespace</name><port>" + WiredAgent.freePort() + "</port>"
            + "</routing-instance-list>");
        assertTrue(reply.contains("<error-tag>resource-denied</error-tag>"), reply);
        assertTrue(reply.contains("/tws:twamp/tws:server/tws:routing-instance-list[tws:name="), reply);
        assertTrue(reply.contains("twamp-test-no-such-namespace"), reply);
        assertNull(refusal(port), "the old configuration no longer answers after a refused commit");
    }

    @Test
    void aModeTheDataplaneCannotOfferFailsTheCommitAtTheMode() throws Exception {
        final var reply = wired.commitServer("<port>" + port + "</port>"
            + "<authentication-mode>authenticated</authentication-mode>");
        assertTrue(reply.contains("<rpc-error>"), reply);
        assertTrue(reply.contains("/tws:twamp/tws:server/tws:authentication-mode"), reply);
        assertNull(refusal(port));
    }

    @Test
    void getShowsTheConnectionsSessionsAndCountersOfWhatTheClientDid() throws Exception {
        final var before = wired.get();
        final long accepted = number(before, "s:counters/s:connections-accepted");
        try (var client = connect(port)) {
            final var first = client.requestSession(SessionRequest.defaults());
            final var second = client.requestSession(SessionRequest.defaults());
            client.startSessions();
            assertEquals(7, SessionSender.run(first, 7, INTERVAL, STRAGGLERS, null).received());
            assertEquals(12, SessionSender.run(second, 12, INTERVAL, STRAGGLERS, null).received());
            // The reflector counts a packet as reflected after its reply left: the last one may not be yet.
            final var lastReflected = "s:session[s:sender-port='" + second.socket().getLocalPort()
                + "']/s:packets-reflected";
            var state = wired.get();
            for (long end = System.nanoTime() + 5_000_000_000L; !"12".equals(value(state, lastReflected))
                    && System.nanoTime() < end; state = wired.get()) {
                Thread.sleep(20);
            }
            final var connection = "s:connection[s:client-port='" + client.localAddress().getPort() + "']/";
            final var id = value(state, connection + "s:id");
            assertEquals("127.0.0.1", value(state, connection + "s:client-address"));
            assertEquals(Integer.toString(port), value(state, connection + "s:server-port"));
            assertEquals("2", value(state, connection + "s:session-count"));
            for (var session : List.of(first, second)) {
                final var path = "s:session[s:sender-port='" + session.socket().getLocalPort() + "']/";
                final var sent = session == first ? "7" : "12";
                assertEquals(id, value(state, path + "s:connection-id"));
                assertEquals(sent, value(state, path + "s:packets-received"));
                assertEquals(sent, value(state, path + "s:packets-reflected"));
            }
            assertEquals(accepted + 1, number(state, "s:counters/s:connections-accepted"));
            client.stopSessions();
        }
    }

    @Test
    void limitsChangeLiveAndABeyondTheLimitConnectionGetsModesZero() throws Exception {
        wired.assertCommitted("<port>" + port + "</port><maximum-connections>1</maximum-connections>"
            + "<maximum-connections-per-client>1</maximum-connections-per-client>");
        final long before = number(wired.get(), "s:counters/s:connections-refused/s:maximum-connections");
        try (var first = connect(port)) {
            final var refused = assertThrows(TwampProtocolException.class, () -> connect(port).close());
            assertTrue(refused.getMessage().contains("Modes 0"), refused.getMessage());
            assertEquals(before + 1, number(wired.get(), "s:counters/s:connections-refused/s:maximum-connections"));
            wired.assertCommitted("<port>" + port + "</port><maximum-connections>2</maximum-connections>"
                + "<maximum-connections-per-client>2</maximum-connections-per-client>");
            try (var second = connect(port)) {
                assertEquals(3, measure(second, 3).received());
            }
        }
    }

    @Test
    void aClientListThatNoLongerAllowsAClientClosesItsConnection() throws Exception {
        try (var client = connect(port)) {
            wired.assertCommitted("<port>" + port + "</port><client-list><name>elsewhere</name><address>"
                + "<prefix>192.0.2.0/24</prefix></address></client-list>");
            assertTrue(closedByServer(client), "a client the new client-list excludes kept its connection");
            assertNotNull(refusal(port));
        }
        wired.assertCommitted("<port>" + port + "</port><client-list><name>here</name><address>"
            + "<prefix>127.0.0.0/8</prefix></address></client-list>");
        assertNull(refusal(port));
    }

    @Test
    void clearConnectionClosesOneOrAllAndRefusesAnIdNotOpen() throws Exception {
        try (var client = connect(port); var other = connect(port)) {
            final var id = value(wired.get(), "s:connection[s:client-port='" + client.localAddress().getPort()
                + "']/s:id");
            final var unknown = wired.client.rpc(clear("<connection-id>4000000000</connection-id>"));
            assertTrue(unknown.contains("<error-tag>invalid-value</error-tag>"), unknown);
            assertTrue(unknown.contains("<error-app-tag>no-such-connection</error-app-tag>"), unknown);
            assertEquals(2, values(wired.get(), "s:connection").size(), "a refused clear closed something");

            final var one = wired.client.rpc(clear("<connection-id>" + id + "</connection-id>"));
            assertTrue(one.contains(">1</cleared>"), one);
            assertTrue(closedByServer(client), "the cleared connection was not closed");
            assertEquals(List.of(), values(wired.get(), "s:connection[s:id='" + id + "']"));

            final var all = wired.client.rpc(clear("<all/>"));
            assertTrue(all.contains(">1</cleared>"), all);
            assertTrue(closedByServer(other), "clear-connection all left a connection open");
        }
        final var none = wired.client.rpc(clear(""));
        assertTrue(none.contains("<error-tag>missing-element</error-tag>"), none);
    }

    @Test
    void removingTheServerStopsItAndPuttingItBackStartsIt() throws Exception {
        try (var client = connect(port)) {
            final var edit = wired.client.rpc("<edit-config><target><candidate/></target><config>"
                + "<twamp xmlns=\"" + WiredAgent.NS + "\"><server xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                + " nc:operation=\"delete\"/></twamp></config></edit-config>");
            assertTrue(edit.contains("<ok/>"), edit);
            final var commit = wired.client.rpc("<commit/>");
            assertTrue(commit.contains("<ok/>"), commit);
            assertTrue(closedByServer(client), "removing the server left a connection open");
        }
        assertTrue(refusal(port) instanceof java.net.ConnectException, "the port of a removed server is closed");
        assertEquals("disabled", value(wired.get(), "s:status"));
        wired.assertCommitted("<port>" + port + "</port>");
        assertNull(refusal(port));
    }

    @Test
    void aConfirmedCommitThatTimesOutRestoresTheOldPort() throws Exception {
        final int trial = WiredAgent.freePort();
        final var edit = wired.client.rpc("<edit-config><target><candidate/></target><config><twamp xmlns=\""
            + WiredAgent.NS + "\"><server><port>" + trial + "</port></server></twamp></config></edit-config>");
        assertTrue(edit.contains("<ok/>"), edit);
        final var commit = wired.client.rpc("<commit><confirmed/><confirm-timeout>2</confirm-timeout></commit>");
        assertTrue(commit.contains("<ok/>"), commit);
        assertNull(refusal(trial), "the trial port answers during the confirmed commit");
        await(trial, false);
        await(port, true);
    }

    @Test
    void aConfirmedCommitWhoseSessionDropsRestoresTheOldPort() throws Exception {
        final int trial = WiredAgent.freePort();
        try (var other = net.twampagent.netconf.server.NetconfClient.tcp(wired.agent.tcpAddress().getPort(), false)) {
            final var edit = other.rpc("<edit-config><target><candidate/></target><config><twamp xmlns=\""
                + WiredAgent.NS + "\"><server><port>" + trial + "</port></server></twamp></config></edit-config>");
            assertTrue(edit.contains("<ok/>"), edit);
            final var commit = other.rpc("<commit><confirmed/><confirm-timeout>600</confirm-timeout></commit>");
            assertTrue(commit.contains("<ok/>"), commit);
            assertNull(refusal(trial), "the trial port answers during the confirmed commit");
        }
        await(trial, false);
        await(port, true);
    }

    @Test
    void dataplaneEventsReachASubscribedSession() throws Exception {
        try (var subscriber = net.twampagent.netconf.server.NetconfClient.tcp(
                wired.agent.tcpAddress().getPort(), false); var client = connect(port)) {
            final var subscribed = subscriber.rpc(
                "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>");
            assertTrue(subscribed.contains("<ok/>"), subscribed);
            final var id = value(wired.get(), "s:connection[s:client-port='" + client.localAddress().getPort()
                + "']/s:id");
            client.requestSession(SessionRequest.defaults());
            client.startSessions();
            assertTrue(wired.client.rpc(clear("<connection-id>" + id + "</connection-id>")).contains("</cleared>"));
            final var seen = new StringBuilder();
            while (!(seen.indexOf("<connection-closed") >= 0 && seen.indexOf("<session-ended") >= 0)) {
                seen.append(subscriber.receive());
            }
            final var text = seen.toString();
            assertTrue(text.matches("(?s).*<connection-closed[^>]*>.*<connection-id>" + id
                + "</connection-id>.*<reason>cleared</reason>.*"), text);
            assertTrue(text.matches("(?s).*<session-ended[^>]*>.*<connection-id>" + id + "</connection-id>.*"),
                text);
        }
    }

    private static String clear(final String target) {
        return "<clear-connection xmlns=\"" + WiredAgent.NS + "\">" + target + "</clear-connection>";
    }

    private static net.twampagent.dataplane.client.SessionStatistics measure(final TwampClient client,
            final int packets) throws IOException, InterruptedException {
        final var session = client.requestSession(SessionRequest.defaults());
        client.startSessions();
        final var statistics = SessionSender.run(session, packets, INTERVAL, STRAGGLERS, null);
        client.stopSessions();
        return statistics;
    }

    private static long number(final org.w3c.dom.Document state, final String path) {
        final var found = values(state, path);
        return found.isEmpty() ? 0 : Long.parseLong(found.getFirst());
    }

    private static boolean closedByServer(final TwampClient client) {
        try {
            return client.awaitServerClose();
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
