package net.twampagent.netconf.validation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule of the model that a configuration breaks, in the terms of an RFC 6241 {@code <rpc-error>}
 * (error-type is always {@code application}).
 *
 * <p>Tags follow RFC 7950 section 15: a broken {@code must} is {@code operation-failed} with the model's
 * error-app-tag (or {@code must-violation}); a dangling leafref is {@code data-missing}/{@code instance-required};
 * min/max-elements are {@code operation-failed} with {@code too-few-elements}/{@code too-many-elements}; unique is
 * {@code operation-failed}/{@code data-not-unique}; a mandatory choice with no case is
 * {@code data-missing}/{@code missing-choice}; a missing mandatory leaf is {@code missing-element} (its
 * error-path then names the missing node, whose last step is the RFC 6241 bad-element); data present although
 * its {@code when} is false is {@code unknown-element}.
 *
 * @param errorTag     the RFC 6241 error-tag
 * @param errorAppTag  the error-app-tag, or {@code null} when the rule defines none
 * @param errorPath    absolute XPath with module prefixes (see {@link ModelValidator#prefixes()}) to the data node
 *                     carrying the failed statement
 * @param errorMessage the model's error-message, or a sentence saying what is wrong
 * @param errorInfo    the error-info children by local name, in order: {@code bad-element} (the node's name) for
 *                     missing-element and unknown-element, {@code missing-choice} (the choice's name, namespace
 *                     {@code urn:ietf:params:xml:ns:yang:1}) for missing-choice, {@code non-unique} (the path of
 *                     the repeated entry's first unique leaf, same namespace) for data-not-unique; else empty
 */
public record ValidationFailure(String errorTag, String errorAppTag, String errorPath, String errorMessage,
        Map<String, String> errorInfo) {
    public ValidationFailure {
        requireNonNull(errorTag, "errorTag");
        requireNonNull(errorPath, "errorPath");
        requireNonNull(errorMessage, "errorMessage");
        errorInfo = Collections.unmodifiableMap(new LinkedHashMap<>(errorInfo));
    }

    /** A failure with no error-info. */
    public ValidationFailure(final String errorTag, final String errorAppTag, final String errorPath,
            final String errorMessage) {
        this(errorTag, errorAppTag, errorPath, errorMessage, Map.of());
    }
}
