package net.twampagent.it.netconf;

import java.util.concurrent.TimeUnit;
import net.twampagent.it.harness.AgentLauncher;
import net.twampagent.it.harness.Ncclient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The NETCONF scenarios of src/test/python, driven by Debian's ncclient against one agent started with
 * {@code bin/twamp-agent}. Each scenario is a program that prints what it checked and fails with a clear
 * message; each starts from the same baseline configuration and leaves it behind, so they share the agent in
 * any order.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class NcclientScenariosTest {
    @RegisterExtension
    static final AgentLauncher AGENTS = AgentLauncher.shared();

    @Test
    void helloAnnouncesWhatClientsLookFor() {
        Ncclient.assertPasses(AGENTS.agent(), "hello.py");
    }

    @Test
    void configureInCandidateValidateCommitAndReadBackWithDefaults() {
        Ncclient.assertPasses(AGENTS.agent(), "configure.py");
    }

    @Test
    void locksBetweenTwoSessions() {
        Ncclient.assertPasses(AGENTS.agent(), "locks.py");
    }

    @Test
    void badValuesAreRejectedWithTagAndPathAndChangeNothing() {
        Ncclient.assertPasses(AGENTS.agent(), "bad_values.py");
    }

    @Test
    void aListBeyondMaxElementsIsRefusedWithTooManyElements() {
        Ncclient.assertPasses(AGENTS.agent(), "max_elements.py");
    }

    @Test
    void confirmedCommitRollsBackWhenNotConfirmed() {
        Ncclient.assertPasses(AGENTS.agent(), "confirmed_commit.py");
    }

    @Test
    void discardChangesReturnsTheCandidateToRunning() {
        Ncclient.assertPasses(AGENTS.agent(), "discard_changes.py");
    }

    @Test
    void everyCommitNotifiesSubscribersWithNetconfConfigChange() {
        Ncclient.assertPasses(AGENTS.agent(), "config_change.py");
    }

    @Test
    void killSessionEndsAnotherSessionAndUndoesWhatItHeld() {
        Ncclient.assertPasses(AGENTS.agent(), "kill_session.py");
    }
}
