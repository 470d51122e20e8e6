package net.twampagent.dataplane.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsAreJunosDefaults() {
        final ServerConfig config = ServerConfig.builder().build();
        assertTrue(config.enabled());
        assertEquals(Set.of(AuthMode.NONE), config.modes());
        assertEquals(862, config.port());
        assertEquals(64, config.maximumConnections());
        assertEquals(64, config.maximumConnectionsPerClient());
        assertEquals(64, config.maximumSessions());
        assertEquals(64, config.maximumSessionsPerConnection());
        assertEquals(Duration.ofHours(24), config.maxConnectionDuration());
        assertEquals(Duration.ofMinutes(15), config.serverInactivityTimeout());
        assertEquals(Duration.ofSeconds(900), config.reflectorInactivityTimeout());
        assertEquals(1, config.modesMask());
    }

    @Test
    void everyRangeEdgeIsEnforced() {
        final ServerConfig.Builder base = ServerConfig.builder();
        assertEquals(1000, base.maximumConnections(1000).build().maximumConnections());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maximumConnections(1001).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maximumConnections(0).build());
        assertThrows(IllegalArgumentException.class,
            () -> ServerConfig.builder().maximumConnectionsPerClient(501).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maximumSessions(2049).build());
        assertThrows(IllegalArgumentException.class,
            () -> ServerConfig.builder().maximumSessionsPerConnection(1025).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().port(65536).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().kdfCount(1000).build());
        assertThrows(IllegalArgumentException.class,
            () -> ServerConfig.builder().reflectorInactivityTimeout(Duration.ZERO).build());
    }

    @Test
    void modesMaskIsTheUnionOfOfferedModesAndZeroWhenDisabled() {
        final ServerConfig config = ServerConfig.builder()
            .modes(Set.of(AuthMode.AUTHENTICATED, AuthMode.ENCRYPTED, AuthMode.CONTROL_ONLY_ENCRYPTED))
            .keys(Map.of("alice", SharedSecret.ofPassphrase("secret")))
            .build();
        assertEquals(2 | 4 | 8, config.modesMask());
        assertEquals(0, ServerConfig.disabled().modesMask());
        assertFalse(ServerConfig.disabled().enabled());
    }

    @Test
    void secretsNeverPrint() {
        final ServerConfig config = ServerConfig.builder()
            .keys(Map.of("alice", SharedSecret.ofPassphrase("hunter2-very-secret"))).build();
        assertFalse(config.toString().contains("hunter2"));
    }

    @Test
    void toBuilderRoundTrips() {
        final ServerConfig config = ServerConfig.builder().port(1862).maximumSessions(7).build();
        assertEquals(config, config.toBuilder().build());
    }
}
