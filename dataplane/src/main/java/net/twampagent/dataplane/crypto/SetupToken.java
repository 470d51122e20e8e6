package net.twampagent.dataplane.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import net.twampagent.dataplane.config.SharedSecret;

/**
 * The Token of the Set-Up-Response (RFC 4656 §3.1): AES-CBC with IV 0, keyed by PBKDF2-HMAC-SHA1 of the shared
 * secret with the greeting's Salt and Count, over Challenge (16) ‖ AES Session-key (16) ‖ HMAC Session-key (32).
 */
public final class SetupToken {
    /** Octets of the Token. */
    public static final int LENGTH = 64;
    /** Octets of the greeting's Challenge. */
    public static final int CHALLENGE_LENGTH = 16;
    /** Octets of the greeting's Salt. */
    public static final int SALT_LENGTH = 16;

    private SetupToken() {
    }

    /** The client's Token for the greeting's {@code salt}, {@code count} and {@code challenge}. */
    public static byte[] seal(final SharedSecret secret, final byte[] salt, final int count, final byte[] challenge,
            final SessionKeys keys) {
        Aes.requireLength("Challenge", challenge, CHALLENGE_LENGTH);
        final byte[] plain = new byte[LENGTH];
        System.arraycopy(challenge, 0, plain, 0, CHALLENGE_LENGTH);
        System.arraycopy(keys.aesKey(), 0, plain, CHALLENGE_LENGTH, SessionKeys.AES_KEY_LENGTH);
        System.arraycopy(keys.hmacKey(), 0, plain, CHALLENGE_LENGTH + SessionKeys.AES_KEY_LENGTH,
            SessionKeys.HMAC_KEY_LENGTH);
        final byte[] token = run(Cipher.ENCRYPT_MODE, secret, salt, count, plain);
        Arrays.fill(plain, (byte) 0);
        return token;
    }

    /**
     * The session keys inside {@code token} when it was sealed with {@code secret} over {@code challenge};
     * otherwise empty, with no hint of what was wrong. The challenge is compared in constant time.
     */
    public static Optional<SessionKeys> open(final SharedSecret secret, final byte[] salt, final int count,
            final byte[] challenge, final byte[] token) {
        Aes.requireLength("Challenge", challenge, CHALLENGE_LENGTH);
        Aes.requireLength("Token", token, LENGTH);
        final byte[] plain = run(Cipher.DECRYPT_MODE, secret, salt, count, token);
        final boolean matches = MessageDigest.isEqual(Arrays.copyOf(plain, CHALLENGE_LENGTH), challenge);
        final Optional<SessionKeys> keys = matches
            ? Optional.of(SessionKeys.of(
                Arrays.copyOfRange(plain, CHALLENGE_LENGTH, CHALLENGE_LENGTH + SessionKeys.AES_KEY_LENGTH),
                Arrays.copyOfRange(plain, CHALLENGE_LENGTH + SessionKeys.AES_KEY_LENGTH, LENGTH)))
            : Optional.empty();
        Arrays.fill(plain, (byte) 0);
        return keys;
    }

    private static byte[] run(final int opmode, final SharedSecret secret, final byte[] salt, final int count,
            final byte[] input) {
        Aes.requireLength("Salt", salt, SALT_LENGTH);
        final byte[] secretOctets = secret.bytes();
        final byte[] key = Pbkdf2HmacSha1.derive(secretOctets, salt, count);
        Arrays.fill(secretOctets, (byte) 0);
        try {
            return Aes.cbcFromZero(opmode, key).doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding refused a 64-octet Token", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
