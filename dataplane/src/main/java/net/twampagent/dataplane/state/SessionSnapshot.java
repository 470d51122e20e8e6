package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * One test session as it is at snapshot time.
 *
 * @param sid the SID, 32 hexadecimal digits
 * @param connectionId the control connection it belongs to
 * @param sender the Session-Sender's address and port
 * @param reflector the reflector's address and port
 * @param dscp the DSCP of its Type-P Descriptor
 * @param paddingLength the sender's announced padding length
 * @param timeout the time the reflector keeps reflecting after Stop-Sessions
 * @param state where it is in its life
 * @param accepted when Accept-Session was sent
 * @param stats its packet counters
 */
public record SessionSnapshot(String sid, long connectionId, InetSocketAddress sender, InetSocketAddress reflector,
        int dscp, long paddingLength, Duration timeout, State state, Instant accepted, SessionStats stats) {
    /** The life of a session. */
    public enum State {
        /** Accepted, waiting for Start-Sessions. */
        ACCEPTED,
        /** Started: reflecting. */
        RUNNING,
        /** Stop-Sessions received: reflecting until its Timeout elapses. */
        STOPPING
    }
}
