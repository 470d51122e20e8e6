package net.twampagent.netconf;

import net.twampagent.netconf.app.AgentLauncher;

/** The agent's entry point, as {@code bin/twamp-agent} runs it; {@code --help} lists the options. */
public final class Main {
    private Main() {
    }

    public static void main(final String[] args) {
        AgentLauncher.launch(args);
    }
}
