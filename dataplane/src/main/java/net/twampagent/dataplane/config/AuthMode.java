package net.twampagent.dataplane.config;

/**
 * The security modes a server may offer, with their TWAMP-Modes bit (RFC 4656 §3.1, RFC 5618 §3.1).
 * Names follow Junos {@code authentication-mode}.
 */
public enum AuthMode {
    /** Unauthenticated control and test (mode 1). */
    NONE(1),
    /** Authenticated control and test (mode 2). */
    AUTHENTICATED(2),
    /** Encrypted control and test (mode 4). */
    ENCRYPTED(4),
    /** Encrypted control, unauthenticated test: RFC 5618 mixed mode (mode 8). */
    CONTROL_ONLY_ENCRYPTED(8);

    private final int bit;

    AuthMode(final int bit) {
        this.bit = bit;
    }

    /** The value of this mode in the Modes field of the Server Greeting and Set-Up-Response. */
    public int bit() {
        return bit;
    }

    /** Whether a mode needs a shared secret (every mode but {@link #NONE}). */
    public boolean needsKey() {
        return this != NONE;
    }

    /** The mode whose bit is {@code bit}, or null when the value is not exactly one security mode. */
    public static AuthMode ofBit(final int bit) {
        for (AuthMode mode : values()) {
            if (mode.bit == bit) {
                return mode;
            }
        }
        return null;
    }
}
