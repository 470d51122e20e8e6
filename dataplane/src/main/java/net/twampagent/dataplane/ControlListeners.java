package net.twampagent.dataplane;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.control.ControlChannelInitializer;
import net.twampagent.dataplane.control.InstanceScope;
import net.twampagent.dataplane.control.ServerCore;
import net.twampagent.dataplane.netns.InstanceSockets;
import net.twampagent.dataplane.netns.NetworkNamespaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TWAMP-Control listeners of one server, one per routing instance: the default instance's on the agent's own
 * namespace, every other one on a listener created inside the instance's namespace and adopted by Netty on the
 * server's event loop (which stays in the agent's namespace). Not thread-safe: {@link TwampServer} serialises
 * the calls.
 */
final class ControlListeners implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlListeners.class);
    private static final String KNOB = "routing-instance-list";
    private static final int BACKLOG = 256;
    // Every address of an instance, IPv4 and IPv6 alike: a dual-stack socket (the JDK clears IPV6_V6ONLY).
    private static final InetAddress EVERY_ADDRESS = InetAddress.ofLiteral("::");

    private final EventLoopGroup group;
    private final ServerCore core;
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private NetworkNamespaces namespaces;

    private record Listener(InstanceScope scope, InetSocketAddress wanted, Channel channel) {
    }

    ControlListeners(final EventLoopGroup group, final ServerCore core) {
        this.group = group;
        this.core = core;
    }

    /**
     * Where {@code cfg} wants a listener, by instance: no routing-instance-list means the default instance on
     * {@code port}; otherwise each listed instance on its port, the default one on {@code listen-address} and the
     * others on every address of their namespace (the agent's listen-address is not theirs).
     */
    static Map<String, InetSocketAddress> wanted(final ServerConfig cfg) {
        final Map<String, InetSocketAddress> wanted = new LinkedHashMap<>();
        if (cfg.routingInstances().isEmpty()) {
            wanted.put(RoutingInstance.DEFAULT, ownAddress(cfg, cfg.port()));
        }
        for (RoutingInstance instance : cfg.routingInstances()) {
            wanted.put(instance.name(), instance.isDefault() ? ownAddress(cfg, instance.port())
                : new InetSocketAddress(EVERY_ADDRESS, instance.port()));
        }
        return wanted;
    }

    /** Whether {@link #apply} would succeed: every new or moved listener can be bound. Opens nothing that stays. */
    void check(final ServerConfig cfg) throws ConfigurationRejectedException {
        for (Map.Entry<String, InetSocketAddress> entry : wanted(cfg).entrySet()) {
            final String name = entry.getKey();
            final Listener current = listeners.get(name);
            if (current != null && current.wanted().equals(entry.getValue())) {
                continue;
            }
            if (RoutingInstance.DEFAULT.equals(name)) {
                probeDefault(entry.getValue(), cfg);
            } else {
                probeInstance(name, entry.getValue());
            }
        }
    }

    /**
     * Opens the listeners {@code cfg} adds or moves, then closes those it moves or removes; returns the instances
     * removed, whose connections the caller ends and which it then {@link #release}s. When a listener cannot be
     * opened nothing has changed.
     */
    List<String> apply(final ServerConfig cfg) throws ConfigurationRejectedException {
        final Map<String, InetSocketAddress> wanted = wanted(cfg);
        final Map<String, Listener> fresh = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, InetSocketAddress> entry : wanted.entrySet()) {
                final Listener current = listeners.get(entry.getKey());
                if (current == null || !current.wanted().equals(entry.getValue())) {
                    fresh.put(entry.getKey(), open(entry.getKey(), entry.getValue(), cfg));
                }
            }
        } catch (ConfigurationRejectedException | RuntimeException e) {
            // Never announced as open, so their close is not announced either.
            fresh.values().forEach(listener -> listener.channel().close().syncUninterruptibly());
            // Also the instance whose listener failed: it may have been entered before its port was refused.
            release(List.copyOf(wanted.keySet()));
            throw e;
        }
        final List<String> removed = new ArrayList<>();
        for (String name : List.copyOf(listeners.keySet())) {
            if (!wanted.containsKey(name)) {
                removed.add(name);
                closeLogged(name, listeners.remove(name));
            }
        }
        fresh.forEach((name, listener) -> {
            final Listener old = listeners.put(name, listener);
            if (old != null) {
                closeLogged(name, old);
            }
            LOG.info("TWAMP-Control listener opened: instance {} address {} port {}", name,
                NetUtil.toAddressString(address(listener).getAddress()), address(listener).getPort());
        });
        return removed;
    }

    /** Stops creating sockets in instances no longer configured; the sockets they made stay with their owners. */
    void release(final List<String> instances) {
        if (namespaces == null) {
            return;
        }
        for (String name : instances) {
            if (!RoutingInstance.DEFAULT.equals(name) && !listeners.containsKey(name)) {
                namespaces.release(name);
            }
        }
    }

    /** Every bound listener with its instance, in configuration order. */
    Map<InstanceScope, InetSocketAddress> bound() {
        final Map<InstanceScope, InetSocketAddress> bound = new LinkedHashMap<>();
        listeners.values().forEach(l -> bound.put(l.scope(), address(l)));
        return bound;
    }

    /** The bound address in {@code instance}, or null when the server does not listen there. */
    InetSocketAddress localAddress(final String instance) {
        final Listener listener = listeners.get(instance);
        return listener == null ? null : address(listener);
    }

    /** The instances listened in, in configuration order. */
    Set<String> instances() {
        return listeners.keySet();
    }

    @Override
    public void close() {
        listeners.forEach(ControlListeners::closeLogged);
        listeners.clear();
        if (namespaces != null) {
            try {
                namespaces.close();
            } catch (IOException e) {
                // Only the descriptor of the agent's own namespace is left to close; the process keeps it open.
            }
        }
    }

    /** Closes a listener that was announced as open, and says so: one line per listener opened or closed. */
    private static void closeLogged(final String name, final Listener listener) {
        final InetSocketAddress address = address(listener);
        listener.channel().close().syncUninterruptibly();
        LOG.info("TWAMP-Control listener closed: instance {} address {} port {}", name,
            NetUtil.toAddressString(address.getAddress()), address.getPort());
    }

    private static InetSocketAddress address(final Listener listener) {
        return (InetSocketAddress) listener.channel().localAddress();
    }

    private Listener open(final String name, final InetSocketAddress address, final ServerConfig cfg)
            throws ConfigurationRejectedException {
        if (RoutingInstance.DEFAULT.equals(name)) {
            return new Listener(InstanceScope.ofDefault(), address, bindDefault(address, cfg));
        }
        final InstanceSockets sockets = sockets(name);
        final InstanceScope scope = InstanceScope.of(sockets);
        final ServerSocketChannel socket;
        try {
            socket = sockets.openServer(address, BACKLOG);
        } catch (IOException e) {
            throw rejection(name, address, e);
        }
        try {
            final Channel channel = bootstrap(scope).channelFactory(() -> new NioServerSocketChannel(socket))
                .register().sync().channel();
            return new Listener(scope, address, channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(socket);
            throw new ConfigurationRejectedException(KNOB, name, "routing instance " + name
                + ": interrupted while starting its listener", e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw rejection(name, address, e);
        }
    }

    private Channel bindDefault(final InetSocketAddress address, final ServerConfig cfg)
            throws ConfigurationRejectedException {
        try {
            return bootstrap(InstanceScope.ofDefault()).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG).bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationRejectedException("port", "interrupted while binding " + describe(address), e);
        } catch (Exception e) {
            throw defaultRejection(address, cfg, e);
        }
    }

    private ServerBootstrap bootstrap(final InstanceScope scope) {
        return new ServerBootstrap().group(group).childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ControlChannelInitializer(core, scope));
    }

    private static void probeDefault(final InetSocketAddress address, final ServerConfig cfg)
            throws ConfigurationRejectedException {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(address);
        } catch (IOException e) {
            throw defaultRejection(address, cfg, e);
        }
    }

    /** Enters the instance (if it is not in use already) and binds its port there once, then lets both go. */
    private void probeInstance(final String name, final InetSocketAddress address)
            throws ConfigurationRejectedException {
        final boolean inUse = listeners.containsKey(name);
        try {
            try {
                sockets(name).openServer(address, 1).close();
            } catch (IOException e) {
                throw rejection(name, address, e);
            }
        } finally {
            if (!inUse) {
                release(List.of(name));
            }
        }
    }

    private InstanceSockets sockets(final String name) throws ConfigurationRejectedException {
        try {
            if (namespaces == null) {
                namespaces = NetworkNamespaces.open();
            }
            return namespaces.instance(name);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConfigurationRejectedException(KNOB, name, e.getMessage(), e);
        } catch (UnsupportedOperationException | LinkageError e) {
            throw new ConfigurationRejectedException(KNOB, name, "routing instance " + name
                + ": network namespaces cannot be used here (" + e + ")", e);
        }
    }

    private static ConfigurationRejectedException rejection(final String name, final InetSocketAddress address,
            final Exception e) {
        final String reason = e.getCause() != null && e.getCause().getMessage() != null
            ? e.getCause().getMessage() : e.getMessage();
        return new ConfigurationRejectedException(KNOB, name, "routing instance " + name
            + ": TWAMP-Control cannot listen on " + describe(address) + ": " + reason, e);
    }

    private static ConfigurationRejectedException defaultRejection(final InetSocketAddress address,
            final ServerConfig cfg, final Exception e) {
        if (!cfg.routingInstances().isEmpty()) {
            return new ConfigurationRejectedException(KNOB, RoutingInstance.DEFAULT, "routing instance "
                + RoutingInstance.DEFAULT + ": TWAMP-Control cannot listen on " + describe(address) + ": "
                + e.getMessage(), e);
        }
        final String knob = e instanceof BindException && address.getPort() != 0 ? "port" : "listen-address";
        return new ConfigurationRejectedException(knob, "TWAMP-Control cannot listen on " + describe(address)
            + ": " + e.getMessage(), e);
    }

    private static String describe(final InetSocketAddress address) {
        return (address.getAddress().isAnyLocalAddress() ? "*" : address.getAddress().getHostAddress()) + " port "
            + address.getPort();
    }

    private static InetSocketAddress ownAddress(final ServerConfig cfg, final int port) {
        return cfg.listenAddress() == null ? new InetSocketAddress(port)
            : new InetSocketAddress(cfg.listenAddress(), port);
    }

    private static void closeQuietly(final ServerSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // It was never handed out; there is nobody to tell.
        }
    }
}
