package net.twampagent.it.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import net.twampagent.it.harness.AgentLauncher;
import net.twampagent.it.harness.AgentProcess;
import net.twampagent.it.harness.FreePorts;
import net.twampagent.it.harness.Ncclient;
import net.twampagent.it.twamp.TwampProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Restarts of the agent on the same state directory. The commit's reply is the promise that the configuration
 * is saved: a SIGKILL straight after it must not lose it. A saved configuration the agent cannot read stops it
 * with a message naming the file, which it leaves as it was: never silently replaced by defaults.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RestartTest {
    /** SIGTERM is a stop asked for: once it is done, the agent exits with success. */
    private static final int SIGTERM_STATUS = 0;

    @RegisterExtension
    static final AgentLauncher AGENTS = AgentLauncher.perTest();

    @Test
    void committedConfigurationAndTheReflectorSurviveKill9() throws Exception {
        final var agent = AGENTS.prepare(FreePorts.tcp()).start();
        final int port = FreePorts.tcp();
        final var committed = commitDistinctConfiguration(agent, port);
        TwampProbe.assertReflects(port, 10);

        agent.kill();
        TwampProbe.assertRefused(port);
        agent.start();

        Ncclient.assertPasses(agent, "expect_running.py", committed);
        TwampProbe.assertReflects(port, 10);
    }

    @Test
    void committedConfigurationSurvivesSigterm() {
        final var agent = AGENTS.prepare(FreePorts.tcp()).start();
        final var committed = commitDistinctConfiguration(agent, agent.twampPort());

        assertEquals(SIGTERM_STATUS, agent.stop(), "the agent's exit status on SIGTERM; its log:\n"
            + agent.logText());
        agent.start();

        Ncclient.assertPasses(agent, "expect_running.py", committed);
    }

    @Test
    void corruptSavedConfigurationIsReportedAndLeftAlone() throws Exception {
        final var agent = AGENTS.prepare(FreePorts.tcp()).start();
        commitDistinctConfiguration(agent, agent.twampPort());
        agent.stop();
        final var saved = agent.stateDir().resolve("running.xml");
        final var corrupt = "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><twamp";
        Files.writeString(saved, corrupt, StandardCharsets.UTF_8);

        final int status = agent.startExpectingExit();

        assertNotEquals(0, status, "the agent's exit status with a corrupt running.xml; its log:\n"
            + agent.logText());
        final var log = agent.logText();
        assertTrue(log.contains("running.xml"), "the refusal does not name the file: " + log);
        assertEquals(corrupt, Files.readString(saved, StandardCharsets.UTF_8),
            "the corrupt file was replaced instead of left for the operator");
    }

    /**
     * Commits a configuration unlike the seeded one in every leaf it sets, the TWAMP server on {@code port}, and
     * returns those leaves as the arguments of expect_running.py.
     */
    private static String[] commitDistinctConfiguration(final AgentProcess agent, final int port) {
        Ncclient.assertPasses(agent, "commit.py", "<port>" + port + "</port>"
            + "<maximum-connections>9</maximum-connections>"
            + "<maximum-connections-per-client>3</maximum-connections-per-client>"
            + "<reflector-inactivity-timeout>77</reflector-inactivity-timeout>"
            + "<client-list><name>lab</name><address><prefix>127.0.0.0/8</prefix></address></client-list>");
        final String[] committed = {"port=" + port, "maximum-connections=9",
            "maximum-connections-per-client=3", "reflector-inactivity-timeout=77",
            "client-list/address/prefix=127.0.0.0/8"};
        Ncclient.assertPasses(agent, "expect_running.py", committed);
        return committed;
    }
}
