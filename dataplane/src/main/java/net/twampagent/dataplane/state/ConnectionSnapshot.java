package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One control connection as it is at snapshot time.
 *
 * @param id the connection's number, unique for the life of the server (Junos {@code connection-id})
 * @param client the Control-Client's address and port
 * @param server the server's address and port of this connection
 * @param state where the control exchange is
 * @param mode the mode the client chose, 0 before Set-Up-Response
 * @param established when the connection was admitted
 * @param sessionCount its test sessions that have not ended
 */
public record ConnectionSnapshot(long id, InetSocketAddress client, InetSocketAddress server, State state, int mode,
        Instant established, int sessionCount) {
    /** Where a connection is in the TWAMP-Control exchange. */
    public enum State {
        /** Greeting sent, waiting for Set-Up-Response. */
        GREETED,
        /** Server-Start sent: sessions may be requested. */
        READY,
        /** Start-Sessions acknowledged: waiting for Stop-Sessions. */
        STARTED
    }
}
