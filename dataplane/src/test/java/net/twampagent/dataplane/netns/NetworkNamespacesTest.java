package net.twampagent.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refusals: each with its precise message, and none leaving anything behind. */
@Timeout(120)
class NetworkNamespacesTest {

    @Test
    void missingNamespaceIsRefusedWithThePreciseError() throws IOException {
        try (NetworkNamespaces namespaces = NetworkNamespaces.open()) {
            NamespaceNotFoundException missing = assertThrows(NamespaceNotFoundException.class,
                    () -> namespaces.instance("twt-missing-ns"));
            assertEquals("routing instance twt-missing-ns: network namespace /run/netns/twt-missing-ns does not exist",
                    missing.getMessage());
            assertEquals("twt-missing-ns", missing.instance());
            assertEquals(Map.of(), namespaces.statuses(), "a refused instance is not opened");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "a/b", "../../proc/1/ns/net", "n\0ul", "abcdefghijklmnopqrstuvwxyz-67890"})
    void namesThatCannotBeNamespacesAreRefused(String name) throws IOException {
        try (NetworkNamespaces namespaces = NetworkNamespaces.open()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> namespaces.instance(name));
            assertEquals("routing instance \"" + name + "\": not a network namespace name"
                    + " (1..31 characters, no '/', not '.' or '..')", refused.getMessage());
            assertEquals(Map.of(), namespaces.statuses());
        }
    }

    @Test
    void aFileThatIsNotANamespaceIsRefused() throws IOException {
        TestNamespace.assumeNamespacesCanBeMade();
        Path directory = NetworkNamespaces.NAMESPACE_DIRECTORY;
        Files.createDirectories(directory);
        Path plain = directory.resolve("twt-plain-" + ProcessHandle.current().pid());
        Files.writeString(plain, "");
        try (NetworkNamespaces namespaces = NetworkNamespaces.open()) {
            IOException refused = assertThrows(IOException.class,
                    () -> namespaces.instance(plain.getFileName().toString()));
            assertEquals("routing instance " + plain.getFileName() + ": " + plain + " is not a network namespace",
                    refused.getMessage());
        } finally {
            Files.delete(plain);
        }
    }

    @Test
    void instancesAreOpenedOnlyFromTheAgentsOwnNamespace() throws IOException {
        TestNamespace.assumeNamespacesCanBeMade();
        try (TestNamespace namespace = TestNamespace.create();
             NetworkNamespaces namespaces = NetworkNamespaces.open()) {
            InstanceSockets instance = namespaces.instance(namespace.name());
            // From inside a namespace thread, a new instance would start its thread in the wrong namespace,
            // and default-instance sockets would be made in the wrong one.
            IllegalStateException nested = assertThrows(IllegalStateException.class,
                    () -> instance.call(() -> namespaces.instance("default")));
            assertTrue(nested.getMessage().contains("is inside another network namespace"), nested.getMessage());
            InstanceSockets own = namespaces.instance(NetworkNamespaces.DEFAULT_INSTANCE);
            IllegalStateException wrongThread = assertThrows(IllegalStateException.class,
                    () -> instance.call(() -> own.call(SocketChannel::open)));
            assertEquals("routing instance default: thread netns-" + namespace.name()
                    + " is inside another network namespace; create default-instance sockets from the agent's own",
                    wrongThread.getMessage());
            // Nested calls on the instance's own thread run in place instead of waiting for themselves.
            assertEquals(instance.namespace(), instance.call(() -> instance.call(NamespaceIdentity::ofCurrentThread)));
        }
    }

    @Test
    void checkedTaskFailuresArriveAsIoExceptionsAndUncheckedOnesAsThemselves() throws IOException {
        try (NetworkNamespaces namespaces = NetworkNamespaces.open()) {
            InstanceSockets own = namespaces.instance(NetworkNamespaces.DEFAULT_INSTANCE);
            IOException wrapped = assertThrows(IOException.class, () -> own.call(() -> {
                throw new InterruptedException("stop");
            }));
            assertEquals("routing instance default: java.lang.InterruptedException: stop", wrapped.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> own.openServer(InetSocketAddress.createUnresolved("localhost", 1), 1));
        }
    }

    @Test
    void closedRegistryRefusesNewInstances() throws IOException {
        NetworkNamespaces namespaces = NetworkNamespaces.open();
        namespaces.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> namespaces.instance(NetworkNamespaces.DEFAULT_INSTANCE));
        assertEquals("network namespaces are closed", closed.getMessage());
    }
}
