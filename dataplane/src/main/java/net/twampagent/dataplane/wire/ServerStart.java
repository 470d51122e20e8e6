package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * Server-Start (RFC 4656 §3.1), 48 octets: MBZ(15) Accept(1) Server-IV(16) Start-Time(8) MBZ(8).
 *
 * @param accept the Accept value; non-zero refuses the connection
 * @param serverIv the server's CBC IV (unused in unauthenticated mode)
 * @param startTime NTP time this server instance started; zero when Accept is non-zero
 */
public record ServerStart(int accept, byte[] serverIv, long startTime) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 48;

    @Override
    public int size() {
        return SIZE;
    }

    public ServerStart {
        Octets.requireLength("Server-IV", serverIv, 16);
    }

    /** Writes the message. */
    @Override
    public void encode(final ByteBuf out) {
        out.writeZero(15).writeByte(accept).writeBytes(serverIv).writeLong(startTime).writeZero(8);
    }

    /** Reads the message from the next {@value #SIZE} readable octets. */
    public static ServerStart decode(final ByteBuf in) {
        Octets.requireReadable("Server-Start", in, SIZE);
        in.skipBytes(15);
        final int accept = in.readUnsignedByte();
        final byte[] iv = Octets.read(in, 16);
        final long start = in.readLong();
        in.skipBytes(8);
        return new ServerStart(accept, iv, start);
    }
}
