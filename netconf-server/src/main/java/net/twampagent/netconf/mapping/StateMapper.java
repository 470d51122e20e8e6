package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.TwampNames.SERVER_STATE;
import static net.twampagent.netconf.mapping.TwampNames.TWAMP;
import static net.twampagent.netconf.mapping.TwampNames.id;
import static net.twampagent.netconf.mapping.TwampNames.name;
import static net.twampagent.netconf.mapping.YangValues.counter;
import static net.twampagent.netconf.mapping.YangValues.dateAndTime;
import static net.twampagent.netconf.mapping.YangValues.ipAddress;
import static net.twampagent.netconf.mapping.YangValues.port;
import static net.twampagent.netconf.mapping.YangValues.saturated;
import static org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.ListeningEndpoint;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.state.SessionStats;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Maps the dataplane's {@link ServerSnapshot} to the {@code /twamp/server-state} container of the model: status,
 * listening endpoints, every connection and session, and the counters by reason. Nothing is cached, so the result
 * is exactly the snapshot it was given. Stateless and thread-safe.
 */
public final class StateMapper {
    /** Where the container this mapper builds lives, for the operational state provider. */
    public static final YangInstanceIdentifier PATH = YangInstanceIdentifier.of(TWAMP, SERVER_STATE);

    private static final QName STATUS = name("status");
    private static final QName START_TIME = name("start-time");
    private static final QName LISTENING_ENDPOINT = name("listening-endpoint");
    private static final QName ROUTING_INSTANCE = name("routing-instance");
    private static final QName ADDRESS = name("address");
    private static final QName PORT = name("port");
    private static final QName NAMESPACE_STATUS = name("namespace-status");
    private static final QName CONNECTION = name("connection");
    private static final QName ID = name("id");
    private static final QName CLIENT_ADDRESS = name("client-address");
    private static final QName CLIENT_PORT = name("client-port");
    private static final QName SERVER_ADDRESS = name("server-address");
    private static final QName SERVER_PORT = name("server-port");
    private static final QName MODE = name("mode");
    private static final QName STATE = name("state");
    private static final QName ESTABLISHED_TIME = name("established-time");
    private static final QName LAST_ACTIVITY = name("last-activity");
    private static final QName SESSION_COUNT = name("session-count");
    private static final QName KEY_ID = name("key-id");
    private static final QName SESSION = name("session");
    private static final QName SID = name("sid");
    private static final QName CONNECTION_ID = name("connection-id");
    private static final QName SENDER_ADDRESS = name("sender-address");
    private static final QName SENDER_PORT = name("sender-port");
    private static final QName REFLECTOR_ADDRESS = name("reflector-address");
    private static final QName REFLECTOR_PORT = name("reflector-port");
    private static final QName DSCP = name("dscp");
    private static final QName PADDING_LENGTH = name("padding-length");
    private static final QName LAST_SENDER_SEQUENCE = name("last-sender-sequence");
    private static final QName LAST_REFLECTOR_SEQUENCE = name("last-reflector-sequence");
    private static final QName RESIDENCE_TIME = name("residence-time");
    private static final QName MIN = name("min");
    private static final QName AVG = name("avg");
    private static final QName MAX = name("max");
    private static final QName COUNTERS = name("counters");
    private static final QName CONNECTIONS_ACCEPTED = name("connections-accepted");
    private static final QName SESSIONS_ACCEPTED = name("sessions-accepted");
    private static final QName TIMEOUTS = name("timeouts");
    private static final QName SERVER_INACTIVITY = name("server-inactivity");
    private static final QName MAX_CONNECTION_DURATION = name("max-connection-duration");
    private static final QName REFLECTOR_INACTIVITY = name("reflector-inactivity");
    private static final QName AUTHENTICATION_FAILURES = name("authentication-failures");
    private static final QName UNKNOWN_KEY_ID = name("unknown-key-id");
    private static final QName CONTROL_HMAC = name("control-hmac");
    private static final QName FAILURES = name("failures");
    private static final QName PACKETS_DROPPED = name("packets-dropped");

    private static final long NANOS_PER_MICRO = 1000;

