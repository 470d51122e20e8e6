package net.twampagent.netconf.datastore;

/**
 * The parameters of a {@code <commit>} (RFC 6241 section 8.4.5.1).
 *
 * @param confirmed      whether it is a confirmed commit
 * @param timeoutSeconds confirm-timeout, 600 when absent
 * @param persist        the persist token, or {@code null}
 * @param persistId      the persist-id that confirms a persistent confirmed commit, or {@code null}
 */
public record CommitRequest(boolean confirmed, long timeoutSeconds, String persist, String persistId) {
    /** A plain commit. */
    public static final CommitRequest PLAIN = new CommitRequest(false, 600, null, null);
}
