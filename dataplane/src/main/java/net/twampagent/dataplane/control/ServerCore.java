package net.twampagent.dataplane.control;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.state.Subscription;
import net.twampagent.dataplane.wire.NtpTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state every connection of one server shares: the configuration in force, the open connections, the
 * session count, the counters and the event subscribers. Used on the control event loop thread only (except
 * {@link #subscribe}), which is what keeps it lock-free and its snapshots consistent.
 */
public final class ServerCore {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);

    private final EventLoop loop;
    private final ReflectorEngine engine;
    private final Instant startTime = Instant.now();
    private final long startTimeNtp = NtpTimestamp.ofInstant(startTime);
    private final SidGenerator sids = new SidGenerator();
    private final Map<Long, ControlConnectionHandler> connections = new LinkedHashMap<>();
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private final Set<ControlConnectionHandler> lingering = new LinkedHashSet<>();
    private final Map<Refusal, Long> refusals = new EnumMap<>(Refusal.class);
    private final Map<CloseReason, Long> closes = new EnumMap<>(CloseReason.class);
    private final Map<SessionEndReason, Long> sessionEnds = new EnumMap<>(SessionEndReason.class);
    private final List<Consumer<ServerEvent>> subscribers = new CopyOnWriteArrayList<>();
    private ServerConfig config;
    private List<InetSocketAddress> listening = List.of();
    private long nextConnectionId = 1;
    private long connectionsAccepted;
    private long sessionsAccepted;
    private int sessionCount;

    public ServerCore(final EventLoop loop, final ReflectorEngine engine, final ServerConfig config) {
        this.loop = loop;
        this.engine = engine;
        this.config = config;
    }

    /** The loop every connection of this server runs on. */
    public EventLoop loop() {
        return loop;
    }

    ReflectorEngine engine() {
        return engine;
    }

    /** The configuration in force for new admissions. */
    public ServerConfig config() {
        return config;
    }

    long startTimeNtp() {
        return startTimeNtp;
    }

    SidGenerator sids() {
        return sids;
    }

    /** Records the bound listening addresses, for snapshots. */
    public void listening(final List<InetSocketAddress> addresses) {
        listening = List.copyOf(addresses);
    }

    /**
     * Puts a new configuration in force: later admissions and requests see its limits and modes; connections
     * whose client it no longer allows, or all of them if it disables the server, are closed now.
     */
    public void apply(final ServerConfig newConfig) {
        config = newConfig;
        for (ControlConnectionHandler connection : List.copyOf(connections.values())) {
            if (!newConfig.enabled()) {
                connection.close(CloseReason.SERVER_DISABLED);
            } else if (!allowed(newConfig, connection.client().getAddress())) {
                connection.close(CloseReason.CLIENT_LIST_CHANGED);
            }
        }
    }

    /** The reason to refuse a new connection from {@code client}, or null to admit it. */
    Refusal admission(final InetSocketAddress client) {
        if (!config.enabled()) {
            return Refusal.SERVER_DISABLED;
        }
        if (!allowed(config, client.getAddress())) {
            return Refusal.CLIENT_NOT_ALLOWED;
        }
        if (connections.size() >= config.maximumConnections()) {
            return Refusal.MAXIMUM_CONNECTIONS;
        }
        if (perClient.getOrDefault(client.getAddress(), 0) >= config.maximumConnectionsPerClient()) {
            return Refusal.MAXIMUM_CONNECTIONS_PER_CLIENT;
        }
        return null;
    }

    private static boolean allowed(final ServerConfig cfg, final InetAddress address) {
        if (cfg.clientList().isEmpty()) {
            return true;
        }
        for (ClientPrefix prefix : cfg.clientList()) {
            if (prefix.matches(address, RoutingInstance.DEFAULT)) {
                return true;
            }
        }
        return false;
    }

    long register(final ControlConnectionHandler connection) {
        final long id = nextConnectionId++;
        connections.put(id, connection);
        perClient.merge(connection.client().getAddress(), 1, Integer::sum);
        connectionsAccepted++;
        return id;
    }

    /**
     * Forgets a closed connection; when {@code lingering}, its stopped sessions still run out their Timeout and
     * stay in snapshots until {@link #lingerEnded}.
     */
    void unregister(final ControlConnectionHandler connection, final CloseReason reason, final boolean lingering) {
        if (connections.remove(connection.id()) == null) {
            return;
        }
        if (lingering) {
            this.lingering.add(connection);
        }
        perClient.computeIfPresent(connection.client().getAddress(), (a, n) -> n > 1 ? n - 1 : null);
        closes.merge(reason, 1L, Long::sum);
        publish(new ServerEvent.ConnectionClosed(Instant.now(), connection.snapshot(), reason));
    }

    /** The reason to refuse one more session on a connection that has {@code onConnection}, or null. */
    Refusal sessionAdmission(final int onConnection) {
        if (sessionCount >= config.maximumSessions()) {
            return Refusal.MAXIMUM_SESSIONS;
        }
        if (onConnection >= config.maximumSessionsPerConnection()) {
            return Refusal.MAXIMUM_SESSIONS_PER_CONNECTION;
        }
        return null;
    }

    void sessionOpened() {
        sessionCount++;
        sessionsAccepted++;
    }

    void lingerEnded(final ControlConnectionHandler connection) {
        lingering.remove(connection);
    }

    void sessionEnded(final SessionSnapshot session, final SessionEndReason reason) {
        sessionCount--;
        sessionEnds.merge(reason, 1L, Long::sum);
        publish(new ServerEvent.SessionEnded(Instant.now(), session, reason));
    }

    /** Counts a refusal and logs it once. */
    void refuse(final Refusal reason, final InetSocketAddress client, final String detail) {
        refusals.merge(reason, 1L, Long::sum);
        LOG.info("TWAMP refused {} from {}: {}", reason, client, detail);
    }

    /** Closes one connection administratively; false when there is no such connection. */
    public boolean clear(final long connectionId) {
        final ControlConnectionHandler connection = connections.get(connectionId);
        if (connection == null) {
            return false;
        }
        connection.close(CloseReason.CLEARED);
        return true;
    }

    /** Closes every connection for {@code reason}; returns how many there were. */
    public int closeAll(final CloseReason reason) {
        final List<ControlConnectionHandler> all = List.copyOf(connections.values());
        all.forEach(c -> c.close(reason));
        List.copyOf(lingering).forEach(c -> c.endRemainingSessions(reason == CloseReason.CLEARED
            ? SessionEndReason.CLEARED : SessionEndReason.CONNECTION_CLOSED));
        return all.size();
    }

    /** The state now. */
    public ServerSnapshot snapshot() {
        final List<ConnectionSnapshot> conns = new ArrayList<>();
        final List<SessionSnapshot> sessions = new ArrayList<>();
        for (ControlConnectionHandler connection : connections.values()) {
            conns.add(connection.snapshot());
            connection.sessionSnapshots(sessions);
        }
        for (ControlConnectionHandler connection : lingering) {
            connection.sessionSnapshots(sessions);
        }
        return new ServerSnapshot(startTime, listening, engine.name(), conns, sessions, refusals, closes,
            sessionEnds, connectionsAccepted, sessionsAccepted);
    }

    /** Adds an event subscriber; events arrive on the control thread, so a subscriber must not block. */
    public Subscription subscribe(final Consumer<ServerEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void publish(final ServerEvent event) {
        for (Consumer<ServerEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event subscriber failed on {}", event, e);
            }
        }
    }
}
