package net.twampagent.dataplane;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.control.InstanceScope;
import net.twampagent.dataplane.control.ServerCore;
import net.twampagent.dataplane.nativeio.ReflectorEngines;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.Subscription;

/**
 * A running TWAMP server: TWAMP-Control on Netty and a Session-Reflector engine, driven by a
 * {@link ServerConfig}. {@link #apply} changes it live; {@link #snapshot} and {@link #subscribe} report on it.
 *
 * <p>Threads: one control event loop (every connection, timer and counter lives on it, whatever routing instance
 * it arrived in) and the engine's reflector threads; each routing instance other than {@code default} adds the
 * platform thread that creates its sockets inside its namespace. The methods here may be called from any thread
 * in the agent's own namespace.
 */
public final class TwampServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final ServerCore core;
    private final ReflectorEngine engine;
    private final ControlListeners listeners;
    private boolean closed;

    private TwampServer(final ServerConfig config, final ReflectorEngine engine) {
        this.engine = engine;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.core = new ServerCore(group.next(), engine, config);
        this.listeners = new ControlListeners(group, core);
    }

    /**
     * Starts a server with the reflector engine {@link ReflectorEngines#create()} picks: the FFM engine where it
     * runs (Linux with native access), else the portable NIO engine; {@code -Dtwamp.reflector.engine=nio} forces NIO.
     */
    public static TwampServer start(final ServerConfig config) throws ConfigurationRejectedException, IOException {
        return start(config, ReflectorEngines.create());
    }

    /**
     * Starts a server with the given reflector engine, which the server then owns (and closes). On failure
     * nothing is left running and the engine is closed. Call it from a thread in the agent's own network
     * namespace (any ordinary thread): the routing instances are entered from there.
     */
    public static TwampServer start(final ServerConfig config, final ReflectorEngine engine)
            throws ConfigurationRejectedException {
        final TwampServer server = new TwampServer(config, engine);
        try {
            checkSupported(config);
            server.listeners.apply(config);
            server.onLoop(() -> {
                server.core.listening(server.listeners.bound());
                return null;
            });
            return server;
        } catch (ConfigurationRejectedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Says whether {@code newConfig} could be applied now, without changing anything: the modes and features
     * it asks for are supported, the namespace of every routing instance it adds exists, and every TWAMP-Control
     * port it adds or moves can be bound there.
     */
    public void check(final ServerConfig newConfig) throws ConfigurationRejectedException {
        checkSupported(newConfig);
        synchronized (this) {
            listeners.check(newConfig);
        }
    }

    /**
     * Puts {@code newConfig} in force without a restart. A new port or address re-binds the listener of its
     * instance (the connections of the old one live on until they end); a routing instance added gets its
     * listener; one removed loses its listener and its connections ({@link CloseReason#ROUTING_INSTANCE_REMOVED});
     * new limits and modes apply to new admissions; connections whose client is no longer allowed, or all if the
     * server is disabled, are closed now. When it throws, nothing has changed.
     */
    public synchronized void apply(final ServerConfig newConfig) throws ConfigurationRejectedException {
        Objects.requireNonNull(newConfig, "newConfig");
        checkSupported(newConfig);
        final List<String> removed = listeners.apply(newConfig);
        final Map<InstanceScope, InetSocketAddress> bound = listeners.bound();
        onLoop(() -> {
            removed.forEach(instance -> core.closeInstance(instance, CloseReason.ROUTING_INSTANCE_REMOVED));
            core.apply(newConfig);
            core.listening(bound);
            return null;
        });
        listeners.release(removed);
    }

    /** The state now, consistent across connections, sessions and counters. */
    public ServerSnapshot snapshot() {
        return onLoop(core::snapshot);
    }

    /**
     * Subscribes to events (connection closed, session ended). They are delivered on the control thread: a
     * subscriber must return quickly. Closing the returned handle unsubscribes.
     */
    public Subscription subscribe(final Consumer<ServerEvent> subscriber) {
        return core.subscribe(subscriber);
    }

    /** Closes one control connection and its sessions (Junos {@code clear ... connection ID}). */
    public boolean clearConnection(final long connectionId) {
        return onLoop(() -> core.clear(connectionId));
    }

    /** Closes every control connection and their sessions; returns how many there were. */
    public int clearAll() {
        return onLoop(() -> core.closeAll(CloseReason.CLEARED));
    }

    /**
     * The bound TWAMP-Control address of the default instance (with the real port when the configuration said
     * 0), or of the first configured instance when the server does not listen in the default one.
     */
    public synchronized InetSocketAddress localAddress() {
        final InetSocketAddress own = listeners.localAddress(RoutingInstance.DEFAULT);
        return own != null ? own : listeners.localAddress(listeners.instances().iterator().next());
    }

    /** The bound TWAMP-Control address in routing instance {@code instance}, empty when it has no listener. */
    public synchronized Optional<InetSocketAddress> localAddress(final String instance) {
        return Optional.ofNullable(listeners.localAddress(instance));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        final boolean listened = !listeners.instances().isEmpty();
        listeners.close();
        if (listened) {
            onLoop(() -> core.closeAll(CloseReason.SERVER_SHUTDOWN));
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        engine.close();
    }

    private static void checkSupported(final ServerConfig cfg) throws ConfigurationRejectedException {
        for (AuthMode mode : cfg.modes()) {
            if (mode.needsKey() && cfg.keys().isEmpty()) {
                throw new ConfigurationRejectedException("authentication-mode", "authentication-mode "
                    + mode.name().toLowerCase().replace('_', '-')
                    + " needs at least one key: configure authentication-key-chain NAME key-id ID secret S");
            }
        }
        if (cfg.lightPort().isPresent()) {
            throw new ConfigurationRejectedException("light", "TWAMP Light (port " + cfg.lightPort().getAsInt()
                + ") is not supported yet");
        }
    }

    private <T> T onLoop(final Callable<T> task) {
        try {
            return core.loop().submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the control thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the control thread failed: " + e.getCause(), e.getCause());
        }
    }
}
