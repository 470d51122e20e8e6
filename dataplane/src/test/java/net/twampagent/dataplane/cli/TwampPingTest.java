package net.twampagent.dataplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.config.SharedSecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command against our server on loopback, as a user runs it, in every mode. */
class TwampPingTest {
    private static final String PASSPHRASE = "known answer secret";
    private static TwampServer server;
    @TempDir
    static Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startServer() throws Exception {
        server = TwampServer.start(ServerConfig.builder().port(0).modes(Set.of(AuthMode.values()))
            .keys(Map.of("alice", SharedSecret.ofPassphrase(PASSPHRASE))).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private int run(final String... args) {
        return TwampPing.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void perPacketLinesThenASummary() {
        assertEquals(TwampPing.OK, run("-c", "5", "-i", "0.001", "127.0.0.1:" + server.localAddress().getPort()));
        final String text = out();
        for (int seq = 0; seq < 5; seq++) {
            assertTrue(text.contains("session=1 seq=" + seq + " rtt="), text);
        }
        assertTrue(text.contains("5 sent, 5 received, 0 lost (0.0%: 0 forward, 0 backward), 0 duplicates"), text);
        assertTrue(text.contains("round trip (ms)"), text);
        assertTrue(text.contains("reflector residence (us)"), text);
    }

    @Test
    void jsonForSeveralSessionsOverIpv6() {
        assertEquals(TwampPing.OK, run("--json", "--sessions", "2", "-c", "3", "-i", "0", "--padding", "100",
            "[::1]:" + server.localAddress().getPort()));
        final String json = out().strip();
        assertTrue(json.startsWith("{\"server\":{\"host\":\"::1\""), json);
        assertTrue(json.contains("\"session\":1,") && json.contains("\"session\":2,"), json);
        assertEquals(2, json.split("\"received\":3,").length - 1, json);
        assertEquals(1, json.lines().count(), "one JSON document, nothing else");
    }

    @Test
    void failuresHaveTheirExitStatusAndAClearMessage() {
        assertEquals(TwampPing.USAGE, run("--sessions", "0", "127.0.0.1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--sessions: 0 is outside 1..1024"));
        final int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(TwampPing.FAILED, run("-c", "1", "127.0.0.1:" + closedPort));
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("127.0.0.1 port " + closedPort + ": Connection refused"), message);
        assertEquals(TwampPing.OK, run("--help"));
        assertTrue(out().startsWith("usage: twamp-ping"));
    }

    private String target() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    private static Path file(final String name, final String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"authenticated", "encrypted", "mixed"})
    void everyModeWithAPerfsonarKeyFile(final String mode) throws IOException {
        // The format of twping -k and twampd's .pfs: KEYID, then the secret in hex.
        final Path pfs = file("client.pfs", "# keys\nbob 62616434\nalice 6b6e6f776e20616e7377657220736563726574\n");
        assertEquals(TwampPing.OK, run("-q", "-c", "5", "-i", "0", "--mode", mode, "--key-id", "alice",
            "--secret-file", pfs.toString(), target()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("5 sent, 5 received, 0 lost"));
    }

    @Test
    void aPassphraseFileNeedsTheKeyIdAndAWrongSecretIsRefusedByTheServer() throws IOException {
        final Path pass = file("alice.pass", PASSPHRASE + "\n");
        assertEquals(TwampPing.USAGE, run("--mode", "encrypted", "--secret-file", pass.toString(), target()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--key-id is needed with a pass-phrase file"));
        assertEquals(TwampPing.OK, run("-q", "-c", "3", "-i", "0", "--mode", "encrypted", "--key-id", "alice",
            "--secret-file", pass.toString(), target()));
        final Path wrong = file("wrong.pass", "not it\n");
        assertEquals(TwampPing.FAILED, run("-c", "1", "--mode", "authenticated", "--key-id", "alice",
            "--secret-file", wrong.toString(), target()));
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("Accept 1 (failure)") && message.contains("KeyID \"alice\""), message);
        assertFalse(message.contains("not it"), "the secret is never printed");
    }

    @Test
    void badSecurityOptionsAreUsageErrors() throws IOException {
        assertEquals(TwampPing.USAGE, run("--mode", "secret", target()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
            "--mode: 'secret' is not one of none, authenticated, encrypted, mixed"));
        assertEquals(TwampPing.USAGE, run("--mode", "mixed", target()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--mode mixed needs --secret-file"));
        assertEquals(TwampPing.USAGE, run("--key-id", "alice", target()));
        final Path pfs = file("other.pfs", "bob 62616434\n");
        assertEquals(TwampPing.USAGE, run("--mode", "mixed", "--key-id", "alice", "--secret-file", pfs.toString(),
            target()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no line for KeyID alice"));
        assertEquals(TwampPing.USAGE, run("--mode", "mixed", "--key-id", "alice", "--secret-file",
            dir.resolve("missing").toString(), target()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--secret-file: cannot read"));
    }
}
