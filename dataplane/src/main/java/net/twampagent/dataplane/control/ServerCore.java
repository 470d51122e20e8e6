package net.twampagent.dataplane.control;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.crypto.TokenVerifier;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.ListeningEndpoint;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventLoop loop;
    private final ReflectorEngine engine;
    private final Instant startTime = Instant.now();
    private final long startTimeNtp = NtpTimestamp.ofInstant(startTime);
    private final SidGenerator sids = new SidGenerator();
    private final Map<Long, ControlConnectionHandler> connections = new LinkedHashMap<>();
    private final Map<ClientKey, Integer> perClient = new HashMap<>();
    private final Set<ControlConnectionHandler> lingering = new LinkedHashSet<>();
    private final Map<Refusal, Long> refusals = new EnumMap<>(Refusal.class);
    private final Map<CloseReason, Long> closes = new EnumMap<>(CloseReason.class);
    private final Map<SessionEndReason, Long> sessionEnds = new EnumMap<>(SessionEndReason.class);
    private final Map<DropReason, Long> endedSessionDrops = new EnumMap<>(DropReason.class);
    private final List<Consumer<ServerEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, Long> authenticationFailures = new TreeMap<>();
    private long unknownKeyIdFailures;
    private long controlHmacFailures;
    private ServerConfig config;
    private TokenVerifier verifier;
    private Map<InstanceScope, InetSocketAddress> listening = Map.of();
    private long nextConnectionId = 1;
    private long connectionsAccepted;
    private long sessionsAccepted;
    private int sessionCount;

    public ServerCore(final EventLoop loop, final ReflectorEngine engine, final ServerConfig config) {
        this.loop = loop;
        this.engine = engine;
        this.config = config;
        this.verifier = new TokenVerifier(config.keys(), RANDOM);
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

    /**
     * The check of Set-Up-Responses under the keys in force: a key added, changed or removed applies to the
     * connections that authenticate from now on, never to those already keyed.
     */
    TokenVerifier verifier() {
        return verifier;
    }

    long startTimeNtp() {
        return startTimeNtp;
    }

    SidGenerator sids() {
        return sids;
    }

    /** Records the bound listeners, each with the routing instance it lives in, for snapshots. */
    public void listening(final Map<InstanceScope, InetSocketAddress> listeners) {
        listening = new LinkedHashMap<>(listeners);
    }

    /**
     * Puts a new configuration in force: later admissions and requests see its limits and modes; connections
     * whose client it no longer allows, or all of them if it disables the server, are closed now.
     */
    public void apply(final ServerConfig newConfig) {
        if (!newConfig.keys().equals(config.keys())) {
            verifier = new TokenVerifier(newConfig.keys(), RANDOM);
        }
        config = newConfig;
        for (ControlConnectionHandler connection : List.copyOf(connections.values())) {
            if (!newConfig.enabled()) {
                connection.close(CloseReason.SERVER_DISABLED);
            } else if (!allowed(newConfig, connection.client().getAddress(), connection.instance())) {
                connection.close(CloseReason.CLIENT_LIST_CHANGED);
            }
        }
    }

    /**
     * Ends the connections that arrived in routing instance {@code instance}, and the sessions their closed
     * connections left running out their Timeout; returns how many connections there were.
     */
    public int closeInstance(final String instance, final CloseReason reason) {
        final List<ControlConnectionHandler> closing = connections.values().stream()
            .filter(c -> c.instance().equals(instance)).toList();
        closing.forEach(c -> c.close(reason));
        lingering.stream().filter(c -> c.instance().equals(instance)).toList()
            .forEach(c -> c.endRemainingSessions(SessionEndReason.CONNECTION_CLOSED));
        return closing.size();
    }

    /**
     * The reason to refuse a new connection from {@code client} arriving in {@code instance}, or null to admit it.
     * The limits count connections of every instance together, as Junos does; the per-client limit counts one
     * address per instance, since the same address in two namespaces is two different hosts.
     */
    Refusal admission(final InetSocketAddress client, final String instance) {
        if (!config.enabled()) {
            return Refusal.SERVER_DISABLED;
        }
        if (!allowed(config, client.getAddress(), instance)) {
            return Refusal.CLIENT_NOT_ALLOWED;
        }
        if (connections.size() >= config.maximumConnections()) {
            return Refusal.MAXIMUM_CONNECTIONS;
        }
        if (perClient.getOrDefault(new ClientKey(instance, client.getAddress()), 0)
                >= config.maximumConnectionsPerClient()) {
            return Refusal.MAXIMUM_CONNECTIONS_PER_CLIENT;
        }
        return null;
    }

    private static boolean allowed(final ServerConfig cfg, final InetAddress address, final String instance) {
        if (cfg.clientList().isEmpty()) {
            return true;
        }
        for (ClientPrefix prefix : cfg.clientList()) {
            if (prefix.matches(address, instance)) {
                return true;
            }
        }
        return false;
    }

    long register(final ControlConnectionHandler connection) {
        final long id = nextConnectionId++;
        connections.put(id, connection);
        perClient.merge(ClientKey.of(connection), 1, Integer::sum);
        connectionsAccepted++;
        return id;
    }

    /**
     * Forgets a closed connection, published as it was in {@code last}; when {@code lingering}, its stopped sessions still run out their Timeout and
     * stay in snapshots until {@link #lingerEnded}.
     */
    void unregister(final ControlConnectionHandler connection, final ConnectionSnapshot last,
            final CloseReason reason, final boolean lingering) {
        if (connections.remove(connection.id()) == null) {
            return;
        }
        if (lingering) {
            this.lingering.add(connection);
        }
        perClient.computeIfPresent(ClientKey.of(connection), (a, n) -> n > 1 ? n - 1 : null);
        closes.merge(reason, 1L, Long::sum);
        publish(new ServerEvent.ConnectionClosed(Instant.now(), last, reason));
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
        // Folded in once at the end so the reflector's hot path keeps counting per session only.
        session.stats().dropped().forEach((why, n) -> endedSessionDrops.merge(why, n, Long::sum));
        publish(new ServerEvent.SessionEnded(Instant.now(), session, reason));
    }

    /** Counts a refusal and logs it once. */
    void refuse(final Refusal reason, final InetSocketAddress client, final String detail) {
        refusals.merge(reason, 1L, Long::sum);
        LOG.info("TWAMP refused {} from {}: {}", reason, client, detail);
    }

    /**
     * Counts a Set-Up-Response that failed to authenticate and logs it once, without the secret or the Token.
     *
     * @param keyId the KeyID the client sent
     * @param known whether a key chain has it: failures are kept by KeyID for configured KeyIDs only
     */
    void authenticationFailed(final String keyId, final boolean known, final InetSocketAddress client) {
        if (known) {
            authenticationFailures.merge(keyId, 1L, Long::sum);
        } else {
            unknownKeyIdFailures++;
        }
        LOG.warn("TWAMP authentication failed from {}: KeyID \"{}\" {}", client, printable(keyId),
            known ? "is configured, but the Token does not open with its secret (wrong secret)"
                : "is in no key chain");
    }

    /** Counts a ciphered control message whose HMAC did not verify, and logs it once. */
    void controlHmacFailed(final long connectionId, final InetSocketAddress client) {
        controlHmacFailures++;
        LOG.warn("TWAMP connection {} from {} closed: a control message failed its HMAC (altered, replayed or "
            + "ciphered with other keys)", connectionId, client);
    }

    /** A client's KeyID fit for a log line: printable ASCII, anything else as '?'. */
    private static String printable(final String keyId) {
        final StringBuilder text = new StringBuilder(keyId.length());
        keyId.chars().forEach(c -> text.append(c >= 0x20 && c < 0x7f && c != '"' ? (char) c : '?'));
        return text.toString();
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
        final Map<DropReason, Long> dropped = new EnumMap<>(endedSessionDrops);
        for (SessionSnapshot session : sessions) {
            session.stats().dropped().forEach((why, n) -> dropped.merge(why, n, Long::sum));
        }
        final List<ListeningEndpoint> endpoints = new ArrayList<>();
        listening.forEach((instance, address) ->
            endpoints.add(new ListeningEndpoint(instance.name(), address, instance.status())));
        return new ServerSnapshot(startTime, List.copyOf(listening.values()), engine.name(), conns, sessions,
            refusals, closes, sessionEnds, connectionsAccepted, sessionsAccepted, endpoints, authenticationFailures,
            unknownKeyIdFailures, controlHmacFailures, dropped);
    }

    /** Adds an event subscriber; events arrive on the control thread, so a subscriber must not block. */
    public Subscription subscribe(final Consumer<ServerEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** One client address in one routing instance: the unit of maximum-connections-per-client. */
    private record ClientKey(String instance, InetAddress address) {
        static ClientKey of(final ControlConnectionHandler connection) {
            return new ClientKey(connection.instance(), connection.client().getAddress());
        }
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
