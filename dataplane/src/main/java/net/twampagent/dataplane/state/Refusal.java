package net.twampagent.dataplane.state;

/**
 * Why the server refused a connection, a session or a message. Each refusal is counted under its reason and
 * logged once. The answer on the wire is given with each value.
 */
public enum Refusal {
    /** The server is disabled: greeting with Modes 0, then close. */
    SERVER_DISABLED,
    /** The client's address is in no client-list prefix: greeting with Modes 0, then close. */
    CLIENT_NOT_ALLOWED,
    /** maximum-connections reached: greeting with Modes 0, then close. */
    MAXIMUM_CONNECTIONS,
    /** maximum-connections-per-client reached for this address: greeting with Modes 0, then close. */
    MAXIMUM_CONNECTIONS_PER_CLIENT,
    /** Set-Up-Response chose no single offered mode, or a feature bit not offered: Server-Start Accept 3, close. */
    MODE_NOT_OFFERED,
    /** maximum-sessions reached: Accept-Session 5. */
    MAXIMUM_SESSIONS,
    /** maximum-sessions-per-connection reached: Accept-Session 5. */
    MAXIMUM_SESSIONS_PER_CONNECTION,
    /** Neither the Receiver Port nor any other port could be bound: Accept-Session 5, Port 0. */
    NO_PORT,
    /** The Receiver Address cannot be bound here (not a local address): Accept-Session 3. */
    RECEIVER_ADDRESS_NOT_LOCAL,
    /**
     * A Request-TW-Session the RFC forbids: non-zero Conf-Sender/Conf-Receiver, Schedule Slots, Packets or SID,
     * an IPVN other than 4 or 6 or not matching the addresses, a Type-P that is not a DSCP, a padding larger than
     * a datagram: Accept-Session 3.
     */
    MALFORMED_REQUEST,
    /** Request-TW-Session while sessions run (only Stop-Sessions may come then): Accept-Session 3. */
    REQUEST_WHILE_STARTED,
    /** Start-Sessions while sessions already run: Start-Ack 3. */
    START_WHILE_STARTED,
    /** A Command Number this server does not take: Accept-Session 3, then close (the framing is lost). */
    UNSUPPORTED_COMMAND,
    /** Stop-Sessions whose Number of Sessions is neither the running count nor 0: close. */
    STOP_COUNT_MISMATCH
}
