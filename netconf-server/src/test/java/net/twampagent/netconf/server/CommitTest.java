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
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commit, validate, discard-changes and confirmed commit, through the participant pipeline. */
class CommitTest {
    @TempDir
    Path stateDir;

    private final RecordingParticipant participant = new RecordingParticipant();
    private NetconfAgent agent;
    private NetconfClient client;

    @BeforeEach
    void start() throws Exception {
        agent = TestAgent.start(stateDir, List.of(participant), OperationalStateProvider.NONE, 16);
        client = TestAgent.tcp(agent);
    }

    @AfterEach
    void stop() {
        client.close();
        agent.close();
    }

    private String running() throws Exception {
        return client.rpc(getConfig("running"));
    }

    @Test
    void commitAppliesThroughTheParticipantAndSaves() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertFalse(running().contains("9000"));
        assertOk(client.rpc("<commit/>"));
        assertTrue(running().contains("<port>9000</port>"));
        assertEquals(List.of("prepare", "apply"), participant.events);
        assertTrue(Files.readString(stateDir.resolve("running.xml")).contains("<port>9000</port>"));
    }

    @Test
    void aRefusedCommitChangesNothingAndKeepsTheCandidate() throws Exception {
        participant.refusedPort = "9000";
        assertOk(client.rpc(editServer("<port>9000</port>")));
        final var err = error(client.rpc("<commit/>")).assertTag("resource-denied");
        assertEquals("/tws:twamp", err.path());
        assertTrue(err.message().contains("9000"));
        assertFalse(running().contains("9000"));
        assertTrue(client.rpc(getConfig("candidate")).contains("<port>9000</port>"));
        assertEquals(List.of("prepare", "undo"), participant.events);
    }

    @Test
    void aFailedApplyIsUndoneAndNothingIsSaved() throws Exception {
        participant.failApply = true;
        assertOk(client.rpc(editServer("<port>9000</port>")));
        error(client.rpc("<commit/>")).assertTag("operation-failed");
        assertFalse(running().contains("9000"));
        assertFalse(Files.exists(stateDir.resolve("running.xml")));
        assertEquals(List.of("prepare", "apply-failed", "undo"), participant.events);
    }

    @Test
    void discardChangesRestoresRunning() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertOk(client.rpc("<commit/>"));
        assertOk(client.rpc(editServer("<port>9100</port>")));
        assertOk(client.rpc("<discard-changes/>"));
        assertTrue(client.rpc(getConfig("candidate")).contains("<port>9000</port>"));
    }

    @Test
    void validateChecksCandidateAndInlineConfig() throws Exception {
        assertOk(client.rpc("<validate><source><candidate/></source></validate>"));
        assertOk(client.rpc("<validate><source><config><twamp xmlns=\"" + TestAgent.NS
            + "\"><server><port>9000</port></server></twamp></config></source></validate>"));
        error(client.rpc("<validate><source><config><twamp xmlns=\"" + TestAgent.NS
            + "\"><server><port>0</port></server></twamp></config></source></validate>"))
            .assertTag("invalid-value");
        error(client.rpc("<validate><source><url>file:///var/lib/x</url></source></validate>"))
            .assertTag("operation-not-supported");
    }

    @Test
    void anUnconfirmedCommitRollsBackWhenItsTimeoutExpires() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertOk(client.rpc("<commit/>"));
        assertOk(client.rpc(editServer("<port>9100</port>")));
        assertOk(client.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
        assertTrue(running().contains("<port>9100</port>"));
        assertTrue(Files.readString(stateDir.resolve("running.xml")).contains("9000"),
            "an unconfirmed commit is not saved");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (agent.store().confirmPending() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(agent.store().confirmPending());
        assertTrue(running().contains("<port>9000</port>"));
    }

    @Test
    void aConfirmingCommitKeepsAndSavesTheChange() throws Exception {
        assertOk(client.rpc(editServer("<port>9100</port>")));
        assertOk(client.rpc("<commit><confirmed/><confirm-timeout>60</confirm-timeout></commit>"));
        assertFalse(Files.exists(stateDir.resolve("running.xml")));
        assertOk(client.rpc("<commit/>"));
        assertFalse(agent.store().confirmPending());
        assertTrue(Files.readString(stateDir.resolve("running.xml")).contains("9100"));
    }

    @Test
    void cancelCommitRestoresThePreviousRunning() throws Exception {
        assertOk(client.rpc(editServer("<port>9100</port>")));
        assertOk(client.rpc("<commit><confirmed/></commit>"));
        assertOk(client.rpc("<cancel-commit/>"));
        assertFalse(running().contains("9100"));
        error(client.rpc("<cancel-commit/>")).assertTag("operation-failed");
    }

    @Test
    void aSessionDropRollsBackItsUnconfirmedCommitButNotAPersistentOne() throws Exception {
        try (var other = TestAgent.tcp(agent)) {
            assertOk(other.rpc(editServer("<port>9100</port>")));
            assertOk(other.rpc("<commit><confirmed/></commit>"));
        }
        waitUntil(() -> !agent.store().confirmPending());
        assertFalse(running().contains("9100"));

        try (var other = TestAgent.tcp(agent)) {
            assertOk(other.rpc(editServer("<port>9200</port>")));
            assertOk(other.rpc("<commit><confirmed/><persist>token-1</persist></commit>"));
        }
        Thread.sleep(300);
        assertTrue(agent.store().confirmPending());
        error(client.rpc("<commit><persist-id>wrong</persist-id></commit>")).assertTag("invalid-value");
        assertOk(client.rpc("<commit><persist-id>token-1</persist-id></commit>"));
        assertTrue(running().contains("<port>9200</port>"));
        assertFalse(agent.store().confirmPending());
    }

    @Test
    void aMustRuleBreakIsReportedWithTheModelsAppTagAndNothingChanges() throws Exception {
        assertOk(client.rpc(editServer("<maximum-sessions>10</maximum-sessions>")));
        final var err = error(client.rpc("<commit/>")).assertTag("operation-failed");
        assertEquals("per-connection-above-maximum", err.appTag());
        assertEquals("/tws:twamp/tws:server/tws:maximum-sessions-per-connection", err.path());
        final var pathElement = (org.w3c.dom.Element) err.element().getElementsByTagNameNS(NetconfClient.BASE,
            "error-path").item(0);
        assertEquals(TestAgent.NS, pathElement.lookupNamespaceURI("tws"));
        assertEquals(null, pathElement.lookupNamespaceURI("inet"), "only the prefixes the path uses");
        assertFalse(running().contains("maximum-sessions"));
        assertTrue(client.rpc(getConfig("candidate")).contains("<maximum-sessions>10</maximum-sessions>"));
        assertEquals(List.of(), participant.events);
        error(client.rpc("<validate><source><candidate/></source></validate>")).assertTag("operation-failed");
    }

    @Test
    void badConfirmTimeoutIsRefused() throws Exception {
        error(client.rpc("<commit><confirmed/><confirm-timeout>0</confirm-timeout></commit>"))
            .assertTag("invalid-value");
        error(client.rpc("<commit><confirm-timeout>10</confirm-timeout></commit>")).assertTag("invalid-value");
    }

    static void waitUntil(final java.util.function.BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 30 s");
    }
}
