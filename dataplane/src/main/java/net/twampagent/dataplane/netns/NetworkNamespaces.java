package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The routing instances the agent has opened, each mapped to a Linux network namespace: {@code default} is the
 * agent's own, any other name is {@code /run/netns/NAME}. Open it once at start, from a thread in the agent's own
 * namespace (the main thread): it keeps a descriptor of that namespace and makes the JDK set up its NIO helpers
 * there before any thread switches. Thread-safe.
 */
public final class NetworkNamespaces implements AutoCloseable {
    /** Where iproute2 ({@code ip netns add NAME}) binds named network namespaces. */
    public static final Path NAMESPACE_DIRECTORY = Path.of("/run/netns");
    /** The instance name meaning the agent's own namespace. */
    public static final String DEFAULT_INSTANCE = "default";

    private static final int MAX_NAME_LENGTH = 31;
    private static final String OWN_NAMESPACE = "/proc/self/ns/net";

    private final int ownFd;
    private final NamespaceIdentity own;
    private final Map<String, InstanceSockets> instances = new TreeMap<>();
    private boolean closed;

    private NetworkNamespaces(int ownFd, NamespaceIdentity own) {
        this.ownFd = ownFd;
        this.own = own;
    }

    /**
     * Opens the registry. Fails with IllegalStateException when the calling thread is not in the process's own
     * namespace: everything the agent starts later would inherit the wrong one.
     */
    public static NetworkNamespaces open() throws IOException {
        int fd = NamespaceSyscalls.openReadOnly(OWN_NAMESPACE);
        try {
            NamespaceIdentity own = NamespaceIdentity.ofDescriptor(fd);
            requireThreadIn(own);
            RootNamespaceWarmup.ensureDone();
            return new NetworkNamespaces(fd, own);
        } catch (IOException | RuntimeException e) {
            NamespaceSyscalls.close(fd);
            throw e;
        }
    }

    /** The agent's own namespace. */
    public NamespaceIdentity ownNamespace() {
        return own;
    }

    /**
     * The socket factory of routing instance {@code name}, entering its namespace the first time. Later calls
     * return the same factory, whatever became of the namespace since; see {@link #reopen} to follow a replaced one.
     *
     * @throws NamespaceNotFoundException when {@code /run/netns/NAME} does not exist
     * @throws IllegalArgumentException when the name cannot be a namespace name
     * @throws IllegalStateException when called from a thread inside another namespace, or after {@link #close}
     */
    public synchronized InstanceSockets instance(String name) throws IOException {
        checkName(name);
        requireNotClosed();
        InstanceSockets existing = instances.get(name);
        if (existing != null) {
            return existing;
        }
        // A namespace thread started from a switched thread would inherit that thread's namespace.
        requireThreadIn(own);
        InstanceSockets opened = open(name);
        instances.put(name, opened);
        return opened;
    }

    /**
     * Opens the instance afresh and only then releases the old factory: for a namespace deleted and created again
     * under its name. When the namespace cannot be entered the old factory stays as it was.
     */
    public InstanceSockets reopen(String name) throws IOException {
        checkName(name);
        InstanceSockets fresh;
        InstanceSockets old;
        synchronized (this) {
            requireNotClosed();
            requireThreadIn(own);
            fresh = open(name);
            old = instances.put(name, fresh);
        }
        if (old != null) {
            old.release();
        }
        return fresh;
    }

    /**
     * Stops creating sockets in the instance (its thread ends). Sockets already created keep working until their
     * owners close them; they alone then keep a deleted namespace alive. Unknown names are ignored.
     */
    public void release(String name) {
        InstanceSockets released;
        synchronized (this) {
            released = instances.remove(name);
        }
        if (released != null) {
            released.release();
        }
    }

    /** The status of every open instance by name, read now. */
    public Map<String, NamespaceStatus> statuses() {
        List<InstanceSockets> open;
        synchronized (this) {
            open = new ArrayList<>(instances.values());
        }
        Map<String, NamespaceStatus> statuses = new LinkedHashMap<>();
        for (InstanceSockets instance : open) {
            statuses.put(instance.name(), instance.status());
        }
        return statuses;
    }

    /** Releases every instance and the descriptor of the agent's namespace. */
    @Override
    public void close() throws IOException {
        List<InstanceSockets> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(instances.values());
            instances.clear();
        }
        for (InstanceSockets instance : open) {
            instance.release();
        }
        NamespaceSyscalls.close(ownFd);
    }

    private InstanceSockets open(String name) throws IOException {
        return DEFAULT_INSTANCE.equals(name) ? InstanceSockets.ofDefault(name, own) : enter(name);
    }

    private InstanceSockets enter(String name) throws IOException {
        Path file = NAMESPACE_DIRECTORY.resolve(name);
        int fd;
        try {
            fd = NamespaceSyscalls.openReadOnly(file.toString());
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOENT) {
                throw new NamespaceNotFoundException(name, file);
            }
            throw new IOException("routing instance " + name + ": cannot open network namespace " + file + ": "
                    + e.getMessage(), e);
        }
        NamespaceIdentity identity;
        try {
            identity = NamespaceIdentity.ofDescriptor(fd);
            if (!identity.sameFilesystem(own)) {
                throw new IOException("routing instance " + name + ": " + file + " is not a network namespace");
            }
        } catch (IOException e) {
            NamespaceSyscalls.close(fd);
            throw e;
        }
        NamespaceThread thread = NamespaceThread.enter(name, file.toString(), fd, identity, ownFd);
        return InstanceSockets.ofNamespace(name, file, identity, thread);
    }

    private void requireNotClosed() {
        if (closed) {
            throw new IllegalStateException("network namespaces are closed");
        }
    }

    private static void requireThreadIn(NamespaceIdentity own) throws IOException {
        NamespaceIdentity current = NamespaceIdentity.ofCurrentThread();
        if (!current.equals(own)) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " is inside another network namespace (inode " + current.inode()
                    + "); routing instances are opened from the agent's own (inode " + own.inode() + ")");
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("routing instance \"" + name + "\": not a network namespace name"
                    + " (1.." + MAX_NAME_LENGTH + " characters, no '/', not '.' or '..')");
        }
    }
}
