package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.TestAgent.PASSWORD;
import static net.twampagent.netconf.server.TestAgent.USER;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.netconf.shaded.sshd.common.config.keys.PublicKeyEntry;

/** NETCONF over SSH: password and public-key users, refusals, and a host key generated once. */
class SshTransportTest {
    @TempDir
    Path stateDir;

    @Test
    void passwordUsersGetAChunkedSessionAndWrongPasswordsDoNot() throws Exception {
        try (var agent = TestAgent.start(stateDir)) {
            try (var client = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD)) {
                assertTrue(client.chunked());
                assertOk(client.rpc(editServer("<port>9000</port>")));
                assertOk(client.rpc("<commit/>"));
            }
            assertThrows(IOException.class, () -> NetconfClient.ssh(agent.sshPort(), USER, "wrong-password"));
            assertThrows(IOException.class, () -> NetconfClient.ssh(agent.sshPort(), "nobody", PASSWORD));
        }
        final var users = Files.readString(stateDir.resolve("users"));
        assertFalse(users.contains(PASSWORD), "the password must never be stored");
        assertTrue(users.contains("admin:pbkdf2-sha256$"), users);
    }

    @Test
    void theSshUserIsKnownToMonitoringAndToConfigChangeNotifications() throws Exception {
        try (var agent = TestAgent.start(stateDir);
                var client = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD);
                var other = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD)) {
            final var state = client.rpc("<get><filter type=\"subtree\"><netconf-state xmlns=\""
                + "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"><sessions/></netconf-state></filter></get>");
            assertTrue(state.contains("<username>admin</username>"), state);
            assertTrue(state.contains("netconf-ssh</transport>"), state);
            assertTrue(state.contains("<source-host>127.0.0.1</source-host>"), state);
            assertOk(other.rpc("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>"));
            assertOk(client.rpc(editServer("<port>9000</port>")));
            assertOk(client.rpc("<commit/>"));
            final var notification = other.receive();
            assertTrue(notification.contains("<username>admin</username>"), notification);
            final var history = client.rpc("<get-commit-history xmlns=\"urn:net:twampagent:yang:agent\"/>");
            assertTrue(history.contains("<user>admin</user>"), history);
        }
    }

    @Test
    void aUserAddedWhileTheAgentRunsCanLogIn() throws Exception {
        try (var agent = TestAgent.start(stateDir)) {
            assertThrows(IOException.class, () -> NetconfClient.ssh(agent.sshPort(), "ops", "ops-password-1"));
            net.twampagent.netconf.auth.UserStore.open(stateDir).setPassword("ops", "ops-password-1".toCharArray());
            try (var client = NetconfClient.ssh(agent.sshPort(), "ops", "ops-password-1")) {
                assertOk(client.rpc("<discard-changes/>"));
            }
        }
    }

    @Test
    void hostileXmlOverSshGetsMalformedMessageAndTheSessionLives() throws Exception {
        try (var agent = TestAgent.start(stateDir); var client = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD)) {
            client.send("<?xml version=\"1.0\"?><!DOCTYPE rpc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rpc message-id=\"7\" xmlns=\"" + NetconfClient.BASE + "\"><get>&x;</get></rpc>");
            Replies.error(client.receive()).assertTag("malformed-message");
            assertOk(client.rpc("<discard-changes/>"));
        }
    }

    @Test
    void publicKeyUsersAreAccepted() throws Exception {
        final var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        final var key = generator.generateKeyPair();
        final var other = generator.generateKeyPair();
        Files.createDirectories(stateDir.resolve("authorized_keys"));
        Files.writeString(stateDir.resolve("authorized_keys").resolve("ops"),
            PublicKeyEntry.toString(key.getPublic()) + " ops@test\n", StandardCharsets.UTF_8);
        try (var agent = TestAgent.start(stateDir)) {
            try (var client = NetconfClient.ssh(agent.sshPort(), "ops", key)) {
                assertOk(client.rpc("<discard-changes/>"));
            }
            assertThrows(IOException.class, () -> NetconfClient.ssh(agent.sshPort(), "ops", other));
        }
    }

    @Test
    void theHostKeyIsGeneratedOnceAndKept() throws Exception {
        try (var agent = TestAgent.start(stateDir); var client = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD)) {
            assertOk(client.rpc("<discard-changes/>"));
        }
        final var first = Files.readAllBytes(stateDir.resolve("ssh_host_key"));
        try (var agent = TestAgent.start(stateDir); var client = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD)) {
            assertOk(client.rpc("<discard-changes/>"));
        }
        assertArrayEquals(first, Files.readAllBytes(stateDir.resolve("ssh_host_key")));
    }
}
