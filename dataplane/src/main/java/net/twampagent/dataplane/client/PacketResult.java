package net.twampagent.dataplane.client;

import net.twampagent.dataplane.wire.NtpTimestamp;

/**
 * One reflected packet as the Session-Sender saw it: the four timestamps (NTP format) and what the reflector
 * reported.
 *
 * @param senderSequence the sequence number the sender gave it
 * @param reflectorSequence the reflector's own sequence number
 * @param t1 sent by the sender
 * @param t2 received by the reflector
 * @param t3 sent back by the reflector
 * @param t4 received back by the sender
 * @param senderTtl the TTL the reflector saw (255: it could not read it)
 * @param length the reply's length in octets
 * @param reflectorSynchronized whether the reflector's Error Estimate has the S bit
 */
public record PacketResult(long senderSequence, long reflectorSequence, long t1, long t2, long t3, long t4,
        int senderTtl, int length, boolean reflectorSynchronized) {
    /** Round-trip time without the reflector's residence: (T4 - T1) - (T3 - T2), nanoseconds. */
    public long roundTripNanos() {
        return NtpTimestamp.differenceNanos(t4, t1) - residenceNanos();
    }

    /** Time spent in the reflector: T3 - T2, nanoseconds. */
    public long residenceNanos() {
        return NtpTimestamp.differenceNanos(t3, t2);
    }

    /** T2 - T1, nanoseconds: meaningful only when both clocks are synchronised. */
    public long forwardNanos() {
        return NtpTimestamp.differenceNanos(t2, t1);
    }

    /** T4 - T3, nanoseconds: meaningful only when both clocks are synchronised. */
    public long backwardNanos() {
        return NtpTimestamp.differenceNanos(t4, t3);
    }
}
