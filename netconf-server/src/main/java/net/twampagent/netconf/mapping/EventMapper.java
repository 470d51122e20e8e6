package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.TwampNames.id;
import static net.twampagent.netconf.mapping.TwampNames.name;
import static net.twampagent.netconf.mapping.YangValues.counter;
import static net.twampagent.netconf.mapping.YangValues.ipAddress;
import static net.twampagent.netconf.mapping.YangValues.port;
import static net.twampagent.netconf.mapping.YangValues.saturated;
import static org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerEvent.ConnectionClosed;
import net.twampagent.dataplane.state.ServerEvent.SessionEnded;
import net.twampagent.dataplane.state.SessionStats;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Maps the dataplane's {@link ServerEvent}s to the bodies of the module's notifications: a container named after
 * the notification ({@code connection-closed}, {@code session-ended}) holding its leaves, ready to be wrapped in a
 * NETCONF {@code <notification>} with its event time. Stateless and thread-safe.
 */
public final class EventMapper {
    /** The notification a closed connection is published as. */
    public static final QName CONNECTION_CLOSED = name("connection-closed");
    /** The notification an ended session is published as. */
    public static final QName SESSION_ENDED = name("session-ended");

    private static final QName CONNECTION_ID = name("connection-id");
    private static final QName CLIENT_ADDRESS = name("client-address");
    private static final QName CLIENT_PORT = name("client-port");
    private static final QName ROUTING_INSTANCE = name("routing-instance");
    private static final QName REASON = name("reason");
    private static final QName SESSION_COUNT = name("session-count");
    private static final QName DURATION = name("duration");
    private static final QName SID = name("sid");
    private static final QName PACKETS_RECEIVED = name("packets-received");
    private static final QName PACKETS_REFLECTED = name("packets-reflected");
    private static final QName PACKETS_DROPPED = name("packets-dropped");

    /**
     * The notification body of an event, or empty when the event is not one the model publishes. Every event the
     * dataplane has now is published (a connection refused at admission never opened, so it has no event: it is
     * counted in the state's refusal counters, and a flood of refused clients cannot flood subscribers).
     */
    public Optional<ContainerNode> map(final ServerEvent event) {
        return Optional.of(switch (event) {
            case ConnectionClosed closed -> connectionClosed(closed);
            case SessionEnded ended -> sessionEnded(ended);
        });
    }

    private static ContainerNode connectionClosed(final ConnectionClosed event) {
        final var connection = event.connection();
        final var lived = Duration.between(connection.established(), event.time());
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(CONNECTION_CLOSED))
            .withChild(leafNode(CONNECTION_ID, Uint32.valueOf(connection.id())))
            .withChild(leafNode(CLIENT_ADDRESS, ipAddress(connection.client().getAddress())))
            .withChild(leafNode(CLIENT_PORT, port(connection.client().getPort())))
            .withChild(leafNode(ROUTING_INSTANCE, connection.instance()))
            .withChild(leafNode(REASON, closeReason(event.reason())))
            .withChild(leafNode(SESSION_COUNT, Uint32.valueOf(connection.sessionCount())))
            .withChild(leafNode(DURATION, saturated(Math.max(0, lived.toSeconds()))))
            .build();
    }

    private static ContainerNode sessionEnded(final SessionEnded event) {
        final var session = event.session();
        final var body = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id(SESSION_ENDED))
            .withChild(leafNode(SID, session.sid()))
            .withChild(leafNode(CONNECTION_ID, Uint32.valueOf(session.connectionId())))
            .withChild(leafNode(REASON, switch (event.reason()) {
                case STOPPED -> "stopped";
                case REFLECTOR_INACTIVITY_TIMEOUT -> "reflector-inactivity";
                case CONNECTION_CLOSED -> "connection-closed";
                case CLEARED -> "cleared";
            }));
        packetCounts(session.stats()).forEach(body::withChild);
        return body.build();
    }

    /**
     * The model's name for why a connection ended. A client that gave up, and a connection lost to a socket error,
     * are the client's doing as far as the operator can act on it; a mode not offered, an unknown command and a
     * Stop-Sessions that does not add up are protocol errors. A connection the dataplane closes as refused got past
     * admission and failed its Set-Up-Response: an authentication failure. A control message whose HMAC failed is
     * named apart from a protocol error: it points at keys or at someone on the path, not at a client's bug.
     */
    static String closeReason(final CloseReason reason) {
        return switch (reason) {
            case CLIENT_CLOSED, CLIENT_ABANDONED, ERROR -> "client-closed";
            case REFUSED -> "authentication-failure";
            case CONTROL_HMAC_FAILURE -> "control-hmac-failure";
            case MODE_NOT_OFFERED, UNSUPPORTED_COMMAND, STOP_COUNT_MISMATCH -> "protocol-error";
            case SERVER_INACTIVITY_TIMEOUT -> "server-inactivity";
            case MAX_CONNECTION_DURATION -> "max-connection-duration";
            case CLIENT_LIST_CHANGED -> "client-list";
            case ROUTING_INSTANCE_REMOVED -> "routing-instance-removed";
            case SERVER_DISABLED, SERVER_SHUTDOWN -> "server-stopped";
            case CLEARED -> "cleared";
        };
    }

    /** The leaves of the model's {@code packet-counts} grouping, shared by a session's state and its end. */
    static List<LeafNode<?>> packetCounts(final SessionStats stats) {
        return List.of(leafNode(PACKETS_RECEIVED, counter(stats.received())),
            leafNode(PACKETS_REFLECTED, counter(stats.reflected())),
            leafNode(PACKETS_DROPPED, counter(stats.droppedTotal())));
    }

    /** The model's enum name of a security mode. */
    static String yangName(final AuthMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
