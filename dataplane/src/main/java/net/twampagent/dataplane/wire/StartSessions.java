package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * Start-Sessions (RFC 4656 §3.7), 32 octets: Command 2 (1) MBZ(15) HMAC(16).
 *
 * @param hmac the HMAC block (zeros in unauthenticated mode)
 */
public record StartSessions(byte[] hmac) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 32;

    @Override
    public int size() {
        return SIZE;
    }

    public StartSessions {
        Octets.requireLength("HMAC", hmac, 16);
    }

    /** The unauthenticated message. */
    public static StartSessions unauthenticated() {
        return new StartSessions(new byte[16]);
    }

    /** Writes the message. */
    @Override
    public void encode(final ByteBuf out) {
        out.writeByte(CommandNumber.START_SESSIONS).writeZero(15).writeBytes(hmac);
    }

    /** Reads the message; the caller has checked the command number. */
    public static StartSessions decode(final ByteBuf in) {
        Octets.requireReadable("Start-Sessions", in, SIZE);
        in.skipBytes(16);
        return new StartSessions(Octets.read(in, 16));
    }
}
