package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session limit refuses the session over it and admits a new one once another has ended. */
class SessionLimitTest {
    @TempDir
    Path stateDir;

    @Test
    void sessionsOverTheLimitAreRefused() throws Exception {
        try (var agent = TestAgent.start(stateDir, List.of(), OperationalStateProvider.NONE, 2)) {
            final var first = TestAgent.tcp(agent);
            try (var second = TestAgent.tcp(agent)) {
                assertThrows(IOException.class, () -> TestAgent.tcp(agent).rpc("<discard-changes/>"));
                assertOk(second.rpc("<discard-changes/>"));
            }
            first.close();
            final long deadline = System.nanoTime() + 30_000_000_000L;
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) {
                try (var third = TestAgent.tcp(agent)) {
                    assertOk(third.rpc("<discard-changes/>"));
                    admitted = true;
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            assertTrue(admitted, "a session must be admitted once another has ended");
        }
    }
}
