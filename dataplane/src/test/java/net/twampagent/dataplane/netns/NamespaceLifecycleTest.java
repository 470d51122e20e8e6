package net.twampagent.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A namespace deleted under a running instance, and one deleted and created again under the same name. */
@Timeout(120)
class NamespaceLifecycleTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private TestNamespace namespace;
    private NetworkNamespaces namespaces;

    @BeforeEach
    void createNamespace() throws IOException {
        TestNamespace.assumeNamespacesCanBeMade();
        namespace = TestNamespace.create();
        namespaces = NetworkNamespaces.open();
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        Closer.closeAll(namespaces, namespace);
    }

    @Test
    void deletedWhileInUseKeepsWorkingAndReportsDeleted() throws IOException {
        InstanceSockets instance = namespaces.instance(namespace.name());
        assertEquals(Map.of(namespace.name(), NamespaceStatus.PRESENT), namespaces.statuses());
        try (ServerSocketChannel listener = instance.openServer(new InetSocketAddress(LOOPBACK, 0), 8)) {
            InetSocketAddress target = (InetSocketAddress) listener.getLocalAddress();
            namespace.delete();

            assertEquals(NamespaceStatus.DELETED, instance.status());
            assertEquals(Map.of(namespace.name(), NamespaceStatus.DELETED), namespaces.statuses());
            assertSame(instance, namespaces.instance(namespace.name()), "the open instance stays as it is");

            // The namespace lives on without its name: the listener accepts, and new sockets still land there.
            try (SocketChannel client = instance.call(SocketChannel::open)) {
                client.connect(target);
                try (SocketChannel accepted = Wire.accept(listener)) {
                    Wire.write(accepted, "still");
                    assertEquals("still", Wire.read(client, 5));
                }
            }

            NamespaceNotFoundException gone = assertThrows(NamespaceNotFoundException.class,
                    () -> namespaces.reopen(namespace.name()));
            assertEquals("routing instance " + namespace.name() + ": network namespace /run/netns/"
                    + namespace.name() + " does not exist", gone.getMessage());
            assertSame(instance, namespaces.instance(namespace.name()), "a failed reopen changes nothing");

            // Released, the instance makes no more sockets, but the ones it made keep serving.
            SocketChannel lastClient = instance.call(SocketChannel::open);
            namespaces.release(namespace.name());
            assertEquals(Map.of(), namespaces.statuses());
            IOException released = assertThrows(IOException.class, () -> instance.call(SocketChannel::open));
            assertEquals("routing instance " + namespace.name() + ": released, it creates no more sockets",
                    released.getMessage());
            try (SocketChannel client = lastClient) {
                client.connect(target);
                try (SocketChannel accepted = Wire.accept(listener)) {
                    Wire.write(accepted, "after");
                    assertEquals("after", Wire.read(client, 5));
                }
            }
        }
    }

    @Test
    void recreatedUnderTheSameNameReportsReplacedAndReopenFollowsIt() throws IOException {
        InstanceSockets old = namespaces.instance(namespace.name());
        try (ServerSocketChannel oldListener = old.openServer(new InetSocketAddress(LOOPBACK, 0), 8)) {
            InetSocketAddress target = (InetSocketAddress) oldListener.getLocalAddress();
            namespace.delete();
            namespace.add();

            assertEquals(NamespaceStatus.REPLACED, old.status());
            assertEquals(Map.of(namespace.name(), NamespaceStatus.REPLACED), namespaces.statuses());

            InstanceSockets fresh = namespaces.reopen(namespace.name());
            assertNotEquals(old.namespace(), fresh.namespace(), "a re-created name is another namespace");
            assertEquals(NamespaceStatus.PRESENT, fresh.status());
            assertEquals(Map.of(namespace.name(), NamespaceStatus.PRESENT), namespaces.statuses());
            assertSame(fresh, namespaces.instance(namespace.name()));

            // The same port is free in the new namespace, and its clients reach the new listener only.
            try (ServerSocketChannel freshListener = fresh.openServer(target, 8);
                 SocketChannel client = fresh.call(SocketChannel::open)) {
                client.connect(target);
                try (SocketChannel accepted = Wire.accept(freshListener)) {
                    Wire.write(accepted, "new");
                    assertEquals("new", Wire.read(client, 3));
                }
                assertEquals(null, Wire.acceptIfWaiting(oldListener));
            }
        }
    }
}
