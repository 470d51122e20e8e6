package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.Replies.error;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static net.twampagent.netconf.server.TestAgent.getConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last 50 changes of running can be read and rolled back to, across restarts. */
class CommitHistoryTest {
    private static final String NS = "urn:net:twampagent:yang:agent";
    private static final String HISTORY = "<get-commit-history xmlns=\"" + NS + "\"/>";

    @TempDir
    Path stateDir;

    private static String rollback(final String id) {
        return "<rollback-to-commit xmlns=\"" + NS + "\"><id>" + id + "</id></rollback-to-commit>";
    }

    @Test
    void historyIsReadableAndRollbackRestoresAnEarlierRunning() throws Exception {
        try (var agent = TestAgent.start(stateDir); var client = TestAgent.tcp(agent)) {
            assertOk(client.rpc(editServer("<port>9000</port>")));
            assertOk(client.rpc("<commit/>"));
            assertOk(client.rpc(editServer("<port>9100</port>")));
            assertOk(client.rpc("<commit/>"));
            final var history = client.rpc(HISTORY);
            assertTrue(history.matches("(?s).*<commit[^>]*>\\s*<id>2</id>.*<commit[^>]*>\\s*<id>1</id>.*"), history);
            assertTrue(history.contains("<change>replace /tws:twamp/tws:server/tws:port</change>"), history);
            assertTrue(history.contains("<change>create /tws:twamp</change>"), history);
            assertTrue(history.contains("<session-id>" + client.sessionId() + "</session-id>"), history);
            assertOk(client.rpc(rollback("1")));
            assertTrue(client.rpc(getConfig("running")).contains("<port>9000</port>"));
            error(client.rpc(rollback("77"))).assertTag("invalid-value");
            error(client.rpc(rollback("x"))).assertTag("invalid-value");
            // An <id> of another namespace is not the parameter: missing, not silently taken.
            final var noId = error(client.rpc("<rollback-to-commit xmlns=\"" + NS + "\"><id xmlns=\"urn:x\">1</id>"
                + "</rollback-to-commit>")).assertTag("missing-element");
            assertEquals("id", noId.info("bad-element"));
        }
        try (var agent = TestAgent.start(stateDir); var client = TestAgent.tcp(agent)) {
            final var history = client.rpc(HISTORY);
            assertTrue(history.contains("<id>3</id>"), history);
            assertOk(client.rpc(rollback("2")));
            assertTrue(client.rpc(getConfig("running")).contains("<port>9100</port>"));
        }
    }

    @Test
    void onlyTheLastFiftyAreKept() throws Exception {
        try (var agent = TestAgent.start(stateDir); var client = TestAgent.tcp(agent)) {
            for (int i = 1; i <= 53; i++) {
                assertOk(client.rpc(editServer("<port>" + (9000 + i) + "</port>")));
                assertOk(client.rpc("<commit/>"));
            }
            final var history = client.rpc(HISTORY);
            final var ids = Pattern.compile("<id>(\\d+)</id>").matcher(history).results().count();
            assertEquals(50, ids, history);
            assertFalse(history.contains("<id>3</id>"), history);
            assertTrue(history.contains("<id>4</id>"), history);
            assertFalse(Files.exists(stateDir.resolve("history").resolve("3.xml")));
            assertTrue(Files.exists(stateDir.resolve("history").resolve("53.xml")));
        }
    }
}