    /**
     * The counter leaves that refusals are counted in. A container of the model holds each group; the
     * {@code protocol-errors} leaf sits directly in {@code counters}.
     */
    enum RefusalCounter {
        CONNECTIONS_REFUSED_CLIENT_LIST("connections-refused", "client-list"),
        CONNECTIONS_REFUSED_MAXIMUM_CONNECTIONS("connections-refused", "maximum-connections"),
        CONNECTIONS_REFUSED_MAXIMUM_CONNECTIONS_PER_CLIENT("connections-refused", "maximum-connections-per-client"),
        CONNECTIONS_REFUSED_SERVER_DISABLED("connections-refused", "server-disabled"),
        SESSIONS_REFUSED_MAXIMUM_SESSIONS("sessions-refused", "maximum-sessions"),
        SESSIONS_REFUSED_MAXIMUM_SESSIONS_PER_CONNECTION("sessions-refused", "maximum-sessions-per-connection"),
        SESSIONS_REFUSED_NO_PORT("sessions-refused", "no-port"),
        SESSIONS_REFUSED_NOT_SUPPORTED("sessions-refused", "not-supported"),
        PROTOCOL_ERRORS(null, "protocol-errors");

        final QName container;
        final QName leaf;

        RefusalCounter(final String container, final String leaf) {
            this.container = container == null ? null : TwampNames.name(container);
            this.leaf = TwampNames.name(leaf);
        }

        /**
         * Where a refusal is counted. Accept-Session 3 (the request asks for what this server does not do) is
         * {@code not-supported}; a message out of sequence, a mode not offered and an unknown command are protocol
         * errors.
         */
        static RefusalCounter of(final Refusal refusal) {
            return switch (refusal) {
                case SERVER_DISABLED -> CONNECTIONS_REFUSED_SERVER_DISABLED;
                case CLIENT_NOT_ALLOWED -> CONNECTIONS_REFUSED_CLIENT_LIST;
                case MAXIMUM_CONNECTIONS -> CONNECTIONS_REFUSED_MAXIMUM_CONNECTIONS;
                case MAXIMUM_CONNECTIONS_PER_CLIENT -> CONNECTIONS_REFUSED_MAXIMUM_CONNECTIONS_PER_CLIENT;
                case MAXIMUM_SESSIONS -> SESSIONS_REFUSED_MAXIMUM_SESSIONS;
                case MAXIMUM_SESSIONS_PER_CONNECTION -> SESSIONS_REFUSED_MAXIMUM_SESSIONS_PER_CONNECTION;
                case NO_PORT -> SESSIONS_REFUSED_NO_PORT;
                case RECEIVER_ADDRESS_NOT_LOCAL, MALFORMED_REQUEST -> SESSIONS_REFUSED_NOT_SUPPORTED;
                case MODE_NOT_OFFERED, REQUEST_WHILE_STARTED, START_WHILE_STARTED, UNSUPPORTED_COMMAND,
                     STOP_COUNT_MISMATCH -> PROTOCOL_ERRORS;
            };
        }
    }

