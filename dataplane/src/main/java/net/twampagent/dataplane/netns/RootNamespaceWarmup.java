package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Makes the JDK create its process-wide NIO helpers while the process is still wholly in its own namespace.
 * The first channel or selector a JVM opens initialises native state that includes a socket (a pre-closed socket
 * pair used when closing channels). Were that first use inside {@code setns}, that socket would live in the
 * instance's namespace for the life of the JVM and keep a deleted namespace from ever being freed.
 */
final class RootNamespaceWarmup {
    private RootNamespaceWarmup() {
    }

    /** Runs once per JVM, on the first caller; must be called from a thread in the agent's own namespace. */
    static void ensureDone() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            try {
                ServerSocketChannel.open().close();
                SocketChannel.open().close();
                DatagramChannel.open(StandardProtocolFamily.INET).close();
                Selector.open().close();
                openIpv6IfAvailable();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open NIO channels in the agent's own namespace", e);
            }
        }

        private static void touch() {
            // The class initialiser above is the work; the JVM runs it exactly once.
        }

        private static void openIpv6IfAvailable() {
            try {
                DatagramChannel.open(StandardProtocolFamily.INET6).close();
            } catch (IOException | UnsupportedOperationException e) {
                // A host without IPv6 simply has nothing to warm up for that family.
            }
        }
    }
}
