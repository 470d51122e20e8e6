package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.netns.NamespaceStatus;

/**
 * The whole state of a server at one moment, taken on the control thread so that connections, sessions and
 * counters agree with each other.
 *
 * @param startTime when this server instance started (the Start-Time of every Server-Start)
 * @param listening the bound TWAMP-Control addresses
 * @param engine the name of the reflector engine
 * @param connections the open control connections, by id
 * @param sessions the test sessions that have not ended
 * @param refusals refusals since the start, by reason (reasons never seen are absent)
 * @param closes connections ended since the start, by reason
 * @param sessionEnds sessions ended since the start, by reason
 * @param connectionsAccepted connections admitted since the start
 * @param sessionsAccepted sessions accepted since the start
 * @param endpoints the listeners with their routing instance and its namespace's status ({@code listening} holds
 *     the same addresses)
 * @param authenticationFailures failed Set-Up-Responses with a configured KeyID (wrong secret or altered
 *     Token), by KeyID; KeyIDs that never failed are absent
 * @param unknownKeyIdFailures failed Set-Up-Responses whose KeyID no key chain has (not kept by KeyID: a client
 *     could otherwise grow the map without bound)
 * @param controlHmacFailures ciphered control messages whose HMAC did not verify (altered, replayed or keyed
 *     otherwise); each closed its connection
 * @param packetsDropped test packets not reflected since the start, by reason, ended sessions included (reasons
 *     never seen are absent)
 */
public record ServerSnapshot(Instant startTime, List<InetSocketAddress> listening, String engine,
        List<ConnectionSnapshot> connections, List<SessionSnapshot> sessions, Map<Refusal, Long> refusals,
        Map<CloseReason, Long> closes, Map<SessionEndReason, Long> sessionEnds, long connectionsAccepted,
        long sessionsAccepted, List<ListeningEndpoint> endpoints, Map<String, Long> authenticationFailures,
        long unknownKeyIdFailures, long controlHmacFailures, Map<DropReason, Long> packetsDropped) {
    public ServerSnapshot {
        packetsDropped = Map.copyOf(packetsDropped);
        authenticationFailures = Map.copyOf(authenticationFailures);
        listening = List.copyOf(listening);
        endpoints = List.copyOf(endpoints);
        connections = List.copyOf(connections);
        sessions = List.copyOf(sessions);
        refusals = Map.copyOf(refusals);
        closes = Map.copyOf(closes);
        sessionEnds = Map.copyOf(sessionEnds);
    }

    /** A snapshot of a server that has dropped no test packet. */
    public ServerSnapshot(final Instant startTime, final List<InetSocketAddress> listening, final String engine,
            final List<ConnectionSnapshot> connections, final List<SessionSnapshot> sessions,
            final Map<Refusal, Long> refusals, final Map<CloseReason, Long> closes,
            final Map<SessionEndReason, Long> sessionEnds, final long connectionsAccepted,
            final long sessionsAccepted, final List<ListeningEndpoint> endpoints,
            final Map<String, Long> authenticationFailures, final long unknownKeyIdFailures,
            final long controlHmacFailures) {
        this(startTime, listening, engine, connections, sessions, refusals, closes, sessionEnds, connectionsAccepted,
            sessionsAccepted, endpoints, authenticationFailures, unknownKeyIdFailures, controlHmacFailures, Map.of());
    }

    /** A snapshot of a server that has seen no authentication failure. */
    public ServerSnapshot(final Instant startTime, final List<InetSocketAddress> listening, final String engine,
            final List<ConnectionSnapshot> connections, final List<SessionSnapshot> sessions,
            final Map<Refusal, Long> refusals, final Map<CloseReason, Long> closes,
            final Map<SessionEndReason, Long> sessionEnds, final long connectionsAccepted,
            final long sessionsAccepted, final List<ListeningEndpoint> endpoints) {
        this(startTime, listening, engine, connections, sessions, refusals, closes, sessionEnds, connectionsAccepted,
            sessionsAccepted, endpoints, Map.of(), 0, 0, Map.of());
    }

    /** A snapshot of a server that listens in the default routing instance only. */
    public ServerSnapshot(final Instant startTime, final List<InetSocketAddress> listening, final String engine,
            final List<ConnectionSnapshot> connections, final List<SessionSnapshot> sessions,
            final Map<Refusal, Long> refusals, final Map<CloseReason, Long> closes,
            final Map<SessionEndReason, Long> sessionEnds, final long connectionsAccepted,
            final long sessionsAccepted) {
        this(startTime, listening, engine, connections, sessions, refusals, closes, sessionEnds, connectionsAccepted,
            sessionsAccepted, listening.stream()
                .map(a -> new ListeningEndpoint(RoutingInstance.DEFAULT, a, NamespaceStatus.PRESENT)).toList());
    }

    /** The refusals counted under one reason. */
    public long refusals(final Refusal reason) {
        return refusals.getOrDefault(reason, 0L);
    }

    /** The connections closed for one reason. */
    public long closes(final CloseReason reason) {
        return closes.getOrDefault(reason, 0L);
    }

    /** The authentication failures counted under a configured KeyID. */
    public long authenticationFailures(final String keyId) {
        return authenticationFailures.getOrDefault(keyId, 0L);
    }

    /** The test packets dropped for one reason since the start. */
    public long packetsDropped(final DropReason reason) {
        return packetsDropped.getOrDefault(reason, 0L);
    }

    /** The sessions ended for one reason. */
    public long sessionEnds(final SessionEndReason reason) {
        return sessionEnds.getOrDefault(reason, 0L);
    }
}
