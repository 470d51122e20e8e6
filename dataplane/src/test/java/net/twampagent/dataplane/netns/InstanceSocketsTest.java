package net.twampagent.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sockets made in real namespaces: reachable inside, unreachable from the agent's own, really placed there. */
@Timeout(120)
class InstanceSocketsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static TestNamespace namespaceA;
    private static TestNamespace namespaceB;
    private static NetworkNamespaces namespaces;

    @BeforeAll
    static void createNamespaces() throws IOException {
        TestNamespace.assumeNamespacesCanBeMade();
        namespaceA = TestNamespace.create();
        namespaceB = TestNamespace.create();
        namespaces = NetworkNamespaces.open();
    }

    @AfterAll
    static void deleteNamespaces() throws Exception {
        Closer.closeAll(namespaces, namespaceA, namespaceB);
    }

    @Test
    void tcpListenerInNamespaceIsReachableThereAndNotFromTheAgentsNamespace() throws IOException {
        InstanceSockets a = namespaces.instance(namespaceA.name());
        try (ServerSocketChannel listener = a.openServer(new InetSocketAddress(LOOPBACK, 0), 16)) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, port);

            try (SocketChannel client = a.call(SocketChannel::open)) {
                client.connect(target);
                try (SocketChannel accepted = Wire.accept(listener)) {
                    Wire.write(accepted, "in-A");
                    assertEquals("in-A", Wire.read(client, 4));
                }
            }

            // The port is still free in the agent's namespace: a listener there takes it and gets the root client.
            try (ServerSocketChannel rootListener = ServerSocketChannel.open().bind(target);
                 SocketChannel rootClient = SocketChannel.open(target);
                 SocketChannel rootAccepted = Wire.accept(rootListener)) {
                assertTrue(rootClient.isConnected());
                assertTrue(rootAccepted.isConnected());
                assertNull(Wire.acceptIfWaiting(listener), "a root-namespace client reached the listener in A");
            }
            assertThrows(ConnectException.class, () -> SocketChannel.open(target).close(),
                    "with no root listener on the port, a root client is refused");
        }
    }

    @Test
    void udpSocketInNamespaceEchoesToClientThereAndHearsNothingFromTheAgentsNamespace() throws IOException {
        InstanceSockets a = namespaces.instance(namespaceA.name());
        InetSocketAddress any = new InetSocketAddress(LOOPBACK, 0);
        try (DatagramChannel echo = a.openDatagram(StandardProtocolFamily.INET, any);
             DatagramChannel client = a.openDatagram(StandardProtocolFamily.INET, any);
             DatagramChannel rootClient = DatagramChannel.open(StandardProtocolFamily.INET)) {
            InetSocketAddress echoAddress = (InetSocketAddress) echo.getLocalAddress();

            // Sent first; on loopback a datagram is delivered (or dropped) before send returns.
            Wire.send(rootClient, "from-root", echoAddress);
            Wire.send(client, "from-A", echoAddress);

            Wire.Datagram request = Wire.receive(echo);
            assertEquals("from-A", request.text(), "the first datagram to reach the echo must be A's own");
            Wire.send(echo, request.text(), request.sender());
            assertEquals("from-A", Wire.receive(client).text());
        }
    }

    @Test
    void twoNamespacesUseTheSamePortEachForItsOwnClients() throws IOException {
        InstanceSockets a = namespaces.instance(namespaceA.name());
        InstanceSockets b = namespaces.instance(namespaceB.name());
        assertNotEquals(a.namespace(), b.namespace());
        try (ServerSocketChannel listenerA = a.openServer(new InetSocketAddress(LOOPBACK, 0), 16)) {
            int port = ((InetSocketAddress) listenerA.getLocalAddress()).getPort();
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, port);
            try (ServerSocketChannel listenerB = b.openServer(target, 16);
                 DatagramChannel udpA = a.openDatagram(StandardProtocolFamily.INET, target);
                 DatagramChannel udpB = b.openDatagram(StandardProtocolFamily.INET, target)) {
                assertEquals("A", greet(a, listenerA, target, "A"));
                assertEquals("B", greet(b, listenerB, target, "B"));
                assertEquals(target, udpA.getLocalAddress());
                assertEquals(target, udpB.getLocalAddress());

                BindException taken = assertThrows(BindException.class, () -> a.openServer(target, 16));
                assertEquals("routing instance " + a.name() + ": cannot bind TCP 127.0.0.1 port " + port
                        + ": Address already in use", taken.getMessage());
            }
        }
    }

    @Test
    void socketsAreCreatedInTheNamespaceAndNoneStaysBehindWhenClosed() throws IOException {
        try (TestNamespace own = TestNamespace.create()) {
            InstanceSockets instance = namespaces.instance(own.name());
            try {
                assertEquals(0, ProcessSockets.countIn(instance.namespace()));
                ServerSocketChannel listener = instance.openServer(new InetSocketAddress(LOOPBACK, 0), 4);
                DatagramChannel udp = instance.openDatagram(StandardProtocolFamily.INET6, null);
                assertEquals(2, ProcessSockets.countIn(instance.namespace()),
                        "the kernel places both sockets in the instance's namespace");
                listener.close();
                udp.close();
                // No NIO helper socket of the JDK may stay behind: it would keep a deleted namespace alive.
                assertEquals(0, ProcessSockets.countIn(instance.namespace()));
            } finally {
                namespaces.release(own.name());
            }
        }
    }

    @Test
    void virtualThreadCallersAllGetSocketsInTheNamespace() throws Exception {
        InstanceSockets b = namespaces.instance(namespaceB.name());
        int callers = 32;
        int before = ProcessSockets.countIn(b.namespace());
        List<DatagramChannel> sockets = new ArrayList<>();
        try {
            List<Future<DatagramChannel>> opened = new ArrayList<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < callers; i++) {
                    opened.add(executor.submit(() -> b.openDatagram(StandardProtocolFamily.INET, null)));
                }
            }
            for (Future<DatagramChannel> future : opened) {
                sockets.add(future.get());
            }
            assertEquals(before + callers, ProcessSockets.countIn(b.namespace()));
        } finally {
            for (DatagramChannel socket : sockets) {
                socket.close();
            }
        }
        assertEquals(before, ProcessSockets.countIn(b.namespace()));
    }

    @Test
    void defaultInstanceMakesSocketsInTheAgentsNamespaceOnTheCallingThread() throws IOException {
        InstanceSockets own = namespaces.instance(NetworkNamespaces.DEFAULT_INSTANCE);
        assertTrue(own.isDefault());
        assertEquals(namespaces.ownNamespace(), own.namespace());
        assertEquals(NamespaceStatus.PRESENT, own.status());
        Thread caller = Thread.currentThread();
        assertEquals(caller, own.call(Thread::currentThread));
        try (ServerSocketChannel listener = own.openServer(new InetSocketAddress(LOOPBACK, 0), 4);
             SocketChannel rootClient = SocketChannel.open(listener.getLocalAddress());
             SocketChannel accepted = Wire.accept(listener)) {
            assertEquals(rootClient.getLocalAddress(), accepted.getRemoteAddress());
        }
    }

    private static String greet(InstanceSockets instance, ServerSocketChannel listener, InetSocketAddress target,
            String tag) throws IOException {
        try (SocketChannel client = instance.call(SocketChannel::open)) {
            client.connect(target);
            try (SocketChannel accepted = Wire.accept(listener)) {
                Wire.write(accepted, tag);
            }
            return Wire.readToEnd(client);
        }
    }
}
