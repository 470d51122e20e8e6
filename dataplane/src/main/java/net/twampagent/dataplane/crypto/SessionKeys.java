package net.twampagent.dataplane.crypto;

import java.security.SecureRandom;

/**
 * An AES key (16 octets) and an HMAC key (32 octets). Those a client chooses for one TWAMP-Control connection, the
 * AES Session-key and HMAC Session-key, travel to the server inside the Token (RFC 4656 §3.1) and key the control
 * channel; {@link #forTestSession} derives from them the pair of each test session. Never printed.
 */
public final class SessionKeys {
    /** Octets of the AES Session-key. */
    public static final int AES_KEY_LENGTH = 16;
    /** Octets of the HMAC Session-key. */
    public static final int HMAC_KEY_LENGTH = 32;

    private final byte[] aesKey;
    private final byte[] hmacKey;

    private SessionKeys(final byte[] aesKey, final byte[] hmacKey) {
        this.aesKey = aesKey;
        this.hmacKey = hmacKey;
    }

    /** Fresh random keys, as a client makes them for each connection. */
    public static SessionKeys generate(final SecureRandom random) {
        final byte[] aes = new byte[AES_KEY_LENGTH];
        final byte[] hmac = new byte[HMAC_KEY_LENGTH];
        random.nextBytes(aes);
        random.nextBytes(hmac);
        return new SessionKeys(aes, hmac);
    }

    /** Keys from their octets (copied). */
    public static SessionKeys of(final byte[] aesKey, final byte[] hmacKey) {
        Aes.requireLength("AES Session-key", aesKey, AES_KEY_LENGTH);
        Aes.requireLength("HMAC Session-key", hmacKey, HMAC_KEY_LENGTH);
        return new SessionKeys(aesKey.clone(), hmacKey.clone());
    }

    /**
     * The keys of the test session {@code sid}, derived with the SID as AES key (RFC 4656 §4.1, as perfSONAR's
     * endpoint does it): AES-ECB of the AES Session-key, and AES-CBC from IV 0 of the HMAC Session-key. Both
     * directions of the session use them.
     */
    SessionKeys forTestSession(final byte[] sid) {
        Aes.requireLength("SID", sid, Aes.BLOCK);
        return new SessionKeys(Aes.encryptFromZero(sid, aesKey), Aes.encryptFromZero(sid, hmacKey));
    }

    byte[] aesKey() {
        return aesKey.clone();
    }

    byte[] hmacKey() {
        return hmacKey.clone();
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
