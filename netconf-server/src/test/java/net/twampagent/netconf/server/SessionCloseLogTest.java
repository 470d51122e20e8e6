package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.TestAgent.PASSWORD;
import static net.twampagent.netconf.server.TestAgent.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.twampagent.netconf.auth.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The end of an SSH session is an ordinary event, not a warning in the log: a client that ends with close-session
 * and one that gives up after a wrong password (which the SSH stack reports as a transport "failure" with an
 * end-of-file) leave no WARN.
 */
class SessionCloseLogTest {
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level before;

    @TempDir
    Path stateDir;

    private static Logger gate() {
        return (Logger) LoggerFactory.getLogger(SessionGate.class);
    }

    @BeforeEach
    void capture() {
        logged.start();
        before = gate().getLevel();
        // Debug too, so the test sees the line the close produces whatever level it is logged at.
        gate().setLevel(Level.DEBUG);
        gate().addAppender(logged);
    }

    @AfterEach
    void release() {
        gate().detachAppender(logged);
        gate().setLevel(before);
    }

    private List<ILoggingEvent> transportLines() {
        synchronized (logged.list) {
            return logged.list.stream().filter(e -> e.getFormattedMessage().contains("transport channel")).toList();
        }
    }

    @Test
    void sessionsThatEndLogNoWarning() throws Exception {
        UserStore.open(stateDir).setPassword(USER, PASSWORD.toCharArray());
        try (var agent = TestAgent.start(stateDir)) {
            final var client = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD);
            assertOk(client.rpc("<close-session/>"));
            client.close();
            assertThrows(IOException.class, () -> NetconfClient.ssh(agent.sshPort(), USER, "wrong-password"));
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (transportLines().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            final var lines = transportLines();
            assertTrue(lines.getFirst().getFormattedMessage().contains("closed"), lines.toString());
        }
        synchronized (logged.list) {
            assertEquals(List.of(), logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList());
        }
    }
}
