package net.twampagent.dataplane.state;

import java.util.Map;

/**
 * Packet counts of one test session at one moment.
 *
 * @param received datagrams that reached the session's port, from anyone
 * @param reflected replies sent
 * @param dropped datagrams not reflected, by reason
 * @param lastSenderSequence the Sequence Number of the last sender packet reflected, -1 before the first
 * @param lastReflectedSequence the reflector's own Sequence Number of the last reply, -1 before the first
 * @param residenceMinNanos the shortest time a packet spent in the reflector (T3 - T2), -1 before the first
 * @param residenceAvgNanos the mean of T3 - T2, -1 before the first
 * @param residenceMaxNanos the longest T3 - T2, -1 before the first
 */
public record SessionStats(long received, long reflected, Map<DropReason, Long> dropped, long lastSenderSequence,
        long lastReflectedSequence, long residenceMinNanos, long residenceAvgNanos, long residenceMaxNanos) {
    public SessionStats {
        dropped = Map.copyOf(dropped);
    }

    /** The datagrams dropped for one reason. */
    public long dropped(final DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    /** Every datagram dropped, whatever the reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
