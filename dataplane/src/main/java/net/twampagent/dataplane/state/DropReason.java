package net.twampagent.dataplane.state;

/** Why the Session-Reflector did not reflect a datagram that reached a session's port. */
public enum DropReason {
    /** It came from an address or port other than the negotiated Session-Sender's. */
    STRANGER,
    /** It was shorter than the 14 octets of the smallest sender packet. */
    TOO_SHORT,
    /** It arrived before Start-Sessions. */
    NOT_STARTED,
    /** It arrived after Stop-Sessions plus the session's Timeout (RFC 5357 §3.8 forbids reflecting it). */
    AFTER_STOP,
    /**
     * Its HMAC did not verify (authenticated or encrypted mode): another key, another mode, or a packet changed
     * on the way. Not reflected, as perfSONAR does not either.
     */
    BAD_HMAC,
    /** The reply could not be sent (the socket's send buffer was full). */
    SEND_FAILED
}
