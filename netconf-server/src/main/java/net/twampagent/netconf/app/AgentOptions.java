package net.twampagent.netconf.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.twampagent.netconf.server.AgentSettings;

/**
 * The command line of the agent.
 *
 * @param settings          listeners, limits and state directory
 * @param adminPasswordFile file whose first line is the admin password, or {@code null}
 * @param logLevel          root log level
 * @param help              whether to print the usage and stop
 * @param setPasswordUser    a user whose password to set from {@code passwordFile} instead of starting, or
 *                          {@code null}
 * @param passwordFile      the file for {@code --set-password}
 * @param group             a group to add {@code setPasswordUser} to, or {@code null}
 */
record AgentOptions(AgentSettings settings, Path adminPasswordFile, String logLevel, boolean help,
        String setPasswordUser, Path passwordFile, String group) {
    static final String USAGE = """
        Usage: twamp-agent [OPTIONS]

        Runs the TWAMP server (RFC 5357) and the NETCONF agent that manages it (NETCONF over SSH,
        RFC 6241/6242), in one process. The server does what the running configuration says; on the
        first start (no running.xml in the state directory) that is the factory default: the server
        with every default, TWAMP-Control on port 862, mode none.

          --state-dir DIR            where the configuration, users and SSH host key are kept
                                     (default: $TWAMP_STATE_DIR, else ./state)
          --netconf-address ADDR     address of the SSH listener (default 0.0.0.0)
          --netconf-port PORT        port of the SSH listener (default 830)
          --netconf-tcp-port PORT    also serve NETCONF over plain TCP on 127.0.0.1:PORT, without
                                     authentication; for tests only (default: off)
          --admin-password-file FILE set the password of user 'admin' from the first line of FILE
                                     (default on first start: a random password, printed once)
          --max-sessions N           concurrent NETCONF sessions (default 16)
          --idle-timeout SECONDS     close sessions idle this long; 0 = never (default 3600)
          --log-level LEVEL          ERROR, WARN, INFO or DEBUG (default INFO)
          --set-password USER --password-file FILE
                                     create USER or change its password (first line of FILE), in the
                                     state directory's users file, and exit without starting
          --group NAME               with --set-password: also add USER to group NAME; members of
                                     'admin' may read and change secrets (nacm:default-deny-all)
          --help                     print this and exit
        """;

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a message for the user when they are wrong
     */
    static AgentOptions parse(final String[] args, final Map<String, String> env) {
        var stateDir = Path.of(env.getOrDefault("TWAMP_STATE_DIR", "state"));
        var address = "0.0.0.0";
        int port = 830;
        int tcpPort = -1;
        Path adminFile = null;
        var logLevel = "INFO";
        int maxSessions = 16;
        long idleSeconds = 3600;
        String setPasswordUser = null;
        Path passwordFile = null;
        String group = null;
        for (int i = 0; i < args.length; i++) {
            final var arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                return new AgentOptions(AgentSettings.defaults(stateDir), null, logLevel, true, null, null, null);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + arg);
            }
            final var value = args[++i];
            switch (arg) {
                case "--state-dir" -> stateDir = Path.of(value);
                case "--netconf-address" -> address = value;
                case "--netconf-port" -> port = number(arg, value, 1, 65535);
                case "--netconf-tcp-port" -> tcpPort = number(arg, value, 0, 65535);
                case "--admin-password-file" -> adminFile = Path.of(value);
                case "--max-sessions" -> maxSessions = number(arg, value, 1, 10_000);
                case "--idle-timeout" -> idleSeconds = number(arg, value, 0, 604_800);
                case "--log-level" -> logLevel = level(value);
                case "--set-password" -> setPasswordUser = value;
                case "--password-file" -> passwordFile = Path.of(value);
                case "--group" -> group = value;
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        final var settings = AgentSettings.defaults(stateDir).withPorts(address, port, tcpPort)
            .withLimits(maxSessions, Duration.ofSeconds(idleSeconds));
        if ((setPasswordUser == null) != (passwordFile == null)) {
            throw new IllegalArgumentException("--set-password and --password-file go together");
        }
        if (group != null && setPasswordUser == null) {
            throw new IllegalArgumentException("--group goes with --set-password USER");
        }
        return new AgentOptions(settings, adminFile, logLevel, false, setPasswordUser, passwordFile, group);
    }

    private static int number(final String option, final String value, final int min, final int max) {
        try {
            final var n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", not '"
            + value + "'");
    }

    private static String level(final String value) {
        final var upper = value.toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(upper)) {
            throw new IllegalArgumentException("--log-level needs ERROR, WARN, INFO or DEBUG, not '" + value + "'");
        }
        return upper;
    }
}
