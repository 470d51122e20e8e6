package net.twampagent.netconf.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the agent comes up: the factory default on a fresh state directory, and NETCONF even when TWAMP cannot. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StartUpTest {
    @TempDir
    Path stateDir;

    @Test
    void aTakenPortLeavesTheServerDownAndNetconfUpUntilAnotherPortIsCommitted() throws Exception {
        try (var blocker = new ServerSocket(0); var wired = WiredAgent.start(stateDir, blocker.getLocalPort())) {
            final var state = wired.get();
            assertEquals("down", WiredAgent.value(state, "s:status"), "a server that cannot bind is down");
            assertTrue(WiredAgent.values(state, "s:listening-endpoint").isEmpty());
            final int free = WiredAgent.freePort();
            wired.assertCommitted("<port>" + free + "</port>");
            assertNull(WiredAgent.refusal(free));
            assertEquals("up", WiredAgent.value(wired.get(), "s:status"));
        }
    }

    @Test
    void theFactoryDefaultIsWrittenOnlyIntoAStateDirectoryThatNeverHadAConfiguration() throws Exception {
        assertTrue(TwampFunction.writeFactoryDefaultIfFresh(stateDir));
        final var written = Files.readString(stateDir.resolve("running.xml"));
        assertTrue(written.matches("(?s).*<twamp xmlns=\"urn:net:twampagent:yang:twamp-server\">\\s*<server/>\\s*"
            + "</twamp>.*"), written);
        Files.writeString(stateDir.resolve("running.xml"), "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>");
        assertFalse(TwampFunction.writeFactoryDefaultIfFresh(stateDir), "a committed configuration was replaced");
        assertEquals("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>",
            Files.readString(stateDir.resolve("running.xml")));
    }
}
