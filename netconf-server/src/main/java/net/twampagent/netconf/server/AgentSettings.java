package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the agent listens.
 *
 * @param stateDir     where running.xml, users, authorized_keys and the SSH host key live
 * @param sshAddress   address of the SSH listener
 * @param sshPort      its port; 0 picks a free one
 * @param tcpPort      port of the plain-TCP listener on 127.0.0.1, for tests; -1 for none, 0 picks a free one
 * @param maxSessions  concurrent sessions allowed; more are refused at connection time
 * @param idleTimeout  a session with no traffic for this long is closed; zero for never
 * @param helloTimeout a connection that sends no hello in this time is closed
 */
public record AgentSettings(Path stateDir, String sshAddress, int sshPort, int tcpPort, int maxSessions,
        Duration idleTimeout, Duration helloTimeout) {
    public AgentSettings {
        requireNonNull(stateDir, "stateDir");
        requireNonNull(sshAddress, "sshAddress");
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(helloTimeout, "helloTimeout");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
    }

    /** Defaults: SSH on 0.0.0.0:830, no TCP, 16 sessions, 1 hour idle timeout, 20 s for the hello. */
    public static AgentSettings defaults(final Path stateDir) {
        return new AgentSettings(stateDir, "0.0.0.0", 830, -1, 16, Duration.ofHours(1), Duration.ofSeconds(20));
    }

    public AgentSettings withPorts(final String address, final int ssh, final int tcp) {
        return new AgentSettings(stateDir, address, ssh, tcp, maxSessions, idleTimeout, helloTimeout);
    }

    public AgentSettings withLimits(final int sessions, final Duration idle) {
        return new AgentSettings(stateDir, sshAddress, sshPort, tcpPort, sessions, idle, helloTimeout);
    }
}
