package net.twampagent.netconf.mapping;

import static java.util.Objects.requireNonNull;

import net.twampagent.netconf.datastore.CommitFailure;
import net.twampagent.netconf.rpc.ErrorPath;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A configuration the model accepts but the dataplane's configuration cannot express, with the node at fault: a
 * {@link CommitFailure}, so the commit pipeline answers it with a precise {@code <rpc-error>} and changes nothing.
 */
public final class ConfigMappingException extends CommitFailure {
    private static final long serialVersionUID = 1L;

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
        super(requireNonNull(errorTag, "errorTag"), errorAppTag, requireNonNull(path, "path"),
            requireNonNull(message, "message"));
        this.errorPath = requireNonNull(errorPath, "errorPath");
    }

    /** The data node at fault as RFC 6241 wants it in {@code <error-path>}, with the prefixes it uses. */
    public ErrorPath errorPath() {
        return errorPath;
    }
}