    /** The state of a server that is not configured: only its status. */
    public ContainerNode disabled() {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(SERVER_STATE))
            .withChild(leafNode(STATUS, "disabled")).build();
    }

    /**
     * The state of a configured server: {@code up} when it listens somewhere, {@code down} when no endpoint could
     * be opened.
     */
    public ContainerNode map(final ServerSnapshot snapshot) {
        final var endpoints = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(LISTENING_ENDPOINT));
        for (var endpoint : snapshot.endpoints()) {
            endpoints.withChild(endpoint(endpoint));
        }
        final var connections = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(CONNECTION));
        for (var connection : snapshot.connections()) {
            connections.withChild(connection(connection));
        }
        final var sessions = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(SESSION));
        for (var session : snapshot.sessions()) {
            sessions.withChild(session(session));
        }
        final var state = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(SERVER_STATE))
            .withChild(leafNode(STATUS, snapshot.endpoints().isEmpty() ? "down" : "up"))
            .withChild(leafNode(START_TIME, dateAndTime(snapshot.startTime())));
        // NETCONF has no empty list, only absent entries: a tree without them compares equal to what a client reads.
        addIfNotEmpty(state, endpoints.build());
        addIfNotEmpty(state, connections.build());
        addIfNotEmpty(state, sessions.build());
        return state.withChild(counters(snapshot)).build();
    }

    private static void addIfNotEmpty(final DataContainerNodeBuilder<NodeIdentifier, ContainerNode> parent,
            final SystemMapNode list) {
        if (!list.isEmpty()) {
            parent.withChild(list);
        }
    }

    private static MapEntryNode endpoint(final ListeningEndpoint endpoint) {
        final var instance = endpoint.instance();
        final var host = ipAddress(endpoint.address().getAddress());
        final var port = port(endpoint.address().getPort());
        final var keys = new LinkedHashMap<QName, Object>();
        keys.put(ROUTING_INSTANCE, instance);
        keys.put(ADDRESS, host);
        keys.put(PORT, port);
        return ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(LISTENING_ENDPOINT, keys))
            .withChild(leafNode(ROUTING_INSTANCE, instance))
            .withChild(leafNode(ADDRESS, host))
            .withChild(leafNode(PORT, port))
            .withChild(leafNode(NAMESPACE_STATUS, endpoint.namespace().text()))
            .build();
    }

    private static MapEntryNode connection(final ConnectionSnapshot connection) {
        final var id = Uint32.valueOf(connection.id());
        final var entry = ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(CONNECTION, ID, id))
            .withChild(leafNode(ID, id))
            .withChild(leafNode(CLIENT_ADDRESS, ipAddress(connection.client().getAddress())))
            .withChild(leafNode(CLIENT_PORT, port(connection.client().getPort())))
            .withChild(leafNode(SERVER_ADDRESS, ipAddress(connection.server().getAddress())))
            .withChild(leafNode(SERVER_PORT, port(connection.server().getPort())))
            .withChild(leafNode(ROUTING_INSTANCE, connection.instance()))
            .withChild(leafNode(STATE, switch (connection.state()) {
                case GREETED -> "setup";
                case READY -> "active";
                case STARTED -> "testing";
            }))
            .withChild(leafNode(ESTABLISHED_TIME, dateAndTime(connection.established())))
            .withChild(leafNode(LAST_ACTIVITY, dateAndTime(connection.lastActivity())))
            .withChild(leafNode(SESSION_COUNT, Uint32.valueOf(connection.sessionCount())));
        final var mode = AuthMode.ofBit(connection.mode());
        if (mode != null) {
            entry.withChild(leafNode(MODE, EventMapper.yangName(mode)));
        }
        if (connection.keyId() != null) {
            entry.withChild(leafNode(KEY_ID, connection.keyId()));
        }
        return entry.build();
    }

    private static MapEntryNode session(final SessionSnapshot session) {
        final var stats = session.stats();
        final var entry = ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(SESSION, SID, session.sid()))
            .withChild(leafNode(SID, session.sid()))
            .withChild(leafNode(CONNECTION_ID, Uint32.valueOf(session.connectionId())))
            .withChild(leafNode(ROUTING_INSTANCE, session.instance()))
            .withChild(leafNode(SENDER_ADDRESS, ipAddress(session.sender().getAddress())))
            .withChild(leafNode(SENDER_PORT, port(session.sender().getPort())))
            .withChild(leafNode(REFLECTOR_ADDRESS, ipAddress(session.reflector().getAddress())))
            .withChild(leafNode(REFLECTOR_PORT, port(session.reflector().getPort())))
            .withChild(leafNode(DSCP, Uint8.valueOf(session.dscp())))
            .withChild(leafNode(PADDING_LENGTH, saturated(session.paddingLength())))
            .withChild(leafNode(STATE, switch (session.state()) {
                case ACCEPTED -> "accepted";
                case RUNNING -> "started";
                case STOPPING -> "stopping";
            }));
        EventMapper.packetCounts(stats).forEach(entry::withChild);
        if (stats.lastSenderSequence() >= 0) {
            entry.withChild(leafNode(LAST_SENDER_SEQUENCE, Uint32.valueOf(stats.lastSenderSequence())));
        }
        if (stats.lastReflectedSequence() >= 0) {
            entry.withChild(leafNode(LAST_REFLECTOR_SEQUENCE, Uint32.valueOf(stats.lastReflectedSequence())));
        }
        if (stats.residenceMinNanos() >= 0) {
            entry.withChild(residenceTime(stats));
        }
        return entry.build();
    }

    private static ContainerNode residenceTime(final SessionStats stats) {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(RESIDENCE_TIME))
            .withChild(leafNode(MIN, micros(stats.residenceMinNanos())))
            .withChild(leafNode(AVG, micros(stats.residenceAvgNanos())))
            .withChild(leafNode(MAX, micros(stats.residenceMaxNanos())))
            .build();
    }

    /** Microseconds rounded to the nearest, so a reflector faster than 1 µs does not read as zero work twice. */
    private static Uint32 micros(final long nanos) {
        return saturated((nanos + NANOS_PER_MICRO / 2) / NANOS_PER_MICRO);
    }

    private static ContainerNode counters(final ServerSnapshot snapshot) {
        final Map<RefusalCounter, Long> sums = new EnumMap<>(RefusalCounter.class);
        for (var counter : RefusalCounter.values()) {
            sums.put(counter, 0L);
        }
        snapshot.refusals().forEach((reason, count) -> sums.merge(RefusalCounter.of(reason), count, Long::sum));
        final Map<QName, DataContainerNodeBuilder<NodeIdentifier, ContainerNode>> groups = new LinkedHashMap<>();
        final var counters = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(COUNTERS))
            .withChild(leafNode(CONNECTIONS_ACCEPTED, counter(snapshot.connectionsAccepted())))
            .withChild(leafNode(SESSIONS_ACCEPTED, counter(snapshot.sessionsAccepted())));
        sums.forEach((where, count) -> {
            if (where.container == null) {
                counters.withChild(leafNode(where.leaf, counter(count)));
            } else {
                groups.computeIfAbsent(where.container,
                    group -> ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(group)))
                    .withChild(leafNode(where.leaf, counter(count)));
            }
        });
        groups.values().forEach(group -> counters.withChild(group.build()));
        return counters.withChild(packetsDropped(snapshot))
            .withChild(authenticationFailures(snapshot))
            .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(TIMEOUTS))
                .withChild(leafNode(SERVER_INACTIVITY,
                    counter(snapshot.closes(CloseReason.SERVER_INACTIVITY_TIMEOUT))))
                .withChild(leafNode(MAX_CONNECTION_DURATION,
                    counter(snapshot.closes(CloseReason.MAX_CONNECTION_DURATION))))
                .withChild(leafNode(REFLECTOR_INACTIVITY,
                    counter(snapshot.sessionEnds(SessionEndReason.REFLECTOR_INACTIVITY_TIMEOUT))))
                .build())
            .build();
    }

    /** Every reason at zero until it happens, so a client sees the same leaves from the start. */
    private static ContainerNode packetsDropped(final ServerSnapshot snapshot) {
        final var dropped = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(PACKETS_DROPPED));
        for (DropReason reason : DropReason.values()) {
            dropped.withChild(leafNode(dropLeaf(reason), counter(snapshot.packetsDropped(reason))));
        }
        return dropped.build();
    }

    /** The model's leaf of a drop reason; a reason added to the dataplane must be given one here. */
    private static QName dropLeaf(final DropReason reason) {
        return name(switch (reason) {
            case STRANGER -> "unknown-sender";
            case TOO_SHORT -> "too-short";
            case NOT_STARTED -> "not-started";
            case AFTER_STOP -> "after-stop";
            case BAD_HMAC -> "bad-hmac";
            case SEND_FAILED -> "send-failed";
        });
    }

    /**
     * The failed authentications: by KeyID for configured KeyIDs (the dataplane keeps no others, so a client
     * sending random KeyIDs cannot grow the list), the rest in one count, and the control messages whose HMAC
     * failed later.
     */
    private static ContainerNode authenticationFailures(final ServerSnapshot snapshot) {
        final var failures = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(AUTHENTICATION_FAILURES))
            .withChild(leafNode(UNKNOWN_KEY_ID, counter(snapshot.unknownKeyIdFailures())))
            .withChild(leafNode(CONTROL_HMAC, counter(snapshot.controlHmacFailures())));
        final var byKeyId = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(KEY_ID));
        snapshot.authenticationFailures().forEach((keyId, count) -> byKeyId.withChild(ImmutableNodes
            .newMapEntryBuilder().withNodeIdentifier(NodeIdentifierWithPredicates.of(KEY_ID, ID, keyId))
                .withChild(leafNode(ID, keyId))
                .withChild(leafNode(FAILURES, counter(count)))
                .build()));
        addIfNotEmpty(failures, byKeyId.build());
        return failures.build();
    }
}
