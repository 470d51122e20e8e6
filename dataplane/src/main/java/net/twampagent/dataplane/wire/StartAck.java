package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * Start-Ack (RFC 4656 §3.7), 32 octets: Accept(1) MBZ(15) HMAC(16).
 *
 * @param accept the Accept value; non-zero means the sessions did not start
 */
public record StartAck(int accept) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 32;

    @Override
    public int size() {
        return SIZE;
    }

    /** Writes the message with a zero HMAC (unauthenticated mode). */
    @Override
    public void encode(final ByteBuf out) {
        out.writeByte(accept).writeZero(15).writeZero(16);
    }

    /** Reads the message. */
    public static StartAck decode(final ByteBuf in) {
        Octets.requireReadable("Start-Ack", in, SIZE);
        final int accept = in.readUnsignedByte();
        in.skipBytes(31);
        return new StartAck(accept);
    }
}
