package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.TwampNames.SERVER;
import static net.twampagent.netconf.mapping.TwampNames.SERVER_PATH;
import static net.twampagent.netconf.mapping.TwampNames.TWAMP;
import static net.twampagent.netconf.mapping.TwampNames.id;
import static net.twampagent.netconf.mapping.TwampNames.name;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.config.SharedSecret;
import net.twampagent.netconf.rpc.ErrorPath;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Maps a configuration datastore root (the container whose children are the top-level nodes, {@code twamp}
 * among them) to the dataplane's {@link ServerConfig}: no {@code /twamp/server} is a disabled server, absent leaves
 * take the model's defaults, hours, minutes and seconds become durations, the {@code count} exponent becomes the
 * PBKDF2 iteration count, and the key chains are flattened to one map by KeyID.
 *
 * <p>The input is assumed to have passed schema validation (types, ranges); what the model cannot say, or what
 * the commit must still refuse when validation was skipped, is a {@link ConfigMappingException} naming the node.
 * Immutable and thread-safe.
 */
public final class ConfigMapper {
    private static final QName AUTHENTICATION_MODE = name("authentication-mode");
    private static final QName KEY_CHAIN = name("authentication-key-chain");
    private static final QName NAME = name("name");
    private static final QName KEY_ID = name("key-id");
    private static final QName ID = name("id");
    private static final QName SECRET = name("secret");
    private static final QName COUNT = name("count");
    private static final QName CLIENT_LIST = name("client-list");
    private static final QName ADDRESS = name("address");
    private static final QName PREFIX = name("prefix");
    private static final QName ROUTING_INSTANCE = name("routing-instance");
    private static final QName MAX_CONNECTION_DURATION = name("max-connection-duration");
    private static final QName MAXIMUM_CONNECTIONS = name("maximum-connections");
    private static final QName MAXIMUM_CONNECTIONS_PER_CLIENT = name("maximum-connections-per-client");
    private static final QName MAXIMUM_SESSIONS = name("maximum-sessions");
    private static final QName MAXIMUM_SESSIONS_PER_CONNECTION = name("maximum-sessions-per-connection");
    private static final QName PORT = name("port");
    private static final QName ROUTING_INSTANCE_LIST = name("routing-instance-list");
    private static final QName SERVER_INACTIVITY_TIMEOUT = name("server-inactivity-timeout");
    private static final QName REFLECTOR_INACTIVITY_TIMEOUT = name("reflector-inactivity-timeout");
    private static final QName LIGHT = name("light");

    /** The KeyID field of Set-Up-Response (RFC 4656 §3.1) is 80 octets; YANG's length counts characters. */
    private static final int KEY_ID_OCTETS = 80;
    /** An IPv4-mapped IPv6 prefix: Java reports such clients as IPv4 addresses, so the prefix must become IPv4. */
    private static final int MAPPED_PREFIX_BITS = 96;

    private final EffectiveModelContext context;
    private final Set<AuthMode> defaultModes;
    private final long defaultCount;
    private final long defaultMaxConnectionDuration;
    private final long defaultMaximumConnections;
    private final long defaultMaximumConnectionsPerClient;
    private final long defaultMaximumSessions;
    private final long defaultMaximumSessionsPerConnection;
    private final long defaultPort;
    private final long defaultInstancePort;
    private final long defaultServerInactivityTimeout;
    private final long defaultReflectorInactivityTimeout;
    private final OptionalInt defaultLightPort;

    /**
     * @param context the model the configuration was parsed with; the defaults are read from it
     * @throws IllegalStateException when the model lacks a default this mapper relies on
     */
    public ConfigMapper(final EffectiveModelContext context) {
        this.context = context;
        final var defaults = new SchemaDefaults(context);
        final var modes = EnumSet.noneOf(AuthMode.class);
        for (var text : defaults.texts(TWAMP, SERVER, AUTHENTICATION_MODE)) {
            modes.add(mode(text));
        }
        defaultModes = Set.copyOf(modes);
        defaultCount = defaults.number(TWAMP, SERVER, COUNT);
        defaultMaxConnectionDuration = defaults.number(TWAMP, SERVER, MAX_CONNECTION_DURATION);
        defaultMaximumConnections = defaults.number(TWAMP, SERVER, MAXIMUM_CONNECTIONS);
        defaultMaximumConnectionsPerClient = defaults.number(TWAMP, SERVER, MAXIMUM_CONNECTIONS_PER_CLIENT);
        defaultMaximumSessions = defaults.number(TWAMP, SERVER, MAXIMUM_SESSIONS);
        defaultMaximumSessionsPerConnection = defaults.number(TWAMP, SERVER, MAXIMUM_SESSIONS_PER_CONNECTION);
        defaultPort = defaults.number(TWAMP, SERVER, PORT);
        defaultInstancePort = defaults.number(TWAMP, SERVER, ROUTING_INSTANCE_LIST, PORT);
        defaultServerInactivityTimeout = defaults.number(TWAMP, SERVER, SERVER_INACTIVITY_TIMEOUT);
        defaultReflectorInactivityTimeout = defaults.number(TWAMP, SERVER, REFLECTOR_INACTIVITY_TIMEOUT);
        defaultLightPort = defaults.text(TWAMP, SERVER, LIGHT, PORT)
            .map(text -> OptionalInt.of(Integer.parseInt(text))).orElse(OptionalInt.empty());
    }

