package net.twampagent.netconf.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$iterations$salt$hash} (Base64).
 */
final class PasswordHash {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    static String hash(final char[] password) {
        final var salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        final var enc = Base64.getEncoder();
        return SCHEME + '$' + ITERATIONS + '$' + enc.encodeToString(salt) + '$'
            + enc.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether a password matches a stored hash; a malformed hash matches nothing. */
    static boolean matches(final char[] password, final String stored) {
        final var parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            final var dec = Base64.getDecoder();
            final var iterations = Integer.parseInt(parts[1]);
            final var expected = dec.decode(parts[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, derive(password, dec.decode(parts[2]),
                iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A random password of 20 characters that are easy to read and type. */
    static String randomPassword() {
        final var alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        final var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static byte[] derive(final char[] password, final byte[] salt, final int iterations) {
        try {
            final var spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
