package net.twampagent.dataplane.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What a Control-Client asks for one session.
 *
 * @param senderPort the local UDP port to send from (0: pick a free one)
 * @param receiverPort the reflector port to ask for (0 lets the server choose)
 * @param paddingLength octets of padding after the 14-octet header (27 gives both directions the same payload)
 * @param dscp the DSCP for both directions (0..63)
 * @param timeout how long the reflector keeps reflecting after Stop-Sessions
 */
public record SessionRequest(int senderPort, int receiverPort, int paddingLength, int dscp, Duration timeout) {
    public SessionRequest {
        Objects.requireNonNull(timeout, "timeout");
        if (senderPort < 0 || senderPort > 65535 || receiverPort < 0 || receiverPort > 65535) {
            throw new IllegalArgumentException("ports must be in 0..65535");
        }
        if (paddingLength < 0 || paddingLength > 65_000) {
            throw new IllegalArgumentException("padding " + paddingLength + " is outside 0..65000");
        }
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("DSCP " + dscp + " is outside 0..63");
        }
    }

    /** A request with symmetric padding, best effort, any ports, a 2-second timeout. */
    public static SessionRequest defaults() {
        return new SessionRequest(0, 0, 27, 0, Duration.ofSeconds(2));
    }
}
