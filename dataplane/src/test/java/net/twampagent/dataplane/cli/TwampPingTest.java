package net.twampagent.dataplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.dataplane.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command against our server on loopback, as a user runs it. */
class TwampPingTest {
    private static TwampServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startServer() throws Exception {
        server = TwampServer.start(ServerConfig.builder().port(0).build());
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
}
