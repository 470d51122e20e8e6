package net.twampagent.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports for the agent's listeners. The agent takes port numbers on its command line and in its configuration,
 * not port 0, so a port the kernel just gave out and released is the best guess of a free one.
 */
public final class FreePorts {
    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {
    }

    /** A TCP port free on 127.0.0.1 now and not given out before by this JVM. */
    public static synchronized int tcp() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                final int port = socket.getLocalPort();
                if (GIVEN.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free TCP port on loopback", e);
            }
        }
        throw new IllegalStateException("no new free TCP port on loopback after 100 attempts");
    }
}
