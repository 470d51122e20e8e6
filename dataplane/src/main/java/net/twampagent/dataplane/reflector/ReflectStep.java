package net.twampagent.dataplane.reflector;

import static net.twampagent.dataplane.wire.TestPacketLayout.COPIED_ERROR_ESTIMATE;
import static net.twampagent.dataplane.wire.TestPacketLayout.COPIED_SEQUENCE;
import static net.twampagent.dataplane.wire.TestPacketLayout.COPIED_TIMESTAMP;
import static net.twampagent.dataplane.wire.TestPacketLayout.ERROR_ESTIMATE;
import static net.twampagent.dataplane.wire.TestPacketLayout.MBZ_1;
import static net.twampagent.dataplane.wire.TestPacketLayout.MBZ_2;
import static net.twampagent.dataplane.wire.TestPacketLayout.PADDING;
import static net.twampagent.dataplane.wire.TestPacketLayout.RECEIVE_TIMESTAMP;
import static net.twampagent.dataplane.wire.TestPacketLayout.REFLECTED_MINIMUM;
import static net.twampagent.dataplane.wire.TestPacketLayout.SENDER_ERROR_ESTIMATE;
import static net.twampagent.dataplane.wire.TestPacketLayout.SENDER_MINIMUM;
import static net.twampagent.dataplane.wire.TestPacketLayout.SENDER_SEQUENCE;
import static net.twampagent.dataplane.wire.TestPacketLayout.SENDER_TIMESTAMP;
import static net.twampagent.dataplane.wire.TestPacketLayout.SENDER_TTL;
import static net.twampagent.dataplane.wire.TestPacketLayout.SEQUENCE;
import static net.twampagent.dataplane.wire.TestPacketLayout.TIMESTAMP;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.wire.TestPacketLayout;

/**
 * Turns an unauthenticated Session-Sender packet into the Session-Reflector's reply, in place (RFC 5357 §4.2.1).
 * Every engine calls this same code, so the TWAMP rules of the reply live here once. It keeps no state, takes
 * every time and number from its caller, allocates nothing and uses absolute indexes only (the buffer's position
 * and limit are left alone), so a slot of a larger buffer, or a {@code MemorySegment} seen through
 * {@code asByteBuffer()}, works as well as a buffer of its own.
 *
 * <p>Two calls per packet, so that T3 can be read as late as possible: {@link #reflect} right after receive,
 * then {@link #stampTransmit} just before the send.
 *
 * <p>Sessions in authenticated or encrypted mode carry a {@link TestPacketProtection} (per session, used by the
 * session's reflector thread only) and go through the overloads that take it: the sender packet's HMAC is checked
 * first ({@link #BAD_HMAC} when it fails: not reflected), the reply takes the protected layout, and it is sealed
 * after T3 is written, since in encrypted mode T3 lies inside the ciphered blocks. A null protection means the
 * session is in clear (modes 1 and 8), and the overloads do exactly what the plain methods do.
 */
public final class ReflectStep {
    private ReflectStep() {
    }

    /**
     * The length of the reply to a sender packet of {@code receivedLength} octets: never below 41 octets, and
     * equal to the received length when the sender padded enough, so both directions carry the same payload.
     */
    public static int replyLength(final int receivedLength) {
        return Math.max(receivedLength, REFLECTED_MINIMUM);
    }

    /**
     * Rewrites the sender packet at {@code base} into the reply, except its transmit Timestamp.
     *
     * <p>Copies the sender's Sequence Number, Timestamp and Error Estimate, writes the reflector's Sequence
     * Number, Error Estimate, Receive Timestamp (T2) and the Sender TTL, zeroes both MBZ fields, and reuses the
     * sender's padding truncated at its end (RFC 5357 §4.2.1: the highest-numbered octets are discarded).
     *
     * @param packet a big-endian buffer holding the received packet from {@code base}, with room for
     *     {@link #replyLength} octets from {@code base}
     * @param base the index of the packet's first octet
     * @param receivedLength the received length, at least 14
     * @param sequence the reflector's own Sequence Number for this reply (counts from 0 per session)
     * @param receiveTimestamp T2, NTP format
     * @param errorEstimate the reflector clock's Error Estimate (its Multiplier must not be 0)
     * @param senderTtl the TTL or Hop Limit of the arriving packet, 255 when it could not be read
     * @return the length of the reply
     * @throws IllegalArgumentException when the packet is too short, the buffer too small or not big-endian
     */
    public static int reflect(final ByteBuffer packet, final int base, final int receivedLength, final int sequence,
            final long receiveTimestamp, final short errorEstimate, final int senderTtl) {
        final int replyLength = replyLength(receivedLength);
        if (receivedLength < SENDER_MINIMUM || packet.capacity() - base < replyLength
                || packet.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("cannot reflect " + receivedLength + " octets at " + base
                + " in a " + packet.order() + " buffer of " + packet.capacity());
        }
        final int senderSequence = packet.getInt(base + SENDER_SEQUENCE);
        final long senderTimestamp = packet.getLong(base + SENDER_TIMESTAMP);
        final short senderError = packet.getShort(base + SENDER_ERROR_ESTIMATE);
        // The sender's padding starts at 14 and the reply's at 41: shift what is kept before the header lands on it.
        moveUp(packet, base + SENDER_MINIMUM, base + PADDING, replyLength - PADDING);
        packet.putInt(base + SEQUENCE, sequence);
        packet.putShort(base + ERROR_ESTIMATE, errorEstimate);
        packet.putShort(base + MBZ_1, (short) 0);
        packet.putLong(base + RECEIVE_TIMESTAMP, receiveTimestamp);
        packet.putInt(base + COPIED_SEQUENCE, senderSequence);
        packet.putLong(base + COPIED_TIMESTAMP, senderTimestamp);
        packet.putShort(base + COPIED_ERROR_ESTIMATE, senderError);
        packet.putShort(base + MBZ_2, (short) 0);
        packet.put(base + SENDER_TTL, (byte) senderTtl);
        return replyLength;
    }

