package net.twampagent.dataplane.wire;

/** Values of the Accept field (RFC 4656 §3.3, used by RFC 5357 §3.3); 6..255 are undefined. */
public final class AcceptCode {
    /** OK. */
    public static final int OK = 0;
    /** Failure, reason unspecified. */
    public static final int FAILURE = 1;
    /** Internal error. */
    public static final int INTERNAL_ERROR = 2;
    /** Some aspect of the request is not supported. */
    public static final int NOT_SUPPORTED = 3;
    /** Cannot perform the request due to permanent resource limitations. */
    public static final int PERMANENT_LIMIT = 4;
    /** Cannot perform the request due to temporary resource limitations. */
    public static final int TEMPORARY_LIMIT = 5;

    private static final String[] NAMES = {
        "ok", "failure", "internal error", "not supported", "permanent resource limitation",
        "temporary resource limitation",
    };

    private AcceptCode() {
    }

    /** A short description of an Accept value, for logs and error messages. */
    public static String describe(final int accept) {
        return accept >= 0 && accept < NAMES.length ? NAMES[accept] : "undefined accept value " + accept;
    }
}
