package net.twampagent.dataplane.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.SharedSecret;

/**
 * The security mode a client asks for and what it authenticates with (RFC 4656 §3.1, RFC 5618).
 *
 * @param mode the one mode the client will use; the server must offer it
 * @param keyId the KeyID to send (UTF-8, at most 80 octets); null in mode 1
 * @param secret the shared secret of that KeyID; null in mode 1. Never printed.
 * @param maximumCount the largest PBKDF2 Count the client accepts in a greeting: a server could otherwise make it
 *     spend any amount of work (RFC 5357 §6 asks for such a limit)
 */
public record ClientSecurity(AuthMode mode, String keyId, SharedSecret secret, int maximumCount) {
    /** The default largest Count: 2^15, as RFC 5357 §6 suggests. */
    public static final int DEFAULT_MAXIMUM_COUNT = 1 << 15;
    private static final int KEY_ID_OCTETS = 80;

    public ClientSecurity {
        Objects.requireNonNull(mode, "mode");
        if (mode.needsKey()) {
            if (keyId == null || keyId.isEmpty() || secret == null) {
                throw new IllegalArgumentException("mode " + mode + " needs a KeyID and a secret");
            }
            final int octets = keyId.getBytes(StandardCharsets.UTF_8).length;
            if (octets > KEY_ID_OCTETS) {
                throw new IllegalArgumentException("a KeyID has at most 80 octets, not " + octets);
            }
        }
        if (maximumCount < 1) {
            throw new IllegalArgumentException("the maximum Count must be at least 1, not " + maximumCount);
        }
    }

    /** Unauthenticated mode (1). */
    public static ClientSecurity none() {
        return new ClientSecurity(AuthMode.NONE, null, null, DEFAULT_MAXIMUM_COUNT);
    }

    /** {@code mode} with {@code keyId} and {@code secret}, and the default maximum Count. */
    public static ClientSecurity of(final AuthMode mode, final String keyId, final SharedSecret secret) {
        return new ClientSecurity(mode, keyId, secret, DEFAULT_MAXIMUM_COUNT);
    }

    /** Whether test packets are protected (authenticated or encrypted mode). */
    public boolean protectsTestPackets() {
        return mode == AuthMode.AUTHENTICATED || mode == AuthMode.ENCRYPTED;
    }

    @Override
    public String toString() {
        return "ClientSecurity[mode=" + mode + ", keyId=" + keyId + ", maximumCount=" + maximumCount + "]";
    }
}
