package net.twampagent.dataplane.state;

/** Why a control connection ended. */
public enum CloseReason {
    /** The client closed it (or the network lost it). */
    CLIENT_CLOSED,
    /** The client gave up in Set-Up-Response (Mode 0). */
    CLIENT_ABANDONED,
    /**
     * Refused after admission: its Set-Up-Response failed to authenticate (Server-Start Accept 1; counted by KeyID,
     * or as an unknown KeyID). A connection refused at admission never opened and has no close event.
     */
    REFUSED,
    /** Set-Up-Response asked for a mode that was not offered. */
    MODE_NOT_OFFERED,
    /** Nothing received for SERVWAIT (server-inactivity-timeout) outside running sessions. */
    SERVER_INACTIVITY_TIMEOUT,
    /** max-connection-duration elapsed. */
    MAX_CONNECTION_DURATION,
    /** An unsupported command made the rest of the stream unreadable. */
    UNSUPPORTED_COMMAND,
    /** Stop-Sessions did not account for the sessions in progress (RFC 5357 §3.8). */
    STOP_COUNT_MISMATCH,
    /** A ciphered control message failed its HMAC (altered, replayed or sealed with other keys); nothing acted on. */
    CONTROL_HMAC_FAILURE,
    /** The client's address left the client-list in a new configuration. */
    CLIENT_LIST_CHANGED,
    /** The routing instance it arrived in was removed from the configuration (its listener is closed too). */
    ROUTING_INSTANCE_REMOVED,
    /** The server was disabled by a new configuration. */
    SERVER_DISABLED,
    /** An administrative clear of this connection or of all. */
    CLEARED,
    /** The server shut down. */
    SERVER_SHUTDOWN,
    /** A socket error on the connection. */
    ERROR
}
