package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * Creates sockets inside one routing instance. The channels it returns are bound and belong to the instance's
 * namespace for good; use them from any thread, wrap them in Netty channels, close them when done. Releasing the
 * instance (see {@link NetworkNamespaces#release}) stops the creation of new sockets, never the existing ones.
 */
public final class InstanceSockets {
    private final String name;
    private final Path namespaceFile;
    private final NamespaceIdentity namespace;
    private final NamespaceThread thread;

    private InstanceSockets(String name, Path namespaceFile, NamespaceIdentity namespace, NamespaceThread thread) {
        this.name = name;
        this.namespaceFile = namespaceFile;
        this.namespace = namespace;
        this.thread = thread;
    }

    /** The agent's own instance: sockets are created on the calling thread, no switching needed. */
    static InstanceSockets ofDefault(String name, NamespaceIdentity own) {
        return new InstanceSockets(name, null, own, null);
    }

    /** An instance whose sockets are created on {@code thread}, already inside {@code namespace}. */
    static InstanceSockets ofNamespace(String name, Path namespaceFile, NamespaceIdentity namespace,
            NamespaceThread thread) {
        return new InstanceSockets(name, namespaceFile, namespace, thread);
    }

    /** The routing instance's name. */
    public String name() {
        return name;
    }

    /** Whether this is the agent's own namespace (the instance {@code default}). */
    public boolean isDefault() {
        return thread == null;
    }

    /** The namespace this instance's sockets are created in, fixed when the instance was opened. */
    public NamespaceIdentity namespace() {
        return namespace;
    }

    /**
     * Whether the name still names this instance's namespace. Reads the file system each time, so the answer is
     * current; the default instance is always {@link NamespaceStatus#PRESENT}.
     */
    public NamespaceStatus status() {
        if (namespaceFile == null) {
            return NamespaceStatus.PRESENT;
        }
        try {
            return NamespaceIdentity.of(namespaceFile).equals(namespace)
                    ? NamespaceStatus.PRESENT : NamespaceStatus.REPLACED;
        } catch (NoSuchFileException e) {
            return NamespaceStatus.DELETED;
        } catch (IOException e) {
            throw new UncheckedIOException("routing instance " + name + ": cannot read " + namespaceFile, e);
        }
    }

    /** A TCP listener bound to {@code local} inside the instance, in blocking mode as the JDK opens it. */
    public ServerSocketChannel openServer(InetSocketAddress local, int backlog) throws IOException {
        ProtocolFamily family = familyOf(local);
        return call(() -> bound(ServerSocketChannel.open(family), "TCP", local,
                channel -> channel.bind(local, backlog)));
    }

    /**
     * A UDP socket of {@code family} bound to {@code local} inside the instance; a null {@code local} binds to the
     * wildcard address and a port the kernel picks.
     */
    public DatagramChannel openDatagram(ProtocolFamily family, InetSocketAddress local) throws IOException {
        Objects.requireNonNull(family, "family");
        if (local != null) {
            familyOf(local);
        }
        return call(() -> bound(DatagramChannel.open(family), "UDP", local, channel -> channel.bind(local)));
    }

    /**
     * Runs {@code task} inside the instance and returns its result: every socket the task creates belongs to the
     * instance (for example a Netty channel whose constructor opens its socket). The task must not start threads
     * or event loops: they would inherit the instance's namespace. Unchecked exceptions and IOExceptions of the
     * task reach the caller as they are; other checked ones arrive wrapped in an IOException.
     */
    public <T> T call(Callable<T> task) throws IOException {
        Objects.requireNonNull(task, "task");
        if (thread == null) {
            requireOwnNamespace();
            return callHere(task);
        }
        if (thread.isCurrentThread()) {
            return callHere(task);
        }
        try {
            return thread.submit(task).join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    void release() {
        if (thread != null) {
            thread.close();
        }
    }

    private <T> T callHere(Callable<T> task) throws IOException {
        try {
            return task.call();
        } catch (Exception e) {
            throw rethrown(e);
        }
    }

    private IOException rethrown(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException("routing instance " + name + ": " + failure, failure);
    }

    /** The default instance runs tasks on the caller, so the caller itself must not be inside another namespace. */
    private void requireOwnNamespace() throws IOException {
        if (!NamespaceIdentity.ofCurrentThread().equals(namespace)) {
            throw new IllegalStateException("routing instance " + name + ": thread " + Thread.currentThread().getName()
                    + " is inside another network namespace; create default-instance sockets from the agent's own");
        }
    }

    private <C extends NetworkChannel> C bound(C channel, String protocol, InetSocketAddress local,
            Binding<C> binding) throws IOException {
        try {
            binding.bind(channel);
            return channel;
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            String message = "routing instance " + name + ": cannot bind " + protocol + " "
                    + (local == null ? "*" : local.getAddress().getHostAddress() + " port " + local.getPort())
                    + ": " + e.getMessage();
            IOException detailed = e instanceof BindException ? new BindException(message) : new IOException(message);
            detailed.initCause(e);
            throw detailed;
        }
    }

    private static ProtocolFamily familyOf(InetSocketAddress local) {
        Objects.requireNonNull(local, "local");
        if (local.isUnresolved()) {
            throw new IllegalArgumentException("local address " + local + " is unresolved; give an IP address");
        }
        return local.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    @FunctionalInterface
    private interface Binding<C> {
        void bind(C channel) throws IOException;
    }
}
