package net.twampagent.dataplane.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.netns.InstanceSockets;
import net.twampagent.dataplane.netns.NamespaceStatus;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;

/**
 * The routing instance a listener lives in, shared by the connections it accepts and their sessions. The session
 * sockets must be created where the connection arrived: a socket belongs to the namespace of the thread that
 * creates it, so for an instance the engine's whole {@code open} runs on the instance's own thread (it creates and
 * binds the socket and hands it to a reflector thread; it starts no thread, as {@link InstanceSockets#call}
 * requires).
 */
public final class InstanceScope {
    private static final InstanceScope DEFAULT = new InstanceScope(RoutingInstance.DEFAULT, null);

    private final String name;
    private final InstanceSockets sockets;

    private InstanceScope(final String name, final InstanceSockets sockets) {
        this.name = name;
        this.sockets = sockets;
    }

    /** The agent's own namespace: sockets are created on the calling thread, which is in it. */
    public static InstanceScope ofDefault() {
        return DEFAULT;
    }

    /** The instance whose sockets {@code sockets} creates. */
    public static InstanceScope of(final InstanceSockets sockets) {
        return new InstanceScope(sockets.name(), Objects.requireNonNull(sockets, "sockets"));
    }

    /** The routing instance's name. */
    public String name() {
        return name;
    }

    /**
     * Whether the instance's namespace still goes by its name. A status that cannot be read (the namespace
     * directory itself unreadable) counts as deleted: the name cannot be shown to name it.
     */
    public NamespaceStatus status() {
        if (sockets == null) {
            return NamespaceStatus.PRESENT;
        }
        try {
            return sockets.status();
        } catch (UncheckedIOException e) {
            return NamespaceStatus.DELETED;
        }
    }

    /** Opens a session's endpoint in this instance; a {@link java.net.BindException} comes through as it is. */
    ReflectorSession open(final ReflectorEngine engine, final SessionSpec spec) throws IOException {
        return sockets == null ? engine.open(spec) : sockets.call(() -> engine.open(spec));
    }
}
