package net.twampagent.dataplane.state;

import java.time.Instant;

/** Something that happened in the server, published to its subscribers on the control thread. */
public sealed interface ServerEvent {
    /** When it happened. */
    Instant time();

    /**
     * A control connection ended.
     *
     * @param connection the connection as it was just before it ended
     * @param reason why
     */
    record ConnectionClosed(Instant time, ConnectionSnapshot connection, CloseReason reason) implements ServerEvent {
    }

    /**
     * A test session ended.
     *
     * @param session the session as it was when it ended, with its final counters
     * @param reason why
     */
    record SessionEnded(Instant time, SessionSnapshot session, SessionEndReason reason) implements ServerEvent {
    }
}
