package net.twampagent.dataplane.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * The ciphered TWAMP-Control channel of one connection in modes 2, 4 and 8 (RFC 4656 §3.1-§3.2), one object per
 * end. Each direction is one AES-CBC chain keyed by the AES Session-key, starting at the Client-IV
 * (client to server) or the Server-IV (server to client) and continuing from message to message. Each direction
 * also keeps a running HMAC-SHA1, keyed by the HMAC Session-key, over the plaintext of every block sent since the
 * previous HMAC field; an HMAC field carries its first 16 octets and is itself encrypted in the chain.
 *
 * <p>As perfSONAR does it: the server's first ciphered block is the last block of Server-Start (Start-Time and
 * MBZ), given to {@link #encryptOutgoing} with no HMAC field of its own; the client gives it to
 * {@link #decryptIncoming}. It is therefore covered by the first HMAC the server sends, the one in
 * Accept-Session. Every other message is its blocks followed by one HMAC field.
 *
 * <p>Every method works in place on the octets between a buffer's position and limit, which must be whole
 * 16-octet blocks, and leaves position and limit where they were. Cipher and HMAC states are made once per
 * connection. Once an HMAC has failed to verify, the receiving direction stays failed: the caller is to close
 * the connection. Not for use by two threads at once.
 */
public final class ControlChannel {
    /** Octets of an HMAC field: HMAC-SHA1 truncated to 128 bits. */
    public static final int HMAC_LENGTH = HmacSha1.TRUNCATED_LENGTH;

    private final Cipher encryptor;
    private final Cipher decryptor;
    private final HmacSha1 sendHmac;
    private final HmacSha1 receiveHmac;
    private final byte[] digest = new byte[HmacSha1.LENGTH];
    private final byte[] received = new byte[HMAC_LENGTH];
    private boolean receiveFailed;

    private ControlChannel(final SessionKeys keys, final byte[] sendIv, final byte[] receiveIv) {
        final byte[] aesKey = keys.aesKey();
        final byte[] hmacKey = keys.hmacKey();
        encryptor = Aes.cbc(Cipher.ENCRYPT_MODE, aesKey, sendIv);
        decryptor = Aes.cbc(Cipher.DECRYPT_MODE, aesKey, receiveIv);
        sendHmac = new HmacSha1(hmacKey);
        receiveHmac = new HmacSha1(hmacKey);
    }

    /** The server's end: it sends from the Server-IV and receives from the Client-IV. */
    public static ControlChannel forServer(final SessionKeys keys, final byte[] clientIv, final byte[] serverIv) {
        return new ControlChannel(keys, serverIv, clientIv);
    }

    /** The client's end: it sends from the Client-IV and receives from the Server-IV. */
    public static ControlChannel forClient(final SessionKeys keys, final byte[] clientIv, final byte[] serverIv) {
        return new ControlChannel(keys, clientIv, serverIv);
    }

    /** Adds the plaintext {@code blocks} to the sending HMAC, then encrypts them in place. */
    public void encryptOutgoing(final ByteBuffer blocks) {
        Aes.requireWholeBlocks("outgoing control data", blocks.remaining());
        sendHmac.update(blocks.duplicate());
        transform(encryptor, blocks);
    }

    /**
     * Writes the HMAC of everything sent since the previous HMAC field into {@code hmacField} (16 octets) and
     * encrypts it in place; the next HMAC starts from nothing.
     */
    public void sealOutgoing(final ByteBuffer hmacField) {
        requireHmacField(hmacField);
        sendHmac.finish(digest, 0);
        hmacField.put(hmacField.position(), digest, 0, HMAC_LENGTH);
        transform(encryptor, hmacField);
    }

    /** Seals a whole plaintext message in place: its last 16 octets are its HMAC field, whatever they held. */
    public void sealMessage(final ByteBuffer message) {
        encryptOutgoing(body(message));
        sealOutgoing(hmacField(message));
    }

    /** Decrypts {@code blocks} in place and adds their plaintext to the receiving HMAC. */
    public void decryptIncoming(final ByteBuffer blocks) {
        Aes.requireWholeBlocks("incoming control data", blocks.remaining());
        transform(decryptor, blocks);
        receiveHmac.update(blocks.duplicate());
    }

    /**
     * Decrypts the HMAC field {@code hmacField} (16 octets) in place and compares it, in constant time, with the
     * HMAC of everything received since the previous HMAC field; the next HMAC starts from nothing.
     *
     * @return whether the message is authentic and every earlier one was; act on a message only when true
     */
    public boolean verifyIncoming(final ByteBuffer hmacField) {
        requireHmacField(hmacField);
        transform(decryptor, hmacField);
        hmacField.get(hmacField.position(), received, 0, HMAC_LENGTH);
        receiveHmac.finish(digest, 0);
        receiveFailed |= !HmacSha1.matchesTruncated(digest, received);
        return !receiveFailed;
    }

    /** Opens a whole received message in place: decrypts it and verifies its last 16 octets as its HMAC field. */
    public boolean openMessage(final ByteBuffer message) {
        decryptIncoming(body(message));
        return verifyIncoming(hmacField(message));
    }

    private static ByteBuffer body(final ByteBuffer message) {
        if (message.remaining() < HMAC_LENGTH) {
            throw new IllegalArgumentException("a control message has at least its 16-octet HMAC field, not "
                + message.remaining() + " octets");
        }
        final ByteBuffer body = message.duplicate();
        body.limit(message.limit() - HMAC_LENGTH);
        return body;
    }

    private static ByteBuffer hmacField(final ByteBuffer message) {
        final ByteBuffer field = message.duplicate();
        field.position(message.limit() - HMAC_LENGTH);
        return field;
    }

    private static void requireHmacField(final ByteBuffer field) {
        if (field.remaining() != HMAC_LENGTH) {
            throw new IllegalArgumentException("an HMAC field is 16 octets, not " + field.remaining());
        }
    }

    /** Runs the chain over the region; update, never doFinal, so the chain carries on into the next message. */
    private static void transform(final Cipher cipher, final ByteBuffer region) {
        try {
            final int done = cipher.update(region.duplicate(), region.duplicate());
            if (done != region.remaining()) {
                throw new IllegalStateException("AES-CBC held back " + (region.remaining() - done) + " octets");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC refused whole blocks", e);
        }
    }
}
