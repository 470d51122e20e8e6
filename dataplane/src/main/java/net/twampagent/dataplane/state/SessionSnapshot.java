package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import net.twampagent.dataplane.config.RoutingInstance;

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
 * @param instance the routing instance its UDP socket lives in, that of its control connection
 */
public record SessionSnapshot(String sid, long connectionId, InetSocketAddress sender, InetSocketAddress reflector,
        int dscp, long paddingLength, Duration timeout, State state, Instant accepted, SessionStats stats,
        String instance) {
    public SessionSnapshot {
        Objects.requireNonNull(instance, "instance");
    }

    /** A session of the default routing instance. */
    public SessionSnapshot(final String sid, final long connectionId, final InetSocketAddress sender,
            final InetSocketAddress reflector, final int dscp, final long paddingLength, final Duration timeout,
            final State state, final Instant accepted, final SessionStats stats) {
        this(sid, connectionId, sender, reflector, dscp, paddingLength, timeout, state, accepted, stats,
            RoutingInstance.DEFAULT);
    }

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
