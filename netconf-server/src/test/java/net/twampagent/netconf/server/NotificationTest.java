package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.Replies.error;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 5277 subscriptions and the RFC 6470 netconf-config-change sent on every commit, interleaved with rpcs. */
class NotificationTest {
    private static final String SUBSCRIBE =
        "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>";

    @TempDir
    Path stateDir;

    private NetconfAgent agent;
    private NetconfClient listener;
    private NetconfClient editor;

    @BeforeEach
    void start() throws Exception {
        agent = TestAgent.start(stateDir);
        listener = TestAgent.tcp(agent);
        editor = TestAgent.tcp(agent);
    }

    @AfterEach
    void stop() {
        listener.close();
        editor.close();
        agent.close();
    }

    @Test
    void everyCommitSendsAConfigChangeWithEventTimeFirst() throws Exception {
        assertTrue(listener.serverHello().contains("urn:ietf:params:netconf:capability:notification:1.0"));
        assertTrue(listener.serverHello().contains("urn:ietf:params:netconf:capability:interleave:1.0"));
        assertOk(listener.rpc(SUBSCRIBE));
        assertOk(editor.rpc(editServer("<port>9000</port>")));
        assertOk(editor.rpc("<commit/>"));
        final var notification = listener.receive();
        assertTrue(notification.matches("(?s).*<notification[^>]*>\\s*<eventTime>[^<]+</eventTime>\\s*"
            + "<netconf-config-change.*"), notification);
        assertTrue(notification.contains("<session-id>" + editor.sessionId() + "</session-id>"), notification);
        assertTrue(notification.contains("/tws:twamp</target>"), notification);
        assertTrue(notification.contains("<operation>create</operation>"), notification);
        // interleave: the subscribed session still runs operations
        assertOk(listener.rpc("<discard-changes/>"));
        assertOk(editor.rpc(editServer("<port>9100</port>")));
        assertOk(editor.rpc("<commit/>"));
        final var second = listener.receive();
        assertTrue(second.contains("/tws:twamp/tws:server/tws:port</target>"), second);
        assertTrue(second.contains("<operation>replace</operation>"), second);
    }

    @Test
    void aSecondSubscriptionAndReplayAreRefused() throws Exception {
        assertOk(listener.rpc(SUBSCRIBE));
        error(listener.rpc(SUBSCRIBE)).assertTag("operation-failed");
        error(editor.rpc("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\">"
            + "<startTime>2020-01-01T00:00:00Z</startTime></create-subscription>"))
            .assertTag("operation-not-supported");
        error(editor.rpc("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\">"
            + "<stream>SYSLOG</stream></create-subscription>")).assertTag("invalid-value");
    }
}
