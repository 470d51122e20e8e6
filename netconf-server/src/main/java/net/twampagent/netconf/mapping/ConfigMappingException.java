package net.twampagent.netconf.mapping;

import static java.util.Objects.requireNonNull;

import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;

/**
 * A configuration the model accepts but the dataplane's configuration cannot express, with the node at fault, so
 * the commit pipeline can answer with a precise {@code <rpc-error>} and change nothing.
 */
public final class ConfigMappingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorTag;
    private final String errorAppTag;
    private final transient YangInstanceIdentifier path;

    /**
     * @param errorTag    the RFC 6241 error-tag
     * @param errorAppTag the error-app-tag, or {@code null}
     * @param path        the data node at fault
     * @param message     a sentence for the operator that says what to change
     */
    ConfigMappingException(final String errorTag, final String errorAppTag, final YangInstanceIdentifier path,
            final String message) {
        super(requireNonNull(message, "message"), null, false, false);
        this.errorTag = requireNonNull(errorTag, "errorTag");
        this.errorAppTag = errorAppTag;
        this.path = requireNonNull(path, "path");
    }

    /** The RFC 6241 error-tag, e.g. {@code operation-failed}. */
    public String errorTag() {
        return errorTag;
    }

    /** The error-app-tag, or {@code null} when there is none. */
    public String errorAppTag() {
        return errorAppTag;
    }

    /** The data node at fault. */
    public YangInstanceIdentifier path() {
        return path;
    }

    /**
     * The node at fault as RFC 6241 wants it in {@code <error-path>}: an absolute XPath whose steps and keys carry
     * the prefix {@value TwampServerModel#PREFIX}, bound to {@value TwampServerModel#NAMESPACE}; every node this
     * package maps is in that one module.
     */
    public String errorPath() {
        final var xpath = new StringBuilder();
        for (var step : path.getPathArguments()) {
            switch (step) {
                case NodeIdentifierWithPredicates entry -> entry.entrySet().forEach(key -> xpath.append('[')
                    .append(prefixed(key.getKey().getLocalName())).append('=')
                    .append(literal(String.valueOf(key.getValue()))).append(']'));
                case NodeWithValue<?> entry ->
                    xpath.append("[.=").append(literal(String.valueOf(entry.getValue()))).append(']');
                default -> xpath.append('/').append(prefixed(step.getNodeType().getLocalName()));
            }
        }
        return xpath.toString();
    }

    private static String prefixed(final String localName) {
        return TwampServerModel.PREFIX + ':' + localName;
    }

    /** An XPath 1.0 literal: it has no escape, so a value holding a single quote is written in double quotes. */
    private static String literal(final String value) {
        return value.indexOf('\'') < 0 ? "'" + value + "'" : '"' + value + '"';
    }
}
