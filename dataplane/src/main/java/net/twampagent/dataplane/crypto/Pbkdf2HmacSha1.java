package net.twampagent.dataplane.crypto;

import java.util.Arrays;

/**
 * The key that seals the Token: PBKDF2 (RFC 8018 §5.2) with HMAC-SHA1, the shared secret, the greeting's Salt and
 * Count, and a 16-octet result (RFC 4656 §3.1), which is the first 16 octets of PBKDF2's first block.
 *
 * <p>Why not {@code SecretKeyFactory "PBKDF2WithHmacSHA1"}: it takes the password as {@code char[]} and encodes
 * it as UTF-8, so a secret of arbitrary octets (perfSONAR key files hold any octets, in hex) cannot be given to it.
 * Tests hold this class equal to the JDK's for UTF-8 secrets, and to the RFC 6070 vectors.
 */
final class Pbkdf2HmacSha1 {
    /** Octets of the derived key: one AES-128 key. */
    static final int LENGTH = 16;
    private static final byte[] FIRST_BLOCK_INDEX = {0, 0, 0, 1};

    private Pbkdf2HmacSha1() {
    }

    static byte[] derive(final byte[] secret, final byte[] salt, final int count) {
        if (count < 1) {
            throw new IllegalArgumentException(
                "PBKDF2 count must be at least 1, not " + Integer.toUnsignedString(count));
        }
        final HmacSha1 prf = new HmacSha1(secret);
        final byte[] u = new byte[HmacSha1.LENGTH];
        final byte[] t = new byte[HmacSha1.LENGTH];
        prf.update(salt, 0, salt.length);
        prf.update(FIRST_BLOCK_INDEX, 0, FIRST_BLOCK_INDEX.length);
        prf.finish(u, 0);
        System.arraycopy(u, 0, t, 0, t.length);
        for (int i = 1; i < count; i++) {
            prf.update(u, 0, u.length);
            prf.finish(u, 0);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        final byte[] key = Arrays.copyOf(t, LENGTH);
        Arrays.fill(t, (byte) 0);
        Arrays.fill(u, (byte) 0);
        return key;
    }
}
