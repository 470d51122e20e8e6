package net.twampagent.netconf.mapping;

import static java.util.Objects.requireNonNull;

import net.twampagent.netconf.rpc.ErrorPath;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A configuration the model accepts but the dataplane's configuration cannot express, with the node at fault, so
 * the commit pipeline can answer with a precise {@code <rpc-error>} and change nothing.
 */
public final class ConfigMappingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorTag;
    private final String errorAppTag;
    private final transient YangInstanceIdentifier path;
    private final transient ErrorPath errorPath;

    /**
     * @param errorTag    the RFC 6241 error-tag
     * @param errorAppTag the error-app-tag, or {@code null}
     * @param path        the data node at fault
     * @param errorPath   the same node as an XPath with its modules' prefixes
     * @param message     a sentence for the operator that says what to change
     */
    ConfigMappingException(final String errorTag, final String errorAppTag, final YangInstanceIdentifier path,
            final ErrorPath errorPath, final String message) {
        super(requireNonNull(message, "message"), null, false, false);
        this.errorTag = requireNonNull(errorTag, "errorTag");
        this.errorAppTag = errorAppTag;
        this.path = requireNonNull(path, "path");
        this.errorPath = requireNonNull(errorPath, "errorPath");
    }

    /** The RFC 6241 error-tag, e.g. {@code operation-failed}. */
    public String errorTag() {
        return errorTag;
    }

    /** The error-app-tag, or {@code null} when there is none. */
    public String errorAppTag() {
        return errorAppTag;
    }

    /** The data node at fault, as a {@code CommitFailure} takes it. */
    public YangInstanceIdentifier path() {
        return path;
    }

    /** The data node at fault as RFC 6241 wants it in {@code <error-path>}, with the prefixes it uses. */
    public ErrorPath errorPath() {
        return errorPath;
    }
}
