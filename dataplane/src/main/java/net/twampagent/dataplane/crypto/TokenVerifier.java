package net.twampagent.dataplane.crypto;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import net.twampagent.dataplane.config.SharedSecret;

/**
 * The server's check of a Set-Up-Response: the KeyID names a secret of the configured key chains, and the Token
 * opens with it to the greeting's Challenge.
 *
 * <p>An unknown KeyID goes through the same work as a known one (key derivation with a random decoy secret,
 * decryption, constant-time comparison) and gives the same empty answer as a wrong secret, so neither the answer
 * nor its timing tells a client which KeyIDs exist. perfSONAR does the same. A verifier holds the keys of one
 * configuration: a key removed or changed affects only connections checked by a verifier made afterwards.
 */
public final class TokenVerifier {
    private static final int DECOY_LENGTH = 32;

    private final Map<String, SharedSecret> keys;
    private final SharedSecret decoy;

    /**
     * @param keys the shared secrets by KeyID (copied)
     * @param random the source of the decoy secret used for unknown KeyIDs
     */
    public TokenVerifier(final Map<String, SharedSecret> keys, final SecureRandom random) {
        this.keys = Map.copyOf(keys);
        final byte[] octets = new byte[DECOY_LENGTH];
        random.nextBytes(octets);
        decoy = SharedSecret.ofBytes(octets);
    }

    /**
     * Whether {@code keyId} names a configured secret; for counting a failure by KeyID after the fact, never to
     * pick a path before {@link #verify}.
     */
    public boolean knows(final String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /**
     * The session keys of an authentic Set-Up-Response; empty when the KeyID is unknown (or null), the secret
     * differs or the Token was altered, without saying which.
     *
     * @param keyId the KeyID without its zero padding
     * @param salt the Salt this server sent in its greeting
     * @param count the Count this server sent in its greeting
     * @param challenge the Challenge this server sent in its greeting
     * @param token the Token of the Set-Up-Response
     */
    public Optional<SessionKeys> verify(final String keyId, final byte[] salt, final int count,
            final byte[] challenge, final byte[] token) {
        final SharedSecret secret = keyId == null ? null : keys.get(keyId);
        final boolean known = secret != null;
        final Optional<SessionKeys> opened = SetupToken.open(known ? secret : decoy, salt, count, challenge, token);
        return known ? opened : Optional.empty();
    }
}
