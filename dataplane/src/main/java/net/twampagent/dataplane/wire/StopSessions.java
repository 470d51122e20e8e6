package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * Stop-Sessions in its TWAMP form (RFC 5357 §3.8), 32 octets: Command 3 (1) Accept(1) MBZ(2)
 * Number of Sessions(4) MBZ(8) HMAC(16).
 *
 * @param accept 0 for a normal end; non-zero says the results are invalid
 * @param numberOfSessions the sessions the client started and has not stopped (unsigned 32 bits)
 */
public record StopSessions(int accept, long numberOfSessions) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 32;

    @Override
    public int size() {
        return SIZE;
    }

    /** Writes the message with a zero HMAC (unauthenticated mode). */
    @Override
    public void encode(final ByteBuf out) {
        out.writeByte(CommandNumber.STOP_SESSIONS).writeByte(accept).writeZero(2).writeInt((int) numberOfSessions)
            .writeZero(8).writeZero(16);
    }

    /** Reads the message; the caller has checked the command number. */
    public static StopSessions decode(final ByteBuf in) {
        Octets.requireReadable("Stop-Sessions", in, SIZE);
        in.skipBytes(1);
        final int accept = in.readUnsignedByte();
        in.skipBytes(2);
        final long count = in.readUnsignedInt();
        in.skipBytes(24);
        return new StopSessions(accept, count);
    }
}
