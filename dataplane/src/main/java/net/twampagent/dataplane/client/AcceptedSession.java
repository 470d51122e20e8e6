package net.twampagent.dataplane.client;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.crypto.SessionKeys;
import net.twampagent.dataplane.crypto.TestPacketProtection;

/**
 * A session the server accepted, with the UDP socket the Session-Sender sends from.
 *
 * @param sid the SID, 16 octets
 * @param reflector the reflector's address and the port it gave
 * @param socket the bound local socket (closed with the client)
 * @param request what was asked
 * @param mode the connection's security mode
 * @param keys the connection's session keys; null in mode 1
 */
public record AcceptedSession(byte[] sid, InetSocketAddress reflector, DatagramSocket socket,
        SessionRequest request, AuthMode mode, SessionKeys keys) {
    /** A session of an unauthenticated connection. */
    public AcceptedSession(final byte[] sid, final InetSocketAddress reflector, final DatagramSocket socket,
            final SessionRequest request) {
        this(sid, reflector, socket, request, AuthMode.NONE, null);
    }

    /** Whether the session's test packets are protected (authenticated or encrypted mode). */
    public boolean protectedPackets() {
        return mode == AuthMode.AUTHENTICATED || mode == AuthMode.ENCRYPTED;
    }

    /**
     * A fresh protection for this session's test packets, one per thread that uses it (cipher state is not
     * shared); only when {@link #protectedPackets()}.
     */
    public TestPacketProtection newProtection() {
        return TestPacketProtection.forSession(mode, keys, sid);
    }
}
