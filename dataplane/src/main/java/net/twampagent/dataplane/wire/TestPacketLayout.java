package net.twampagent.dataplane.wire;

/**
 * Offsets of the unauthenticated TWAMP-Test packets: the Session-Sender's (RFC 4656 §4.1.2, RFC 5357 §4.1.2) and
 * the Session-Reflector's (RFC 5357 §4.2.1, minimum size per erratum 5045).
 */
public final class TestPacketLayout {
    /** Sender: Sequence Number (4 octets). */
    public static final int SENDER_SEQUENCE = 0;
    /** Sender: Timestamp (8 octets). */
    public static final int SENDER_TIMESTAMP = 4;
    /** Sender: Error Estimate (2 octets). */
    public static final int SENDER_ERROR_ESTIMATE = 12;
    /** Sender: first octet of Packet Padding; also the smallest valid sender packet. */
    public static final int SENDER_PADDING = 14;
    /** The smallest sender packet a reflector can make sense of. */
    public static final int SENDER_MINIMUM = SENDER_PADDING;

    /** Reflector: its own Sequence Number. */
    public static final int SEQUENCE = 0;
    /** Reflector: Timestamp, the transmit time T3. */
    public static final int TIMESTAMP = 4;
    /** Reflector: Error Estimate of T3 (and T2). */
    public static final int ERROR_ESTIMATE = 12;
    /** Reflector: 2 octets MBZ. */
    public static final int MBZ_1 = 14;
    /** Reflector: Receive Timestamp, T2. */
    public static final int RECEIVE_TIMESTAMP = 16;
    /** Reflector: copy of the sender's Sequence Number. */
    public static final int COPIED_SEQUENCE = 24;
    /** Reflector: copy of the sender's Timestamp. */
    public static final int COPIED_TIMESTAMP = 28;
    /** Reflector: copy of the sender's Error Estimate. */
    public static final int COPIED_ERROR_ESTIMATE = 36;
    /** Reflector: 2 octets MBZ. */
    public static final int MBZ_2 = 38;
    /** Reflector: Sender TTL (1 octet). */
    public static final int SENDER_TTL = 40;
    /** Reflector: first octet of Packet Padding; also the smallest valid reflected packet. */
    public static final int PADDING = 41;
    /** The smallest reflected packet (RFC 5357 §4.2.1 with erratum 5045). */
    public static final int REFLECTED_MINIMUM = PADDING;
    /**
     * The sender padding that makes both directions carry the same payload: 41 - 14 = 27 octets
     * (RFC 5357 §4.1.2).
     */
    public static final int SYMMETRIC_SENDER_PADDING = REFLECTED_MINIMUM - SENDER_MINIMUM;
    /** The TTL a reflector reports when it cannot read the arriving packet's (RFC 5357 §4.2.1). */
    public static final int UNKNOWN_TTL = 255;
    /** The largest UDP payload over IPv4 or IPv6 without jumbograms. */
    public static final int MAX_DATAGRAM = 65_507;


    // Authenticated and encrypted modes (RFC 4656 §4.1.2, RFC 5357 §4.1.2 and §4.2.1 with erratum 5045): every
    // field moves to its own 16-octet block so that block 0 can be ciphered alone; Sequence Numbers stay at 0.
    /** Protected sender: Timestamp. */
    public static final int PROTECTED_SENDER_TIMESTAMP = 16;
    /** Protected sender: Error Estimate. */
    public static final int PROTECTED_SENDER_ERROR_ESTIMATE = 24;
    /** Protected sender: first octet of Packet Padding, after the HMAC; also its smallest size. */
    public static final int PROTECTED_SENDER_PADDING = 48;
    /** Protected reflector: Timestamp, the transmit time T3. */
    public static final int PROTECTED_TIMESTAMP = 16;
    /** Protected reflector: Error Estimate of T3 (and T2). */
    public static final int PROTECTED_ERROR_ESTIMATE = 24;
    /** Protected reflector: Receive Timestamp, T2. */
    public static final int PROTECTED_RECEIVE_TIMESTAMP = 32;
    /** Protected reflector: copy of the sender's Sequence Number. */
    public static final int PROTECTED_COPIED_SEQUENCE = 48;
    /** Protected reflector: copy of the sender's Timestamp. */
    public static final int PROTECTED_COPIED_TIMESTAMP = 64;
    /** Protected reflector: copy of the sender's Error Estimate. */
    public static final int PROTECTED_COPIED_ERROR_ESTIMATE = 72;
    /** Protected reflector: Sender TTL (1 octet). */
    public static final int PROTECTED_SENDER_TTL = 80;
    /** Protected reflector: first octet of Packet Padding, after the HMAC; also its smallest size (112). */
    public static final int PROTECTED_PADDING = 112;
    /** The sender padding that makes both directions the same size in the protected modes: 112 - 48. */
    public static final int PROTECTED_SYMMETRIC_SENDER_PADDING = PROTECTED_PADDING - PROTECTED_SENDER_PADDING;

    private TestPacketLayout() {
    }
}