    /**
     * The dataplane configuration of a datastore root.
     *
     * @param root the datastore root, whose children are top-level data nodes
     * @throws ConfigMappingException when the configuration cannot be expressed for the dataplane
     */
    public ServerConfig map(final ContainerNode root) throws ConfigMappingException {
        if (!(root.childByArg(id(TWAMP)) instanceof ContainerNode twamp)
                || !(twamp.childByArg(id(SERVER)) instanceof ContainerNode server)) {
            return ServerConfig.disabled();
        }
        final var config = ServerConfig.builder()
            .modes(modes(server))
            .keys(keys(server))
            .kdfCount(1 << number(server, COUNT, defaultCount))
            .clientList(clientList(server))
            .maxConnectionDuration(Duration.ofHours(number(server, MAX_CONNECTION_DURATION,
                defaultMaxConnectionDuration)))
            .maximumConnections((int) number(server, MAXIMUM_CONNECTIONS, defaultMaximumConnections))
            .maximumConnectionsPerClient((int) number(server, MAXIMUM_CONNECTIONS_PER_CLIENT,
                defaultMaximumConnectionsPerClient))
            .maximumSessions((int) number(server, MAXIMUM_SESSIONS, defaultMaximumSessions))
            .maximumSessionsPerConnection((int) number(server, MAXIMUM_SESSIONS_PER_CONNECTION,
                defaultMaximumSessionsPerConnection))
            .port((int) number(server, PORT, defaultPort))
            .routingInstances(routingInstances(server))
            .serverInactivityTimeout(Duration.ofMinutes(number(server, SERVER_INACTIVITY_TIMEOUT,
                defaultServerInactivityTimeout)))
            .reflectorInactivityTimeout(Duration.ofSeconds(number(server, REFLECTOR_INACTIVITY_TIMEOUT,
                defaultReflectorInactivityTimeout)))
            .lightPort(lightPort(server));
        try {
            return config.build();
        } catch (IllegalArgumentException e) {
            // The model's ranges match ServerConfig's, so this is an unvalidated tree: say what the dataplane said.
            throw failure("invalid-value", null, SERVER_PATH,
                "the TWAMP server cannot run with this configuration: " + e.getMessage());
        }
    }

    private Set<AuthMode> modes(final ContainerNode server) throws ConfigMappingException {
        if (!(server.childByArg(id(AUTHENTICATION_MODE)) instanceof LeafSetNode<?> list) || list.isEmpty()) {
            return defaultModes;
        }
        final var modes = EnumSet.noneOf(AuthMode.class);
        for (var entry : list.body()) {
            final var text = String.valueOf(entry.body());
            try {
                modes.add(mode(text));
            } catch (IllegalArgumentException e) {
                throw failure("invalid-value", null,
                    SERVER_PATH.node(AUTHENTICATION_MODE).node(new NodeWithValue<>(AUTHENTICATION_MODE, text)),
                    "authentication-mode '" + text + "' is not one of none, authenticated, encrypted, "
                        + "control-only-encrypted");
            }
        }
        return modes;
    }

