package net.twampagent.netconf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's command line: defaults, every option, and clear refusals. */
class AgentOptionsTest {
    @Test
    void defaultsFollowTheEnvironment() {
        final var options = AgentOptions.parse(new String[0], Map.of("TWAMP_STATE_DIR", "/var/lib/twamp"));
        assertEquals(Path.of("/var/lib/twamp"), options.settings().stateDir());
        assertEquals("0.0.0.0", options.settings().sshAddress());
        assertEquals(830, options.settings().sshPort());
        assertEquals(-1, options.settings().tcpPort());
        assertNull(options.adminPasswordFile());
        assertEquals(Path.of("state"), AgentOptions.parse(new String[0], Map.of()).settings().stateDir());
    }

    @Test
    void everyOptionIsRead() {
        final var options = AgentOptions.parse(new String[] {"--state-dir", "s", "--netconf-address", "::1",
            "--netconf-port", "2830", "--netconf-tcp-port", "2831", "--admin-password-file", "pw",
            "--max-sessions", "4", "--idle-timeout", "60", "--log-level", "debug"}, Map.of());
        assertEquals(Path.of("s"), options.settings().stateDir());
        assertEquals("::1", options.settings().sshAddress());
        assertEquals(2830, options.settings().sshPort());
        assertEquals(2831, options.settings().tcpPort());
        assertEquals(Path.of("pw"), options.adminPasswordFile());
        assertEquals(4, options.settings().maxSessions());
        assertEquals(Duration.ofSeconds(60), options.settings().idleTimeout());
        assertEquals("DEBUG", options.logLevel());
    }

    @Test
    void setPasswordNeedsItsFile() {
        final var options = AgentOptions.parse(new String[] {"--set-password", "ops", "--password-file", "f"},
            Map.of());
        assertEquals("ops", options.setPasswordUser());
        assertEquals(Path.of("f"), options.passwordFile());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> AgentOptions.parse(new String[] {"--set-password", "ops"}, Map.of())).getMessage()
            .contains("go together"));
    }

    @Test
    void groupGoesWithSetPassword() {
        final var options = AgentOptions.parse(new String[] {"--set-password", "ops", "--password-file", "f",
            "--group", "admin"}, Map.of());
        assertEquals("admin", options.group());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> AgentOptions.parse(new String[] {"--group", "admin"}, Map.of())).getMessage()
            .contains("--set-password"));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(AgentOptions.parse(new String[] {"--help"}, Map.of()).help());
        assertTrue(AgentOptions.USAGE.contains("--netconf-tcp-port"));
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("unknown option: --port",
            assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse(new String[] {"--port", "1"}, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> AgentOptions.parse(new String[] {"--netconf-port", "70000"}, Map.of())).getMessage()
            .contains("from 1 to 65535"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> AgentOptions.parse(new String[] {"--state-dir"}, Map.of())).getMessage()
            .contains("missing value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> AgentOptions.parse(new String[] {"--log-level", "loud"}, Map.of())).getMessage()
            .contains("--log-level"));
    }
}
