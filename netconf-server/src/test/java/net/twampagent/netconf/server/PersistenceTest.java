package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static net.twampagent.netconf.server.TestAgent.getConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import net.twampagent.netconf.persistence.CorruptStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed configuration survives a restart; a corrupt file stops the agent and is left as it was. */
class PersistenceTest {
    @TempDir
    Path stateDir;

    @Test
    void runningSurvivesARestartAndThePreviousCopyIsKept() throws Exception {
        try (var agent = TestAgent.start(stateDir); var client = TestAgent.tcp(agent)) {
            assertOk(client.rpc(editServer("<port>9000</port>")));
            assertOk(client.rpc("<commit/>"));
            assertOk(client.rpc(editServer("<port>9100</port>")));
            assertOk(client.rpc("<commit/>"));
        }
        assertTrue(Files.readString(stateDir.resolve("running.xml.prev")).contains("9000"));
        assertTrue(Files.list(stateDir).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        try (var agent = TestAgent.start(stateDir); var client = TestAgent.tcp(agent)) {
            assertTrue(client.rpc(getConfig("running")).contains("<port>9100</port>"));
            assertTrue(client.rpc(getConfig("candidate")).contains("<port>9100</port>"));
        }
    }

    @Test
    void aCorruptFileIsReportedAndLeftUntouched() throws Exception {
        final var file = stateDir.resolve("running.xml");
        Files.writeString(file, "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><twamp");
        final var e = assertThrows(CorruptStateException.class, () -> TestAgent.start(stateDir));
        assertTrue(e.getMessage().contains("running.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
        assertEquals("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><twamp", Files.readString(file));
    }

    @Test
    void aFileThatBreaksTheModelIsReported() throws Exception {
        final var file = stateDir.resolve("running.xml");
        final var text = "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><twamp xmlns=\""
            + TestAgent.NS + "\"><server><port>99999</port></server></twamp></config>";
        Files.writeString(file, text);
        final var e = assertThrows(CorruptStateException.class, () -> TestAgent.start(stateDir));
        assertTrue(e.getMessage().contains("does not fit the model"), e.getMessage());
        assertEquals(text, Files.readString(file));
    }
}
