package net.twampagent.dataplane.reflector;

import java.net.InetSocketAddress;
import java.util.Objects;
import net.twampagent.dataplane.crypto.TestPacketProtection;

/**
 * What an engine needs to open the UDP endpoint of one accepted session.
 *
 * @param local the address and port to bind (the Receiver Address and Port); port 0 takes any free port
 * @param peer the Session-Sender's address and port: the only source reflected, and the replies' destination
 * @param dscp the DSCP of the session's Type-P Descriptor, set on every reply (0..63)
 * @param protection the keys and cipher state of a session in authenticated or encrypted mode, handed to
 *     {@link ReflectStep}; null when test packets travel in clear (modes 1 and 8). Only the reflector thread
 *     that serves the session may use it.
 */
public record SessionSpec(InetSocketAddress local, InetSocketAddress peer, int dscp,
        TestPacketProtection protection) {
    /** A session whose test packets travel in clear. */
    public SessionSpec(final InetSocketAddress local, final InetSocketAddress peer, final int dscp) {
        this(local, peer, dscp, null);
    }

    public SessionSpec {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(peer, "peer");
        if (local.isUnresolved() || peer.isUnresolved()) {
            throw new IllegalArgumentException("session addresses must be resolved: " + local + ", " + peer);
        }
        if (local.getAddress().getClass() != peer.getAddress().getClass()) {
            throw new IllegalArgumentException("local " + local + " and peer " + peer + " differ in IP version");
        }
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("DSCP " + dscp + " is outside 0..63");
        }
    }
}
