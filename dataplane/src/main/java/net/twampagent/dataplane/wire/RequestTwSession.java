package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Request-TW-Session (RFC 5357 §3.5), 112 octets: Command 5 (1) MBZ/IPVN(1) Conf-Sender(1) Conf-Receiver(1)
 * Slots(4) Packets(4) Sender Port(2) Receiver Port(2) Sender Address(16) Receiver Address(16) SID(16)
 * Padding Length(4) Start Time(8) Timeout(8) Type-P Descriptor(4) MBZ(8) HMAC(16).
 *
 * <p>The record keeps what arrived, even values the RFC forbids, so that the server can say exactly what was
 * wrong; validation is the server's job, not the codec's.
 *
 * @param command the Command Number (5 for a valid request)
 * @param ipvn the IP version, 4 or 6 (the low 4 bits of octet 1)
 * @param confSender must be 0
 * @param confReceiver must be 0
 * @param slots Number of Schedule Slots, must be 0 (unsigned 32 bits)
 * @param packets Number of Packets, must be 0 (unsigned 32 bits)
 * @param senderPort the UDP port the Session-Sender sends from and the reflector replies to
 * @param receiverPort the UDP port the Session-Sender sends to
 * @param senderAddress 16 octets, IPv4 in the first 4; all zero means the control connection's client address
 * @param receiverAddress 16 octets, IPv4 in the first 4; all zero means the control connection's server address
 * @param sid must be zero in a request
 * @param paddingLength the sender's Packet Padding length (unsigned 32 bits)
 * @param startTime NTP time the session is to start, 0 for at once
 * @param timeout NTP-format interval the reflector keeps reflecting after Stop-Sessions
 * @param typeP the Type-P Descriptor; {@code 00} in the two high bits then the DSCP in the next six
 */
public record RequestTwSession(int command, int ipvn, int confSender, int confReceiver, long slots, long packets,
        int senderPort, int receiverPort, byte[] senderAddress, byte[] receiverAddress, byte[] sid,
        long paddingLength, long startTime, long timeout, int typeP) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 112;

    @Override
    public int size() {
        return SIZE;
    }

    public RequestTwSession {
        Octets.requireLength("Sender Address", senderAddress, 16);
        Octets.requireLength("Receiver Address", receiverAddress, 16);
        Octets.requireLength("SID", sid, 16);
    }

    /**
     * A well-formed request as a client sends it.
     *
     * @param sender the sender address, or null to let the server use the control connection's
     * @param receiver the receiver address, or null likewise
     * @param ipvn 4 or 6
     */
    public static RequestTwSession of(final int ipvn, final InetAddress sender, final int senderPort,
            final InetAddress receiver, final int receiverPort, final long paddingLength, final long startTime,
            final long timeout, final int dscp) {
        return new RequestTwSession(CommandNumber.REQUEST_TW_SESSION, ipvn, 0, 0, 0, 0, senderPort, receiverPort,
            addressField(sender), addressField(receiver), new byte[16], paddingLength, startTime, timeout,
            typePOfDscp(dscp));
    }

    /** The Type-P Descriptor that asks for a DSCP (RFC 4656 §3.5: {@code 00} then six DSCP bits). */
    public static int typePOfDscp(final int dscp) {
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("DSCP " + dscp + " is outside 0..63");
        }
        return dscp << 24;
    }

    /** Whether the Type-P Descriptor is a plain DSCP (the only form TWAMP allows, RFC 5357 §3.5). */
    public boolean typePIsDscp() {
        return (typeP >>> 30) == 0 && (typeP & 0x00FF_FFFF) == 0;
    }

    /** The DSCP the Type-P Descriptor asks for. */
    public int dscp() {
        return typeP >>> 24 & 0x3F;
    }

    /** The sender address, or null when the field is all zero. */
    public InetAddress senderInetAddress() {
        return address(senderAddress, ipvn);
    }

    /** The receiver address, or null when the field is all zero. */
    public InetAddress receiverInetAddress() {
        return address(receiverAddress, ipvn);
    }

    /** Writes the message with a zero HMAC (unauthenticated mode). */
    @Override
    public void encode(final ByteBuf out) {
        out.writeByte(command).writeByte(ipvn & 0x0F).writeByte(confSender).writeByte(confReceiver)
            .writeInt((int) slots).writeInt((int) packets).writeShort(senderPort).writeShort(receiverPort)
            .writeBytes(senderAddress).writeBytes(receiverAddress).writeBytes(sid).writeInt((int) paddingLength)
            .writeLong(startTime).writeLong(timeout).writeInt(typeP).writeZero(8).writeZero(16);
    }

    /** Reads the message; the MBZ high nibble of octet 1 is ignored as RFC 4656 asks. */
    public static RequestTwSession decode(final ByteBuf in) {
        Octets.requireReadable("Request-TW-Session", in, SIZE);
        final int command = in.readUnsignedByte();
        final int ipvn = in.readUnsignedByte() & 0x0F;
        final int confSender = in.readUnsignedByte();
        final int confReceiver = in.readUnsignedByte();
        final long slots = in.readUnsignedInt();
        final long packets = in.readUnsignedInt();
        final int senderPort = in.readUnsignedShort();
        final int receiverPort = in.readUnsignedShort();
        final byte[] sender = Octets.read(in, 16);
        final byte[] receiver = Octets.read(in, 16);
        final byte[] sid = Octets.read(in, 16);
        final long padding = in.readUnsignedInt();
        final long start = in.readLong();
        final long timeout = in.readLong();
        final int typeP = in.readInt();
        in.skipBytes(24);
        return new RequestTwSession(command, ipvn, confSender, confReceiver, slots, packets, senderPort,
            receiverPort, sender, receiver, sid, padding, start, timeout, typeP);
    }

    /** The 16-octet address field of an address; zeros for null. */
    public static byte[] addressField(final InetAddress address) {
        final byte[] field = new byte[16];
        if (address != null) {
            final byte[] raw = address.getAddress();
            System.arraycopy(raw, 0, field, 0, raw.length);
        }
        return field;
    }

    /** The IP version of an address: 4 or 6. */
    public static int ipvnOf(final InetAddress address) {
        return address instanceof Inet4Address ? 4 : 6;
    }

    private static InetAddress address(final byte[] field, final int ipvn) {
        if (Octets.allZero(field)) {
            return null;
        }
        final byte[] raw = new byte[ipvn == 4 ? 4 : 16];
        System.arraycopy(field, 0, raw, 0, raw.length);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 octet address is always valid", e);
        }
    }

    /** Whether the SID field is zero, as a request's must be. */
    public boolean sidIsZero() {
        return Octets.allZero(sid);
    }
}
