package net.twampagent.it.netconf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.twampagent.it.harness.AgentLauncher;
import net.twampagent.it.harness.AgentProcess;
import net.twampagent.it.harness.ExternalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** yangcli (yuma123), a second, unrelated NETCONF client: it connects over SSH and reads the configuration. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class YangcliSmokeTest {
    @RegisterExtension
    static final AgentLauncher AGENTS = AgentLauncher.shared();

    @Test
    void yangcliConnectsAndReadsTheConfiguration() {
        assertTrue(ExternalCommand.onPath("yangcli"), "yangcli is not on PATH: install Debian's yangcli "
            + "(bin/test does)");
        final var agent = AGENTS.agent();
        // yangcli is interactive: batch mode runs one command on a new session and exits.
        final var result = ExternalCommand.run(List.of("yangcli",
                "--server=" + AgentProcess.HOST, "--ncport=" + agent.netconfPort(), "--user=" + AgentProcess.ADMIN,
                "--password=" + agent.password(), "--timeout=60", "--batch-mode",
                "--run-command=get-config source=running"),
            Map.of("HOME", agent.dir().resolve("yangcli-home").toString()),
            agent.dir().resolve("yangcli.out"), Duration.ofSeconds(120));
        assertTrue(result.succeeded(), result.describe());
        final var output = result.output();
        assertTrue(output.contains("NETCONF session established"), "no session: " + result.describe());
        assertTrue(output.contains("base:1.1"), "the hello yangcli saw lacks base:1.1: " + result.describe());
        // The seeded configuration, as yangcli prints it: twamp { server { port N } }.
        final var configured = Pattern.compile("twamp \\{\\s*server \\{\\s*port " + agent.twampPort() + "\\s*}");
        assertTrue(configured.matcher(output).find(),
            "yangcli did not read /twamp/server/port " + agent.twampPort() + ": " + result.describe());
    }
}
