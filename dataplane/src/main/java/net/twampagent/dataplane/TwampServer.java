package net.twampagent.dataplane;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.control.ControlChannelInitializer;
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
 * <p>Threads: one control event loop (every connection, timer and counter lives on it) and the engine's
 * reflector threads. The methods here may be called from any thread.
 */
public final class TwampServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final ServerCore core;
    private final ReflectorEngine engine;
    private ServerConfig config;
    private Channel listener;
    private boolean closed;

    private TwampServer(final ServerConfig config, final ReflectorEngine engine) {
        this.config = config;
        this.engine = engine;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.core = new ServerCore(group.next(), engine, config);
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
     * nothing is left running and the engine is closed.
     */
    public static TwampServer start(final ServerConfig config, final ReflectorEngine engine)
            throws ConfigurationRejectedException {
        final TwampServer server = new TwampServer(config, engine);
        try {
            checkSupported(config);
            server.listener = server.bind(config);
            return server;
        } catch (ConfigurationRejectedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Says whether {@code newConfig} could be applied now, without changing anything: the modes and features
     * it asks for are supported and its TWAMP-Control port can be bound.
     */
    public void check(final ServerConfig newConfig) throws ConfigurationRejectedException {
        checkSupported(newConfig);
        synchronized (this) {
            if (!sameListener(config, newConfig)) {
                probeBind(listenAddress(newConfig));
            }
        }
    }

    /**
     * Puts {@code newConfig} in force without a restart. A new port or address re-binds the listener (the
     * connections of the old one live on until they end); new limits and modes apply to new admissions;
     * connections whose client is no longer allowed, or all if the server is disabled, are closed now. When it
     * throws, nothing has changed.
     */
    public synchronized void apply(final ServerConfig newConfig) throws ConfigurationRejectedException {
        Objects.requireNonNull(newConfig, "newConfig");
        checkSupported(newConfig);
        if (!sameListener(config, newConfig)) {
            final Channel fresh = bind(newConfig);
            final Channel old = listener;
            listener = fresh;
            old.close().syncUninterruptibly();
        }
        config = newConfig;
        onLoop(() -> {
            core.apply(newConfig);
            return null;
        });
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

    /** The bound TWAMP-Control address (with the real port when the configuration said 0). */
    public synchronized InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.close().syncUninterruptibly();
            onLoop(() -> core.closeAll(CloseReason.SERVER_SHUTDOWN));
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        engine.close();
    }

    private Channel bind(final ServerConfig cfg) throws ConfigurationRejectedException {
        final InetSocketAddress address = listenAddress(cfg);
        try {
            final Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ControlChannelInitializer(core)).bind(address).sync().channel();
            onLoop(() -> {
                core.listening(List.of((InetSocketAddress) channel.localAddress()));
                return null;
            });
            return channel;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationRejectedException("port", "interrupted while binding " + describe(address), e);
        } catch (Exception e) {
            throw bindRejection(address, e);
        }
    }

    private static void probeBind(final InetSocketAddress address) throws ConfigurationRejectedException {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(address);
        } catch (IOException e) {
            throw bindRejection(address, e);
        }
    }

    private static ConfigurationRejectedException bindRejection(final InetSocketAddress address, final Exception e) {
        final String knob = e instanceof BindException && address.getPort() != 0 ? "port" : "listen-address";
        return new ConfigurationRejectedException(knob, "TWAMP-Control cannot listen on " + describe(address)
            + ": " + e.getMessage(), e);
    }

    private static String describe(final InetSocketAddress address) {
        return (address.getAddress().isAnyLocalAddress() ? "*" : address.getAddress().getHostAddress()) + " port "
            + address.getPort();
    }

    private static void checkSupported(final ServerConfig cfg) throws ConfigurationRejectedException {
        for (AuthMode mode : cfg.modes()) {
            if (mode != AuthMode.NONE) {
                throw new ConfigurationRejectedException("authentication-mode", "authentication-mode "
                    + mode.name().toLowerCase().replace('_', '-')
                    + " is not supported yet: this dataplane offers only none (unauthenticated, mode 1)");
            }
        }
        for (RoutingInstance instance : cfg.routingInstances()) {
            if (!instance.isDefault()) {
                throw new ConfigurationRejectedException("routing-instance-list", "routing instance "
                    + instance.name() + " is not supported yet: the dataplane listens in the default instance only");
            }
        }
        if (cfg.lightPort().isPresent()) {
            throw new ConfigurationRejectedException("light", "TWAMP Light (port " + cfg.lightPort().getAsInt()
                + ") is not supported yet");
        }
    }

    private static boolean sameListener(final ServerConfig a, final ServerConfig b) {
        return a.port() == b.port() && Objects.equals(a.listenAddress(), b.listenAddress());
    }

    private static InetSocketAddress listenAddress(final ServerConfig cfg) {
        return cfg.listenAddress() == null ? new InetSocketAddress(cfg.port())
            : new InetSocketAddress(cfg.listenAddress(), cfg.port());
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
