package net.twampagent.dataplane.wire;

/** TWAMP-Control Command Numbers (IANA TWAMP-Control Command Numbers registry). */
public final class CommandNumber {
    /** Forbidden in TWAMP: OWAMP's Request-Session. */
    public static final int REQUEST_SESSION_OWAMP = 1;
    /** Start-Sessions (RFC 4656 §3.7). */
    public static final int START_SESSIONS = 2;
    /** Stop-Sessions (RFC 4656 §3.8, RFC 5357 §3.8). */
    public static final int STOP_SESSIONS = 3;
    /** Request-TW-Session (RFC 5357 §3.5). */
    public static final int REQUEST_TW_SESSION = 5;

    private CommandNumber() {
    }

    /**
     * The size of the message a command starts, or 0 for a command this server does not take: its length is
     * unknown, so the framing cannot continue after it.
     */
    public static int messageSize(final int command) {
        return switch (command) {
            case START_SESSIONS -> StartSessions.SIZE;
            case STOP_SESSIONS -> StopSessions.SIZE;
            case REQUEST_TW_SESSION -> RequestTwSession.SIZE;
            default -> 0;
        };
    }
}
