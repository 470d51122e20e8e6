package net.twampagent.dataplane.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A shared secret of a key chain. Its bytes never appear in {@link #toString()}, logs, state or exceptions.
 */
public final class SharedSecret {
    private final byte[] bytes;

    private SharedSecret(final byte[] bytes) {
        this.bytes = bytes;
    }

    /** A secret from its pass-phrase, UTF-8 encoded as RFC 4656 §3.1 and perfSONAR's key files take it. */
    public static SharedSecret ofPassphrase(final String passphrase) {
        return new SharedSecret(passphrase.getBytes(StandardCharsets.UTF_8));
    }

    /** A secret from raw octets. */
    public static SharedSecret ofBytes(final byte[] octets) {
        return new SharedSecret(octets.clone());
    }

    /** A copy of the octets, for key derivation only. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof SharedSecret other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SharedSecret[redacted]";
    }
}
