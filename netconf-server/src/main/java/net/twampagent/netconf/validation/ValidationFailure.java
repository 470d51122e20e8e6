package net.twampagent.netconf.validation;

import static java.util.Objects.requireNonNull;

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
 */
public record ValidationFailure(String errorTag, String errorAppTag, String errorPath, String errorMessage) {
    public ValidationFailure {
        requireNonNull(errorTag, "errorTag");
        requireNonNull(errorPath, "errorPath");
        requireNonNull(errorMessage, "errorMessage");
    }
}
