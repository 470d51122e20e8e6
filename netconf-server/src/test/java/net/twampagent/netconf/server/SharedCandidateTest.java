package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.Replies.error;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static net.twampagent.netconf.server.TestAgent.getConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sessions on one agent: one candidate for all, real locks, kill-session and session end. */
class SharedCandidateTest {
    @TempDir
    Path stateDir;

    private NetconfAgent agent;
    private NetconfClient alice;
    private NetconfClient bob;

    @BeforeEach
    void start() throws Exception {
        agent = TestAgent.start(stateDir);
        alice = TestAgent.tcp(agent);
        bob = TestAgent.tcp(agent);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        agent.close();
    }

    @Test
    void everySessionSeesTheSameCandidate() throws Exception {
        assertOk(alice.rpc(editServer("<port>9000</port>")));
        assertTrue(bob.rpc(getConfig("candidate")).contains("<port>9000</port>"));
        assertOk(bob.rpc("<commit/>"));
        assertTrue(alice.rpc(getConfig("running")).contains("<port>9000</port>"));
    }

    @Test
    void aSecondLockIsDeniedWithTheHoldersSessionId() throws Exception {
        assertOk(alice.rpc("<lock><target><candidate/></target></lock>"));
        final var err = error(bob.rpc("<lock><target><candidate/></target></lock>")).assertTag("lock-denied");
        assertEquals(Long.toString(alice.sessionId()), err.info("session-id"));
        assertEquals("protocol", err.type());
    }

    @Test
    void othersCannotEditCommitOrDiscardALockedDatastore() throws Exception {
        assertOk(alice.rpc("<lock><target><candidate/></target></lock>"));
        assertOk(alice.rpc("<lock><target><running/></target></lock>"));
        error(bob.rpc(editServer("<port>9000</port>"))).assertTag("in-use");
        error(bob.rpc("<commit/>")).assertTag("in-use");
        error(bob.rpc("<discard-changes/>")).assertTag("in-use");
        error(bob.rpc("<edit-config><target><running/></target><config/></edit-config>")).assertTag("in-use");
        assertOk(alice.rpc(editServer("<port>9000</port>")));
        assertOk(alice.rpc("<commit/>"));
        error(bob.rpc("<unlock><target><candidate/></target></unlock>")).assertTag("operation-failed");
        assertOk(alice.rpc("<unlock><target><candidate/></target></unlock>"));
        assertOk(bob.rpc(editServer("<port>9100</port>")));
    }

    @Test
    void aDirtyCandidateCannotBeLocked() throws Exception {
        assertOk(alice.rpc(editServer("<port>9000</port>")));
        error(bob.rpc("<lock><target><candidate/></target></lock>")).assertTag("lock-denied");
    }

    @Test
    void locksDieWithTheirSessionAndItsUncommittedEditsToo() throws Exception {
        assertOk(alice.rpc("<lock><target><candidate/></target></lock>"));
        assertOk(alice.rpc(editServer("<port>9000</port>")));
        alice.close();
        CommitTest.waitUntil(() -> agent.sessions().find(alice.sessionId()).isEmpty());
        assertOk(bob.rpc("<lock><target><candidate/></target></lock>"));
        assertTrue(!bob.rpc(getConfig("candidate")).contains("9000"));
    }

    @Test
    void killSessionEndsTheOtherSessionAndFreesItsLock() throws Exception {
        assertOk(alice.rpc("<lock><target><running/></target></lock>"));
        error(bob.rpc("<kill-session><session-id>" + bob.sessionId() + "</session-id></kill-session>"))
            .assertTag("invalid-value");
        error(bob.rpc("<kill-session><session-id>999999</session-id></kill-session>")).assertTag("invalid-value");
        assertOk(bob.rpc("<kill-session><session-id>" + alice.sessionId() + "</session-id></kill-session>"));
        assertTrue(alice.closedByServer());
        assertOk(bob.rpc("<lock><target><running/></target></lock>"));
    }

    @Test
    void closeSessionAnswersOkThenCloses() throws Exception {
        assertOk(alice.rpc("<close-session/>"));
        assertTrue(alice.closedByServer());
    }
}