    /** What {@link #reflect(TestPacketProtection, ByteBuffer, int, int, int, long, short, int)} returns for a
     * packet whose HMAC does not verify. */
    public static final int BAD_HMAC = -1;

    /** The smallest sender packet a session reflects: 14 octets in clear, 48 when protected. */
    public static int senderMinimum(final TestPacketProtection protection) {
        return protection == null ? SENDER_MINIMUM : TestPacketProtection.SENDER_MINIMUM;
    }

    /**
     * {@link #reflect(ByteBuffer, int, int, int, long, short, int)} for a session that may be protected: with a
     * protection, checks and deciphers the sender packet, then writes the protected reply (RFC 5357 §4.2.1 with
     * erratum 5045) of max(received, 112) octets, the sender's padding moved after the reply's HMAC field.
     *
     * @param receivedLength the received length, at least {@link #senderMinimum}
     * @return the length of the reply, or {@link #BAD_HMAC} with the packet unchanged
     */
    public static int reflect(final TestPacketProtection protection, final ByteBuffer packet, final int base,
            final int receivedLength, final int sequence, final long receiveTimestamp, final short errorEstimate,
            final int senderTtl) {
        if (protection == null) {
            return reflect(packet, base, receivedLength, sequence, receiveTimestamp, errorEstimate, senderTtl);
        }
        final int replyLength = Math.max(receivedLength, TestPacketLayout.PROTECTED_PADDING);
        if (receivedLength < TestPacketProtection.SENDER_MINIMUM || packet.capacity() - base < replyLength
                || packet.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("cannot reflect " + receivedLength + " protected octets at " + base
                + " in a " + packet.order() + " buffer of " + packet.capacity());
        }
        if (!protection.openSender(packet, base, receivedLength)) {
            return BAD_HMAC;
        }
        final int senderSequence = packet.getInt(base + SEQUENCE);
        final long senderTimestamp = packet.getLong(base + TestPacketLayout.PROTECTED_SENDER_TIMESTAMP);
        final short senderError = packet.getShort(base + TestPacketLayout.PROTECTED_SENDER_ERROR_ESTIMATE);
        moveUp(packet, base + TestPacketLayout.PROTECTED_SENDER_PADDING, base + TestPacketLayout.PROTECTED_PADDING,
            replyLength - TestPacketLayout.PROTECTED_PADDING);
        // Every MBZ octet and the HMAC field are zero before the fields land; 112 is a whole number of longs.
        for (int i = 0; i < TestPacketLayout.PROTECTED_PADDING; i += Long.BYTES) {
            packet.putLong(base + i, 0L);
        }
        packet.putInt(base + SEQUENCE, sequence);
        packet.putShort(base + TestPacketLayout.PROTECTED_ERROR_ESTIMATE, errorEstimate);
        packet.putLong(base + TestPacketLayout.PROTECTED_RECEIVE_TIMESTAMP, receiveTimestamp);
        packet.putInt(base + TestPacketLayout.PROTECTED_COPIED_SEQUENCE, senderSequence);
        packet.putLong(base + TestPacketLayout.PROTECTED_COPIED_TIMESTAMP, senderTimestamp);
        packet.putShort(base + TestPacketLayout.PROTECTED_COPIED_ERROR_ESTIMATE, senderError);
        packet.put(base + TestPacketLayout.PROTECTED_SENDER_TTL, (byte) senderTtl);
        return replyLength;
    }

    /**
     * Writes T3 into a reply made by {@link #reflect(TestPacketProtection, ByteBuffer, int, int, int, long, short,
     * int)} and, when the session is protected, seals the reply.
     */
    public static void stampTransmit(final TestPacketProtection protection, final ByteBuffer packet, final int base,
            final int replyLength, final long transmitTimestamp) {
        if (protection == null) {
            stampTransmit(packet, base, transmitTimestamp);
            return;
        }
        packet.putLong(base + TestPacketLayout.PROTECTED_TIMESTAMP, transmitTimestamp);
        protection.sealReflector(packet, base, replyLength);
    }

    /** Writes the transmit Timestamp (T3) of a reply made by {@link #reflect}. */
    public static void stampTransmit(final ByteBuffer packet, final int base, final long transmitTimestamp) {
        packet.putLong(base + TIMESTAMP, transmitTimestamp);
    }

    /**
     * The T3 to send given T2 and the clock's reading now: the reading, or one fraction unit (about 0.23 ns) after
     * T2 when the clock did not move, so that T3 and T2 are never equal and the residence time never negative.
     */
    public static long transmitTimestamp(final long receiveTimestamp, final long now) {
        return Long.compareUnsigned(now, receiveTimestamp) > 0 ? now : receiveTimestamp + 1;
    }

    private static void moveUp(final ByteBuffer buf, final int from, final int to, final int length) {
        // Regions overlap and to > from: copy from the end. The shift (27 or 64) exceeds 8, so whole longs are safe.
        int i = length;
        while (i >= Long.BYTES) {
            i -= Long.BYTES;
            buf.putLong(to + i, buf.getLong(from + i));
        }
        while (i > 0) {
            i--;
            buf.put(to + i, buf.get(from + i));
        }
    }
}
