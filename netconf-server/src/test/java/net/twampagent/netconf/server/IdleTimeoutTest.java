package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.twampagent.netconf.auth.UserStore;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session that stays silent past the idle timeout is closed, and what it held is released. */
class IdleTimeoutTest {
    @TempDir
    Path stateDir;

    @Test
    void anIdleSessionIsClosedAndItsLockReleased() throws Exception {
        final var settings = AgentSettings.defaults(stateDir).withPorts("127.0.0.1", TestAgent.freePort(), 0)
            .withLimits(4, Duration.ofMillis(700));
        try (var agent = NetconfAgent.start(TestAgent.MODEL, settings, UserStore.open(stateDir), List.of(),
                OperationalStateProvider.NONE); var idle = TestAgent.tcp(agent)) {
            assertOk(idle.rpc("<lock><target><candidate/></target></lock>"));
            assertTrue(idle.closedByServer(), "the idle session must be closed");
            CommitTest.waitUntil(() -> agent.store().locks().isEmpty());
        }
    }
}
