package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * Server Greeting (RFC 4656 §3.1), 64 octets: Unused(12) Modes(4) Challenge(16) Salt(16) Count(4) MBZ(12).
 * A greeting with Modes 0 tells the client that the server will not serve it.
 *
 * @param modes the offered modes bitmask
 * @param challenge 16 random octets
 * @param salt 16 random octets, the PBKDF2 salt
 * @param count the PBKDF2 iteration count
 */
public record ServerGreeting(int modes, byte[] challenge, byte[] salt, int count) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 64;

    @Override
    public int size() {
        return SIZE;
    }

    public ServerGreeting {
        Octets.requireLength("Challenge", challenge, 16);
        Octets.requireLength("Salt", salt, 16);
    }

    /** Writes the greeting. */
    @Override
    public void encode(final ByteBuf out) {
        out.writeZero(12).writeInt(modes).writeBytes(challenge).writeBytes(salt).writeInt(count).writeZero(12);
    }

    /** Reads a greeting from the next {@value #SIZE} readable octets. */
    public static ServerGreeting decode(final ByteBuf in) {
        Octets.requireReadable("Server Greeting", in, SIZE);
        in.skipBytes(12);
        final int modes = in.readInt();
        final byte[] challenge = Octets.read(in, 16);
        final byte[] salt = Octets.read(in, 16);
        final int count = in.readInt();
        in.skipBytes(12);
        return new ServerGreeting(modes, challenge, salt, count);
    }
}
