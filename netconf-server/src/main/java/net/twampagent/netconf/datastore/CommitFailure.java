package net.twampagent.netconf.datastore;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A participant's refusal of a configuration, in terms a NETCONF client can act on. Not final: a refusal that
 * knows more (the mapper's, with its error-path) is still one the commit pipeline answers the same way.
 */
public class CommitFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorTag;
    private final String errorAppTag;
    private final transient YangInstanceIdentifier path;

    /**
     * @param errorTag RFC 6241 error-tag, e.g. {@code resource-denied} for a port in use
     * @param path     the node that cannot be applied, or {@code null}
     * @param message  a sentence for the operator
     */
    public CommitFailure(final String errorTag, final YangInstanceIdentifier path, final String message) {
        this(errorTag, null, path, message);
    }

    /**
     * @param errorAppTag the error-app-tag the client gets (e.g. a mapping rule's), or {@code null}
     */
    public CommitFailure(final String errorTag, final String errorAppTag, final YangInstanceIdentifier path,
            final String message) {
        super(message, null, false, false);
        this.errorTag = errorTag;
        this.errorAppTag = errorAppTag;
        this.path = path;
    }

    public String errorTag() {
        return errorTag;
    }

    /** The error-app-tag, or {@code null}. */
    public String errorAppTag() {
        return errorAppTag;
    }

    public YangInstanceIdentifier path() {
        return path;
    }
}
