package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 */
public record ServerSnapshot(Instant startTime, List<InetSocketAddress> listening, String engine,
        List<ConnectionSnapshot> connections, List<SessionSnapshot> sessions, Map<Refusal, Long> refusals,
        Map<CloseReason, Long> closes, Map<SessionEndReason, Long> sessionEnds, long connectionsAccepted,
        long sessionsAccepted) {
    public ServerSnapshot {
        listening = List.copyOf(listening);
        connections = List.copyOf(connections);
        sessions = List.copyOf(sessions);
        refusals = Map.copyOf(refusals);
        closes = Map.copyOf(closes);
        sessionEnds = Map.copyOf(sessionEnds);
    }

    /** The refusals counted under one reason. */
    public long refusals(final Refusal reason) {
        return refusals.getOrDefault(reason, 0L);
    }

    /** The connections closed for one reason. */
    public long closes(final CloseReason reason) {
        return closes.getOrDefault(reason, 0L);
    }

    /** The sessions ended for one reason. */
    public long sessionEnds(final SessionEndReason reason) {
        return sessionEnds.getOrDefault(reason, 0L);
    }
}
