package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import net.twampagent.dataplane.config.RoutingInstance;

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
 * @param instance the routing instance it arrived in
 * @param keyId the KeyID the client authenticated with (modes 2, 4 and 8); null in mode 1 and before set-up
 * @param lastActivity when its last control message or test packet arrived, whichever is later; the admission
 *     counts as the first activity
 */
public record ConnectionSnapshot(long id, InetSocketAddress client, InetSocketAddress server, State state, int mode,
        Instant established, int sessionCount, String instance, String keyId, Instant lastActivity) {
    public ConnectionSnapshot {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(lastActivity, "lastActivity");
    }

    /** A connection that has been quiet since its admission. */
    public ConnectionSnapshot(final long id, final InetSocketAddress client, final InetSocketAddress server,
            final State state, final int mode, final Instant established, final int sessionCount,
            final String instance, final String keyId) {
        this(id, client, server, state, mode, established, sessionCount, instance, keyId, established);
    }

    /** A connection of the default routing instance without a KeyID. */
    public ConnectionSnapshot(final long id, final InetSocketAddress client, final InetSocketAddress server,
            final State state, final int mode, final Instant established, final int sessionCount) {
        this(id, client, server, state, mode, established, sessionCount, RoutingInstance.DEFAULT, null);
    }

    /** A connection without a KeyID (unauthenticated, or not set up yet). */
    public ConnectionSnapshot(final long id, final InetSocketAddress client, final InetSocketAddress server,
            final State state, final int mode, final Instant established, final int sessionCount,
            final String instance) {
        this(id, client, server, state, mode, established, sessionCount, instance, null);
    }

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
