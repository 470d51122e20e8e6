package net.twampagent.dataplane.state;

/** Why a test session ended. */
public enum SessionEndReason {
    /** Stop-Sessions, then the session's Timeout elapsed. */
    STOPPED,
    /** Nothing from the sender for REFWAIT (reflector-inactivity-timeout) after the start. */
    REFLECTOR_INACTIVITY_TIMEOUT,
    /** Its control connection ended (see the connection's {@link CloseReason}). */
    CONNECTION_CLOSED,
    /** An administrative clear of its connection. */
    CLEARED
}
