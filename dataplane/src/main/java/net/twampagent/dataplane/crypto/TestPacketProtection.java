package net.twampagent.dataplane.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import net.twampagent.dataplane.config.AuthMode;

/**
 * Seals and opens the TWAMP-Test packets of one session in authenticated (2) or encrypted (4) mode, in place and
 * without allocating: the ciphers and the HMAC are made once, and every packet goes through the same scratch
 * arrays.
 *
 * <p>Formats (RFC 4656 §4.1.2, RFC 5357 §4.1.2 and §4.2.1 with erratum 5045), and what perfSONAR covers:
 * <ul>
 *   <li>Sender packet, 48 octets before padding; HMAC field at 32. Authenticated: block 0 (Sequence Number, MBZ)
 *       encrypted with AES-ECB and covered by the HMAC, the timestamp block in clear and not covered. Encrypted:
 *       blocks 0-1 encrypted with AES-CBC from IV 0 and covered.</li>
 *   <li>Reflector packet, 112 octets before padding; HMAC field at 96. Authenticated: block 0 as above.
 *       Encrypted: blocks 0-5 (everything before the HMAC) with AES-CBC from IV 0, all covered.</li>
 * </ul>
 * The HMAC is over the plaintext of the covered blocks, truncated to 16 octets. Padding is never encrypted or
 * covered.
 *
 * <p>Methods take the packet between the buffer's position and limit, or at an absolute index and length (so
 * that an engine can work on a slot of a larger buffer without a slice), change only the covered blocks and the
 * HMAC field, and leave position and limit where they were. Not for use by two threads at once.
 */
public final class TestPacketProtection {
    /** Smallest authenticated or encrypted sender packet. */
    public static final int SENDER_MINIMUM = 48;
    /** Offset of the sender packet's HMAC field. */
    public static final int SENDER_HMAC_OFFSET = 32;
    /** Smallest authenticated or encrypted reflector packet (erratum 5045: 112, not 104). */
    public static final int REFLECTOR_MINIMUM = 112;
    /** Offset of the reflector packet's HMAC field. */
    public static final int REFLECTOR_HMAC_OFFSET = 96;

    private static final int ENCRYPTED_SENDER_BLOCKS = 2;
    private static final int ENCRYPTED_REFLECTOR_BLOCKS = 6;

    private final int senderBlocks;
    private final int reflectorBlocks;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final HmacSha1 hmac;
    private final byte[] clear = new byte[ENCRYPTED_REFLECTOR_BLOCKS * Aes.BLOCK];
    private final byte[] wire = new byte[ENCRYPTED_REFLECTOR_BLOCKS * Aes.BLOCK];
    private final byte[] digest = new byte[HmacSha1.LENGTH];
    private final byte[] field = new byte[HmacSha1.TRUNCATED_LENGTH];

    private TestPacketProtection(final AuthMode mode, final SessionKeys keys) {
        final boolean encrypted = mode == AuthMode.ENCRYPTED;
        senderBlocks = encrypted ? ENCRYPTED_SENDER_BLOCKS : 1;
        reflectorBlocks = encrypted ? ENCRYPTED_REFLECTOR_BLOCKS : 1;
        // doFinal returns a CBC cipher to its IV after every packet, and CBC from IV 0 over one block is ECB.
        encryptor = Aes.cbcFromZero(Cipher.ENCRYPT_MODE, keys.aesKey());
        decryptor = Aes.cbcFromZero(Cipher.DECRYPT_MODE, keys.aesKey());
        hmac = new HmacSha1(keys.hmacKey());
    }

    /**
     * The protection of the test session {@code sid} of a connection keyed by {@code control}.
     *
     * @param mode {@link AuthMode#AUTHENTICATED} or {@link AuthMode#ENCRYPTED}; the other modes send test
     *     packets in clear
     */
    public static TestPacketProtection forSession(final AuthMode mode, final SessionKeys control, final byte[] sid) {
        if (mode != AuthMode.AUTHENTICATED && mode != AuthMode.ENCRYPTED) {
            throw new IllegalArgumentException("test packets are not protected in mode " + mode);
        }
        return new TestPacketProtection(mode, control.forTestSession(sid));
    }

