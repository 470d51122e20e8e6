package net.twampagent.it.twamp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.twampagent.it.harness.AgentLauncher;
import net.twampagent.it.harness.AgentProcess;
import net.twampagent.it.harness.ExternalCommand;
import net.twampagent.it.harness.Ncclient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * perfSONAR's twping, the TWAMP client most operators know, measures against the agent. It is not packaged
 * everywhere: where it is not on PATH the test says so and is skipped.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwpingTest {
    private static final int PACKETS = 20;
    private static final Pattern NOTHING_LOST = Pattern.compile("\\b" + PACKETS + " sent, 0 lost");

    @RegisterExtension
    static final AgentLauncher AGENTS = AgentLauncher.shared();

    @Test
    void twpingMeasuresWithoutLoss() {
        assumeTrue(ExternalCommand.onPath("twping"),
            "perfSONAR's twping is not on PATH: the twping measurement is skipped");
        final var agent = AGENTS.agent();
        Ncclient.assertPasses(agent, "commit.py", "<port>" + agent.twampPort() + "</port>");
        final var result = ExternalCommand.run(List.of("twping", "-c", Integer.toString(PACKETS), "-i", "0.05",
                AgentProcess.HOST + ":" + agent.twampPort()), Map.of(),
            agent.dir().resolve("twping.out"), Duration.ofSeconds(90));
        assertTrue(result.succeeded(), result.describe());
        assertTrue(NOTHING_LOST.matcher(result.output()).find(), "twping lost packets: " + result.describe());
    }
}
