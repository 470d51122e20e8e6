package net.twampagent.netconf.access;

/**
 * Who sent a request.
 *
 * @param user     the SSH user, or {@code null}
 * @param recovery whether the session is RFC 8341's recovery session: the test-only TCP listener on loopback,
 *                 which has no authentication and so no user to restrict
 */
public record Requester(String user, boolean recovery) {
    /** A session whose user is not known: it gets the least access. */
    public static final Requester UNKNOWN = new Requester(null, false);

    public static Requester sshUser(final String user) {
        return new Requester(user, false);
    }

    public static Requester loopbackTcp() {
        return new Requester(null, true);
    }
}
