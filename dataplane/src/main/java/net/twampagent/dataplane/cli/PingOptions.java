package net.twampagent.dataplane.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.wire.TestPacketLayout;

/**
 * The parsed command line of {@code twamp-ping}.
 *
 * @param host the server's name or address
 * @param port the server's TWAMP-Control port
 * @param count packets per session
 * @param interval time between packets of a session (0: as fast as possible)
 * @param padding octets of padding per packet
 * @param dscp DSCP of the test packets, both directions
 * @param sessions sessions on the one control connection
 * @param receiverPort the reflector port to ask for (0: the server's choice)
 * @param lateWait how long to wait for replies after the last packet
 * @param timeout how long to wait for the server's answers on the control connection
 * @param quiet summary only, no line per packet
 * @param json the summary as JSON, no other output
 * @param help print the usage and exit
 * @param mode the security mode to use
 * @param keyId the KeyID (modes 2, 4, 8); null to take the first of a perfSONAR key file
 * @param secretFile the file with the secret (modes 2, 4, 8); null in mode 1
 */
record PingOptions(String host, int port, int count, Duration interval, int padding, int dscp, int sessions,
        int receiverPort, Duration lateWait, Duration timeout, boolean quiet, boolean json, boolean help,
        AuthMode mode, String keyId, Path secretFile) {
    static final String USAGE = """
        usage: twamp-ping [options] HOST[:PORT]
        Measures round trip, reflector residence time, one-way delays, jitter and loss against a TWAMP server
        (RFC 5357, any security mode). HOST may be a name, an IPv4 address or an IPv6 address; write
        [ADDRESS]:PORT for an IPv6 address with a port. PORT defaults to 862.

          -c, --count N         packets per session (default 100)
          -i, --interval SEC    seconds between packets, e.g. 0.01; 0 sends as fast as possible (default 0.1)
              --padding N       octets of padding per packet (default 27, or 64 in the authenticated and
                                encrypted modes: same size both ways)
              --dscp N          DSCP of the test packets, 0..63 (default 0)
              --sessions N      test sessions on one control connection, run at once (default 1)
              --port N          reflector UDP port to ask for (default 0: the server chooses)
              --wait SEC        seconds to wait for late replies after the last packet (default 2)
              --timeout SEC     seconds to wait for the server on the control connection (default 10)
              --mode MODE       none, authenticated, encrypted or mixed (encrypted control, test packets
                                in clear; RFC 5618); default none
              --key-id ID       the KeyID to authenticate with (default: the first line of a key file)
              --secret-file F   the shared secret: a file holding the pass-phrase (its first line), or
                                perfSONAR's key file format, lines of KEYID HEX-SECRET
          -q, --quiet           no line per packet, the summary only
              --json            the summary as one JSON document, nothing else
          -h, --help            this text

        Exit status: 0 all packets came back, 1 some were lost, 2 bad arguments, 3 the server could not be
        reached or refused.
        """;

    /** Parses {@code args}; every problem is a {@link UsageException} naming the argument. */
    static PingOptions parse(final String[] args) throws UsageException {
        String target = null;
        int count = 100;
        Duration interval = Duration.ofMillis(100);
        int padding = -1;
        AuthMode mode = AuthMode.NONE;
        String keyId = null;
        Path secretFile = null;
        int dscp = 0;
        int sessions = 1;
        int receiverPort = 0;
        Duration wait = Duration.ofSeconds(2);
        Duration timeout = Duration.ofSeconds(10);
        boolean quiet = false;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return new PingOptions("", 0, 0, Duration.ZERO, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO,
                        false, false, true, AuthMode.NONE, null, null);
                }
                case "-c", "--count" -> count = integer(arg, value(args, ++i, arg), 1, 100_000_000);
                case "-i", "--interval" -> interval = seconds(arg, value(args, ++i, arg), true);
                case "--padding" -> padding = integer(arg, value(args, ++i, arg), 0, 65_000);
                case "--dscp" -> dscp = integer(arg, value(args, ++i, arg), 0, 63);
                case "--sessions" -> sessions = integer(arg, value(args, ++i, arg), 1, 1024);
                case "--port" -> receiverPort = integer(arg, value(args, ++i, arg), 0, 65535);
                case "--wait" -> wait = seconds(arg, value(args, ++i, arg), true);
                case "--timeout" -> timeout = seconds(arg, value(args, ++i, arg), false);
                case "--mode" -> mode = mode(value(args, ++i, arg));
                case "--key-id" -> keyId = value(args, ++i, arg);
                case "--secret-file" -> secretFile = Path.of(value(args, ++i, arg));
                case "-q", "--quiet" -> quiet = true;
                case "--json" -> json = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (target != null) {
                        throw new UsageException("one HOST[:PORT] only, got " + target + " and " + arg);
                    }
                    target = arg;
                }
            }
        }
        if (target == null) {
            throw new UsageException("HOST[:PORT] is missing");
        }
        if (mode.needsKey() && secretFile == null) {
            throw new UsageException("--mode " + modeName(mode) + " needs --secret-file");
        }
        if (!mode.needsKey() && (secretFile != null || keyId != null)) {
            throw new UsageException("--key-id and --secret-file need --mode authenticated, encrypted or mixed");
        }
        if (padding < 0) {
            padding = mode == AuthMode.AUTHENTICATED || mode == AuthMode.ENCRYPTED
                ? TestPacketLayout.PROTECTED_SYMMETRIC_SENDER_PADDING : TestPacketLayout.SYMMETRIC_SENDER_PADDING;
        }
        final String host;
        int port = 862;
        if (target.startsWith("[")) {
            final int close = target.indexOf(']');
            if (close < 0) {
                throw new UsageException("unclosed [ in " + target);
            }
            host = target.substring(1, close);
            if (target.length() > close + 1) {
                if (target.charAt(close + 1) != ':') {
                    throw new UsageException("expected :PORT after ] in " + target);
                }
                port = integer("PORT", target.substring(close + 2), 1, 65535);
            }
        } else if (target.indexOf(':') >= 0 && target.indexOf(':') == target.lastIndexOf(':')) {
            host = target.substring(0, target.indexOf(':'));
            port = integer("PORT", target.substring(target.indexOf(':') + 1), 1, 65535);
        } else {
            host = target;
        }
        if (host.isEmpty()) {
            throw new UsageException("HOST is empty in " + target);
        }
        return new PingOptions(host, port, count, interval, padding, dscp, sessions, receiverPort, wait, timeout,
            quiet, json, false, mode, keyId, secretFile);
    }

    private static AuthMode mode(final String text) throws UsageException {
        return switch (text) {
            case "none" -> AuthMode.NONE;
            case "authenticated" -> AuthMode.AUTHENTICATED;
            case "encrypted" -> AuthMode.ENCRYPTED;
            case "mixed" -> AuthMode.CONTROL_ONLY_ENCRYPTED;
            default -> throw new UsageException("--mode: '" + text
                + "' is not one of none, authenticated, encrypted, mixed");
        };
    }

    static String modeName(final AuthMode mode) {
        return switch (mode) {
            case NONE -> "none";
            case AUTHENTICATED -> "authenticated";
            case ENCRYPTED -> "encrypted";
            case CONTROL_ONLY_ENCRYPTED -> "mixed";
        };
    }

    private static String value(final String[] args, final int index, final String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(final String option, final String text, final int min, final int max)
            throws UsageException {
        final int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new UsageException(option + ": " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private static Duration seconds(final String option, final String text, final boolean zeroAllowed)
            throws UsageException {
        final BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' is not a number of seconds");
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0) || value.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            throw new UsageException(option + ": " + text + " seconds is outside " + (zeroAllowed ? "0" : "(0")
                + "..86400");
        }
        return Duration.ofNanos(value.movePointRight(9).longValue());
    }
}
