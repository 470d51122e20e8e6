package net.twampagent.dataplane.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The whole configuration of one TWAMP server, as Junos {@code services rpm twamp server} has it, in the
 * dataplane's own units (durations, not minutes or hours). Immutable; the ranges are checked here too so the
 * dataplane never runs on a value the model would have refused.
 *
 * @param enabled whether the server runs at all (the presence of {@code /twamp/server})
 * @param modes the security modes offered in the Server Greeting
 * @param keys shared secrets by KeyID, flattened over every key chain
 * @param clientList allowed control clients; empty means every client is allowed
 * @param maxConnectionDuration the longest life of a control connection; {@link Duration#ZERO} is unlimited
 * @param maximumConnections control connections, all clients (1..1000)
 * @param maximumConnectionsPerClient control connections from one client address (1..500)
 * @param maximumSessions test sessions, all connections (1..2048)
 * @param maximumSessionsPerConnection test sessions on one control connection (1..1024)
 * @param port the TWAMP-Control TCP port of the default instance
 * @param listenAddress the local address to listen on; null is every local address (IPv4 and IPv6)
 * @param routingInstances the instances to listen in; empty means the default instance only, on {@code port}
 * @param serverInactivityTimeout SERVWAIT; {@link Duration#ZERO} never times out
 * @param reflectorInactivityTimeout REFWAIT
 * @param lightPort the UDP port of the TWAMP-Light / STAMP reflector; empty when it is off
 * @param kdfCount the PBKDF2 iteration Count sent in the Server Greeting (a power of two, at least 1024)
 */
public record ServerConfig(
        boolean enabled,
        Set<AuthMode> modes,
        Map<String, SharedSecret> keys,
        List<ClientPrefix> clientList,
        Duration maxConnectionDuration,
        int maximumConnections,
        int maximumConnectionsPerClient,
        int maximumSessions,
        int maximumSessionsPerConnection,
        int port,
        InetAddress listenAddress,
        List<RoutingInstance> routingInstances,
        Duration serverInactivityTimeout,
        Duration reflectorInactivityTimeout,
        OptionalInt lightPort,
        int kdfCount) {

    /** Junos's default TWAMP-Control port, also the IANA twamp-control port. */
    public static final int DEFAULT_PORT = 862;

    public ServerConfig {
        modes = modes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modes));
        keys = Map.copyOf(keys);
        clientList = List.copyOf(clientList);
        routingInstances = List.copyOf(routingInstances);
        Objects.requireNonNull(maxConnectionDuration, "maxConnectionDuration");
        Objects.requireNonNull(serverInactivityTimeout, "serverInactivityTimeout");
        Objects.requireNonNull(reflectorInactivityTimeout, "reflectorInactivityTimeout");
        Objects.requireNonNull(lightPort, "lightPort");
        if (enabled && modes.isEmpty()) {
            throw new IllegalArgumentException("an enabled server offers at least one mode");
        }
        checkRange("maximum-connections", maximumConnections, 1, 1000);
        checkRange("maximum-connections-per-client", maximumConnectionsPerClient, 1, 500);
        checkRange("maximum-sessions", maximumSessions, 1, 2048);
        checkRange("maximum-sessions-per-connection", maximumSessionsPerConnection, 1, 1024);
        checkRange("port", port, 0, 65535);
        if (maxConnectionDuration.isNegative() || serverInactivityTimeout.isNegative()
                || reflectorInactivityTimeout.isNegative() || reflectorInactivityTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must not be negative; reflector-inactivity-timeout > 0");
        }
        if (kdfCount < 1024 || Integer.bitCount(kdfCount) != 1) {
            throw new IllegalArgumentException("PBKDF2 count must be a power of two >= 1024, not " + kdfCount);
        }
    }

    private static void checkRange(final String name, final int value, final int min, final int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
        }
    }

    /** The configuration of a server that is not running. */
    public static ServerConfig disabled() {
        return builder().enabled(false).build();
    }

    /** A builder that starts from every Junos default: enabled, mode none, port 862, limits 64. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this value. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The Modes bitmask this configuration offers (0 when the server is disabled). */
    public int modesMask() {
        int mask = 0;
        for (AuthMode mode : modes) {
            mask |= mode.bit();
        }
        return enabled ? mask : 0;
    }

    /** Builds {@link ServerConfig} values; every field starts at its Junos default. */
    public static final class Builder {
        private boolean enabled = true;
        private Set<AuthMode> modes = Set.of(AuthMode.NONE);
        private Map<String, SharedSecret> keys = Map.of();
        private List<ClientPrefix> clientList = List.of();
        private Duration maxConnectionDuration = Duration.ofHours(24);
        private int maximumConnections = 64;
        private int maximumConnectionsPerClient = 64;
        private int maximumSessions = 64;
        private int maximumSessionsPerConnection = 64;
        private int port = DEFAULT_PORT;
        private InetAddress listenAddress;
        private List<RoutingInstance> routingInstances = List.of();
        private Duration serverInactivityTimeout = Duration.ofMinutes(15);
        private Duration reflectorInactivityTimeout = Duration.ofSeconds(900);
        private OptionalInt lightPort = OptionalInt.empty();
        private int kdfCount = 1024;

        private Builder() {
        }

        private Builder(final ServerConfig c) {
            enabled = c.enabled;
            modes = c.modes;
            keys = c.keys;
            clientList = c.clientList;
            maxConnectionDuration = c.maxConnectionDuration;
            maximumConnections = c.maximumConnections;
            maximumConnectionsPerClient = c.maximumConnectionsPerClient;
            maximumSessions = c.maximumSessions;
            maximumSessionsPerConnection = c.maximumSessionsPerConnection;
            port = c.port;
            listenAddress = c.listenAddress;
            routingInstances = c.routingInstances;
            serverInactivityTimeout = c.serverInactivityTimeout;
            reflectorInactivityTimeout = c.reflectorInactivityTimeout;
            lightPort = c.lightPort;
            kdfCount = c.kdfCount;
        }

        public Builder enabled(final boolean value) {
            enabled = value;
            return this;
        }

        public Builder modes(final Set<AuthMode> value) {
            modes = value;
            return this;
        }

        public Builder keys(final Map<String, SharedSecret> value) {
            keys = value;
            return this;
        }

        public Builder clientList(final List<ClientPrefix> value) {
            clientList = value;
            return this;
        }

        public Builder maxConnectionDuration(final Duration value) {
            maxConnectionDuration = value;
            return this;
        }

        public Builder maximumConnections(final int value) {
            maximumConnections = value;
            return this;
        }

        public Builder maximumConnectionsPerClient(final int value) {
            maximumConnectionsPerClient = value;
            return this;
        }

        public Builder maximumSessions(final int value) {
            maximumSessions = value;
            return this;
        }

        public Builder maximumSessionsPerConnection(final int value) {
            maximumSessionsPerConnection = value;
            return this;
        }

        public Builder port(final int value) {
            port = value;
            return this;
        }

        public Builder listenAddress(final InetAddress value) {
            listenAddress = value;
            return this;
        }

        public Builder routingInstances(final List<RoutingInstance> value) {
            routingInstances = value;
            return this;
        }

        public Builder serverInactivityTimeout(final Duration value) {
            serverInactivityTimeout = value;
            return this;
        }

        public Builder reflectorInactivityTimeout(final Duration value) {
            reflectorInactivityTimeout = value;
            return this;
        }

        public Builder lightPort(final OptionalInt value) {
            lightPort = value;
            return this;
        }

        public Builder kdfCount(final int value) {
            kdfCount = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(enabled, modes, keys, clientList, maxConnectionDuration, maximumConnections,
                maximumConnectionsPerClient, maximumSessions, maximumSessionsPerConnection, port, listenAddress,
                routingInstances, serverInactivityTimeout, reflectorInactivityTimeout, lightPort, kdfCount);
        }
    }
}
