package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Set-Up-Response (RFC 4656 §3.1), 164 octets: Mode(4) KeyID(80) Token(64) Client-IV(16).
 *
 * @param mode the chosen security mode plus any feature bits; 0 means the client gives up
 * @param keyId the KeyID field, UTF-8 zero-padded to 80 octets
 * @param token the encrypted Token (unused in unauthenticated mode)
 * @param clientIv the client's CBC IV (unused in unauthenticated mode)
 */
public record SetUpResponse(int mode, byte[] keyId, byte[] token, byte[] clientIv) implements ControlMessage {
    /** Size on the wire. */
    public static final int SIZE = 164;

    @Override
    public int size() {
        return SIZE;
    }

    public SetUpResponse {
        Octets.requireLength("KeyID", keyId, 80);
        Octets.requireLength("Token", token, 64);
        Octets.requireLength("Client-IV", clientIv, 16);
    }

    /** The response of an unauthenticated client: the mode and zeros everywhere else. */
    public static SetUpResponse unauthenticated(final int mode) {
        return new SetUpResponse(mode, new byte[80], new byte[64], new byte[16]);
    }

    /** The KeyID as text, without its zero padding. */
    public String keyIdText() {
        int end = 0;
        while (end < keyId.length && keyId[end] != 0) {
            end++;
        }
        return new String(keyId, 0, end, StandardCharsets.UTF_8);
    }

    /** Writes the response. */
    @Override
    public void encode(final ByteBuf out) {
        out.writeInt(mode).writeBytes(keyId).writeBytes(token).writeBytes(clientIv);
    }

    /** Reads a response from the next {@value #SIZE} readable octets. */
    public static SetUpResponse decode(final ByteBuf in) {
        Octets.requireReadable("Set-Up-Response", in, SIZE);
        final int mode = in.readInt();
        return new SetUpResponse(mode, Octets.read(in, 80), Octets.read(in, 64), Octets.read(in, 16));
    }
}
