package net.twampagent.netconf.datastore;

import java.time.Instant;

/**
 * A datastore lock as ietf-netconf-monitoring reports it.
 *
 * @param sessionId the holder
 * @param since     when it was taken
 */
public record HeldLock(long sessionId, Instant since) {
}
