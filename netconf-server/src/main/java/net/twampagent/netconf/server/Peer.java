package net.twampagent.netconf.server;

import java.net.InetSocketAddress;

/**
 * Who is at the other end of a session.
 *
 * @param address  the client's address and port
 * @param ssh      whether the session runs over SSH (else the test-only TCP listener)
 * @param username the SSH user, or {@code null} over TCP
 */
record Peer(InetSocketAddress address, boolean ssh, String username) {
}