    private static AuthMode mode(final String yangName) {
        return AuthMode.valueOf(yangName.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private Map<String, SharedSecret> keys(final ContainerNode server) throws ConfigMappingException {
        final var secrets = new HashMap<String, SharedSecret>();
        final var chainOf = new HashMap<String, String>();
        for (var chain : entries(server, KEY_CHAIN)) {
            final var chainName = key(chain, NAME);
            final var chainPath = SERVER_PATH.node(KEY_CHAIN).node(chain.name());
            for (var keyId : entries(chain, KEY_ID)) {
                final var id = key(keyId, ID);
                final var path = chainPath.node(KEY_ID).node(keyId.name());
                if (id.getBytes(StandardCharsets.UTF_8).length > KEY_ID_OCTETS) {
                    throw failure("invalid-value", "key-id-too-long", path,
                        "KeyID '" + id + "' is " + id.getBytes(StandardCharsets.UTF_8).length
                            + " octets in UTF-8: the KeyID field of TWAMP holds " + KEY_ID_OCTETS
                            + "; use a shorter name (ASCII characters are one octet each)");
                }
                final var other = chainOf.putIfAbsent(id, chainName);
                if (other != null) {
                    throw failure("operation-failed", "duplicate-key-id", path,
                        "KeyID '" + id + "' is in key chain '" + other + "' and in key chain '" + chainName
                            + "': a client sends only the KeyID, so each KeyID must be unique over all chains; "
                            + "rename or delete one of them");
                }
                if (!(keyId.childByArg(id(SECRET)) instanceof LeafNode<?> secret)) {
                    throw failure("missing-element", "missing-secret", path.node(SECRET),
                        "KeyID '" + id + "' of key chain '" + chainName + "' has no secret: set one");
                }
                secrets.put(id, SharedSecret.ofPassphrase(String.valueOf(secret.body())));
            }
        }
        return secrets;
    }

    private List<ClientPrefix> clientList(final ContainerNode server) throws ConfigMappingException {
        final var prefixes = new ArrayList<ClientPrefix>();
        for (var list : entries(server, CLIENT_LIST)) {
            for (var address : entries(list, ADDRESS)) {
                final var path = SERVER_PATH.node(CLIENT_LIST).node(list.name()).node(ADDRESS).node(address.name());
                prefixes.add(prefix(key(address, PREFIX), instances(address), path));
            }
        }
        prefixes.sort(Comparator.comparing(ClientPrefix::toString));
        return prefixes;
    }

    private ClientPrefix prefix(final String text, final Set<String> instances,
            final YangInstanceIdentifier path) throws ConfigMappingException {
        final int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException("no /length");
            }
            final var network = InetAddress.ofLiteral(text.substring(0, slash));
            int length = Integer.parseInt(text.substring(slash + 1));
            if (network instanceof Inet4Address && text.indexOf(':') >= 0) {
                if (length < MAPPED_PREFIX_BITS) {
                    throw failure("invalid-value", "client-address-mapped", path,
                        "client-list prefix " + text + " covers more than the IPv4-mapped addresses ::ffff:0:0/96: "
                            + "write the IPv4 prefix itself, or an IPv6 prefix outside ::ffff:0:0/96");
                }
                length -= MAPPED_PREFIX_BITS;
            }
            return new ClientPrefix(network, length, instances);
        } catch (IllegalArgumentException e) {
            throw failure("invalid-value", null, path,
                "client-list prefix '" + text + "' is not an IPv4 or IPv6 address/length: " + e.getMessage());
        }
    }

    private static Set<String> instances(final MapEntryNode address) {
        final var names = new LinkedHashSet<String>();
        if (address.childByArg(id(ROUTING_INSTANCE)) instanceof LeafSetNode<?> list) {
            list.body().forEach(entry -> names.add(String.valueOf(entry.body())));
        }
        return names;
    }

    private List<RoutingInstance> routingInstances(final ContainerNode server) throws ConfigMappingException {
        final var instances = new ArrayList<RoutingInstance>();
        for (var entry : entries(server, ROUTING_INSTANCE_LIST)) {
            final var instance = key(entry, NAME);
            try {
                instances.add(new RoutingInstance(instance, (int) number(entry, PORT, defaultInstancePort)));
            } catch (IllegalArgumentException e) {
                throw failure("invalid-value", null,
                    SERVER_PATH.node(ROUTING_INSTANCE_LIST).node(entry.name()),
                    "routing-instance-list " + instance + ": " + e.getMessage());
            }
        }
        instances.sort(Comparator.comparing(RoutingInstance::name));
        return instances;
    }

    private OptionalInt lightPort(final ContainerNode server) {
        if (!(server.childByArg(id(LIGHT)) instanceof ContainerNode light)) {
            return OptionalInt.empty();
        }
        // Only a model with the feature 'light' lets the node through, and that model has the port's default.
        return OptionalInt.of((int) number(light, PORT, defaultLightPort.orElseThrow()));
    }

    private ConfigMappingException failure(final String errorTag, final String errorAppTag,
            final YangInstanceIdentifier path, final String message) {
        return new ConfigMappingException(errorTag, errorAppTag, path, ErrorPath.of(context, path), message);
    }

    /** The entries of a list child, sorted by key so that the result never depends on arrival order. */
    private static List<MapEntryNode> entries(final DataContainerNode parent, final QName list) {
        if (!(parent.childByArg(id(list)) instanceof MapNode map)) {
            return List.of();
        }
        final var sorted = new ArrayList<>(map.body());
        sorted.sort(Comparator.comparing(entry -> entry.name().toString()));
        return sorted;
    }

    private static String key(final MapEntryNode entry, final QName key) {
        return String.valueOf(entry.name().getValue(key));
    }

    private static long number(final DataContainerNode parent, final QName leaf, final long dflt) {
        return parent.childByArg(id(leaf)) instanceof LeafNode<?> node ? ((Number) node.body()).longValue() : dflt;
    }
}
