package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.Replies.error;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile messages get malformed-message; the session lives on (or, past the size cap, is closed). */
class HostileXmlTest {
    @TempDir
    static Path stateDir;

    private static NetconfAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start(stateDir);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static void assertRefusedAndAlive(final String message) throws Exception {
        try (var client = TestAgent.tcp(agent)) {
            client.send(message);
            error(client.receive()).assertTag("malformed-message");
            assertOk(client.rpc("<discard-changes/>"));
        }
    }

    @Test
    void aDtdIsRefused() throws Exception {
        assertRefusedAndAlive("<?xml version=\"1.0\"?><!DOCTYPE rpc [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;"
            + "&a;&a;\">]><rpc message-id=\"1\" xmlns=\"" + NetconfClient.BASE + "\"><get>&b;</get></rpc>");
    }

    @Test
    void anExternalEntityIsRefusedAndNothingLeaks() throws Exception {
        try (var client = TestAgent.tcp(agent)) {
            client.send("<?xml version=\"1.0\"?><!DOCTYPE rpc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rpc message-id=\"1\" xmlns=\"" + NetconfClient.BASE + "\"><get>&x;</get></rpc>");
            final var reply = client.receive();
            error(reply).assertTag("malformed-message");
            assertFalse(reply.contains("root:"), reply);
        }
    }

    @Test
    void brokenXmlIsRefused() throws Exception {
        assertRefusedAndAlive("<rpc message-id=\"1\" <<<");
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        assertRefusedAndAlive("<rpc message-id=\"1\" xmlns=\"" + NetconfClient.BASE + "\"><get>"
            + "<a>".repeat(200) + "</a>".repeat(200) + "</get></rpc>");
    }

    @Test
    void anOversizedMessageClosesOnlyItsSession() throws Exception {
        try (var client = TestAgent.tcp(agent)) {
            final var chunk = "x".repeat(1 << 20);
            final var sb = new StringBuilder("<rpc message-id=\"1\" xmlns=\"" + NetconfClient.BASE + "\"><get><a>");
            for (int i = 0; i < 17; i++) {
                sb.append(chunk);
            }
            client.send(sb.append("</a></get></rpc>").toString());
            error(client.receive()).assertTag("malformed-message");
            assertTrue(client.closedByServer());
        }
        try (var other = TestAgent.tcp(agent)) {
            assertOk(other.rpc("<discard-changes/>"));
        }
    }
}