    /** Encrypts a sender packet filled in clear and writes its HMAC field (the Session-Sender's side). */
    public void sealSender(final ByteBuffer packet) {
        sealSender(packet, packet.position(), packet.remaining());
    }

    /** {@link #sealSender(ByteBuffer)} for the {@code length} octets at absolute index {@code base}. */
    public void sealSender(final ByteBuffer packet, final int base, final int length) {
        seal(packet, base, length, senderBlocks, SENDER_HMAC_OFFSET, SENDER_MINIMUM, "sender");
    }

    /**
     * Checks and decrypts an arriving sender packet (the Session-Reflector's side).
     *
     * @return false, with the packet unchanged, when it is short or its HMAC does not match: do not reflect it
     */
    public boolean openSender(final ByteBuffer packet) {
        return openSender(packet, packet.position(), packet.remaining());
    }

    /** {@link #openSender(ByteBuffer)} for the {@code length} octets at absolute index {@code base}. */
    public boolean openSender(final ByteBuffer packet, final int base, final int length) {
        return open(packet, base, length, senderBlocks, SENDER_HMAC_OFFSET, SENDER_MINIMUM);
    }

    /** Encrypts a reflector packet filled in clear and writes its HMAC field (the Session-Reflector's side). */
    public void sealReflector(final ByteBuffer packet) {
        sealReflector(packet, packet.position(), packet.remaining());
    }

    /** {@link #sealReflector(ByteBuffer)} for the {@code length} octets at absolute index {@code base}. */
    public void sealReflector(final ByteBuffer packet, final int base, final int length) {
        seal(packet, base, length, reflectorBlocks, REFLECTOR_HMAC_OFFSET, REFLECTOR_MINIMUM, "reflector");
    }

    /**
     * Checks and decrypts an arriving reflector packet (the Session-Sender's side).
     *
     * @return false, with the packet unchanged, when it is short or its HMAC does not match: discard it
     */
    public boolean openReflector(final ByteBuffer packet) {
        return openReflector(packet, packet.position(), packet.remaining());
    }

    /** {@link #openReflector(ByteBuffer)} for the {@code length} octets at absolute index {@code base}. */
    public boolean openReflector(final ByteBuffer packet, final int base, final int length) {
        return open(packet, base, length, reflectorBlocks, REFLECTOR_HMAC_OFFSET, REFLECTOR_MINIMUM);
    }

    private void seal(final ByteBuffer packet, final int start, final int packetLength, final int blocks,
            final int hmacOffset, final int minimum, final String what) {
        if (packetLength < minimum) {
            throw new IllegalArgumentException("a protected " + what + " packet has at least " + minimum
                + " octets, not " + packetLength);
        }
        final int length = blocks * Aes.BLOCK;
        packet.get(start, clear, 0, length);
        hmac.update(clear, 0, length);
        hmac.finish(digest, 0);
        crypt(encryptor, clear, wire, length);
        packet.put(start, wire, 0, length);
        packet.put(start + hmacOffset, digest, 0, HmacSha1.TRUNCATED_LENGTH);
    }

    private boolean open(final ByteBuffer packet, final int start, final int packetLength, final int blocks,
            final int hmacOffset, final int minimum) {
        if (packetLength < minimum) {
            return false;
        }
        final int length = blocks * Aes.BLOCK;
        packet.get(start, wire, 0, length);
        crypt(decryptor, wire, clear, length);
        hmac.update(clear, 0, length);
        hmac.finish(digest, 0);
        packet.get(start + hmacOffset, field, 0, field.length);
        if (!HmacSha1.matchesTruncated(digest, field)) {
            return false;
        }
        packet.put(start, clear, 0, length);
        return true;
    }

    private static void crypt(final Cipher cipher, final byte[] in, final byte[] out, final int length) {
        try {
            cipher.doFinal(in, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC refused whole blocks", e);
        }
    }
}
