package net.twampagent.dataplane.client;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * A session the server accepted, with the UDP socket the Session-Sender sends from.
 *
 * @param sid the SID, 16 octets
 * @param reflector the reflector's address and the port it gave
 * @param socket the bound local socket (closed with the client)
 * @param request what was asked
 */
public record AcceptedSession(byte[] sid, InetSocketAddress reflector, DatagramSocket socket,
        SessionRequest request) {
}
