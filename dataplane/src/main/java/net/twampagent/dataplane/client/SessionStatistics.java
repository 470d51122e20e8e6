package net.twampagent.dataplane.client;

import java.util.List;

/**
 * What one session measured.
 *
 * @param sent packets sent
 * @param received distinct packets reflected back
 * @param duplicates replies received more than once
 * @param reordered replies that arrived after a reply to a later packet
 * @param forwardLost packets lost on the way to the reflector (it never numbered them)
 * @param backwardLost replies lost on the way back (the reflector's sequence numbers show the gaps)
 * @param roundTrip round-trip time without the reflector's residence
 * @param residence time spent in the reflector (T3 - T2)
 * @param forward one-way T2 - T1 (meaningful only with synchronised clocks)
 * @param backward one-way T4 - T3 (meaningful only with synchronised clocks)
 * @param jitterNanos mean absolute difference of the round-trip times of consecutive packets (RFC 3393 IPDV)
 * @param clocksSynchronized whether every reply said the reflector's clock was synchronised
 */
public record SessionStatistics(long sent, long received, long duplicates, long reordered, long forwardLost,
        long backwardLost, Summary roundTrip, Summary residence, Summary forward, Summary backward,
        long jitterNanos, boolean clocksSynchronized) {
    /** Packets that never came back. */
    public long lost() {
        return sent - received;
    }

    /** Loss in percent of what was sent. */
    public double lossPercent() {
        return sent == 0 ? 0 : 100.0 * lost() / sent;
    }

    /** The statistics of {@code sent} packets and the distinct replies, in the order they were sent. */
    static SessionStatistics of(final long sent, final List<PacketResult> bySequence, final long duplicates,
            final long reordered) {
        final int n = bySequence.size();
        final long[] rtt = new long[n];
        final long[] residence = new long[n];
        final long[] forward = new long[n];
        final long[] backward = new long[n];
        long maxReflectorSequence = -1;
        long jitterSum = 0;
        boolean synced = n > 0;
        for (int i = 0; i < n; i++) {
            final PacketResult r = bySequence.get(i);
            rtt[i] = r.roundTripNanos();
            residence[i] = r.residenceNanos();
            forward[i] = r.forwardNanos();
            backward[i] = r.backwardNanos();
            maxReflectorSequence = Math.max(maxReflectorSequence, r.reflectorSequence());
            synced &= r.reflectorSynchronized();
            if (i > 0) {
                jitterSum += Math.abs(rtt[i] - rtt[i - 1]);
            }
        }
        // The reflector numbered every packet it got: numbers it used that never came back were lost on return.
        final long backwardLost = Math.max(0, maxReflectorSequence + 1 - n);
        final long lost = sent - n;
        return new SessionStatistics(sent, n, duplicates, reordered, Math.max(0, lost - backwardLost), backwardLost,
            Summary.of(rtt), Summary.of(residence), Summary.of(forward), Summary.of(backward),
            n > 1 ? jitterSum / (n - 1) : 0, synced);
    }
}
