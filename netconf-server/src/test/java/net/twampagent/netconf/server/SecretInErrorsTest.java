package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.error;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A refused value of a node marked {@code nacm:default-deny-all} is never repeated: not in the rpc-error, not in a
 * log line. The error still names the node and the rule it broke, so the writer knows what to fix.
 */
class SecretInErrorsTest {
    private static final String SECRET_PATH = "/tws:twamp/tws:server/tws:authentication-key-chain[tws:name='lab']"
        + "/tws:key-id[tws:id='k1']/tws:secret";

    @TempDir
    Path stateDir;

    private NetconfAgent agent;
    private NetconfClient client;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level agentLevel;

    @BeforeEach
    void start() throws Exception {
        logged.start();
        root().addAppender(logged);
        // Every line the agent writes, not only the warnings the test configuration lets through.
        agentLevel = agent().getLevel();
        agent().setLevel(Level.DEBUG);
        agent = TestAgent.start(stateDir);
        client = TestAgent.tcp(agent);
    }

    @AfterEach
    void stop() {
        client.close();
        agent.close();
        root().detachAppender(logged);
        agent().setLevel(agentLevel);
    }

    private static Logger agent() {
        return (Logger) LoggerFactory.getLogger("net.twampagent");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String key(final String secretElement) {
        return "<authentication-key-chain><name>lab</name><key-id><id>k1</id>" + secretElement
            + "</key-id></authentication-key-chain>";
    }

    /** Whether any 12 characters in a row of {@code secret} appear in {@code text}. */
    private static boolean leaks(final String text, final String secret) {
        for (int i = 0; i + 12 <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + 12))) {
                return true;
            }
        }
        return false;
    }

    private void assertNotLogged(final String secret) {
        assertFalse(logged.list.isEmpty(), "the appender sees the agent's lines");
        for (var event : List.copyOf(logged.list)) {
            final var line = event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertFalse(leaks(line, secret), line);
        }
    }

    @Test
    void aTooLongSecretIsRefusedWithoutRepeatingIt() throws Exception {
        final var secret = new StringBuilder();
        for (int i = 0; secret.length() < 1025; i++) {
            secret.append("hunter").append(i).append('-');
        }
        secret.setLength(1025);
        final var reply = client.rpc(editServer(key("<secret>" + secret + "</secret>")));
        final var err = error(reply).assertTag("invalid-value");
        assertEquals(SECRET_PATH, err.path());
        assertTrue(err.message().contains("secret") && err.message().contains("1..1024"), err.message());
        assertFalse(leaks(reply, secret.toString()), reply);
        assertNotLogged(secret.toString());
    }

    @Test
    void aSecretThatIsNotAStringIsRefusedWithoutRepeatingIt() throws Exception {
        final var secret = "correct-horse-battery-staple";
        final var reply = client.rpc(editServer(key("<secret>" + secret + "<b>" + secret + "</b></secret>")));
        final var err = error(reply).assertTag("invalid-value");
        assertEquals(SECRET_PATH, err.path());
        assertTrue(err.message().contains("secret"), err.message());
        assertFalse(leaks(reply, secret), reply);
        assertNotLogged(secret);
    }

    @Test
    void otherValuesAreStillQuoted() throws Exception {
        final var err = error(client.rpc(editServer("<port>not-a-port</port>"))).assertTag("invalid-value");
        assertTrue(err.message().contains("not-a-port"), err.message());
    }
}
