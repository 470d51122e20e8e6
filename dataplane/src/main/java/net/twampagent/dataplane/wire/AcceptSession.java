package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * Accept-Session (RFC 4656 §3.5, RFC 5357 §3.5), 48 octets: Accept(1) MBZ(1) Port(2) SID(16) MBZ(12) HMAC(16).
 *
 * @param accept the Accept value
 * @param port the reflector's UDP port (the one asked for, or an alternate); 0 when refused
 * @param sid the session identifier the server made; zeros when refused
 */
public record AcceptSession(int accept, int port, byte[] sid) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 48;

    @Override
    public int size() {
        return SIZE;
    }

    public AcceptSession {
        Octets.requireLength("SID", sid, 16);
    }

    /** A refusal: the Accept value, Port 0 and a zero SID, as RFC 5357 §3.5 asks. */
    public static AcceptSession refused(final int accept) {
        return new AcceptSession(accept, 0, new byte[16]);
    }

    /** Writes the message with a zero HMAC (unauthenticated mode). */
    @Override
    public void encode(final ByteBuf out) {
        out.writeByte(accept).writeZero(1).writeShort(port).writeBytes(sid).writeZero(12).writeZero(16);
    }

    /** Reads the message. */
    public static AcceptSession decode(final ByteBuf in) {
        Octets.requireReadable("Accept-Session", in, SIZE);
        final int accept = in.readUnsignedByte();
        in.skipBytes(1);
        final int port = in.readUnsignedShort();
        final byte[] sid = Octets.read(in, 16);
        in.skipBytes(28);
        return new AcceptSession(accept, port, sid);
    }
}
