package net.twampagent.netconf.datastore;

import java.util.function.Predicate;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.RequiredElementCountException;
import org.opendaylight.yangtools.yang.data.tree.api.UniqueConstraintException;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Turns what a yangtools data tree refuses into the rpc-error RFC 7950 section 15 asks for. The tree catches
 * element counts and unique constraints before the model validator sees the data, so without this an edit of a
 * 65th client-list address would come back as a bare invalid-value instead of too-many-elements.
 */
final class SchemaErrors {
    /** What is said instead of a message that may quote a secret value. */
    static final String SECRET_WITHHELD = "the data at this path breaks the model (its value is secret and not shown)";

    private SchemaErrors() {
    }

    /**
     * @param secret whether a node's value must never be repeated: the tree's own message may quote it, so for
     *               such a node only the path and the kind of failure are told
     */
    static RpcException of(final EffectiveModelContext context, final DataValidationFailedException failure,
            final String what, final Predicate<YangInstanceIdentifier> secret) {
        final var where = ErrorPath.of(context, failure.getPath());
        final var message = secret.test(failure.getPath())
            ? SECRET_WITHHELD : failure.getMessage();
        final RpcError error;
        if (failure instanceof RequiredElementCountException count) {
            final boolean tooMany = count.getMaximumCount().isPresent()
                && count.getActualCount() > count.getMaximumCount().getAsInt();
            error = RpcError.application("operation-failed", what + ": " + (tooMany
                    ? "more than " + count.getMaximumCount().getAsInt() + " entries"
                    : "fewer than " + count.getMinimumCount().orElse(0) + " entries")
                    + " (" + count.getActualCount() + " given)")
                .withAppTag(tooMany ? "too-many-elements" : "too-few-elements");
        } else if (failure instanceof UniqueConstraintException) {
            error = RpcError.application("operation-failed", what + ": " + message).withAppTag("data-not-unique");
        } else if (message != null && message.contains("mandatory")) {
            error = RpcError.application("missing-element", what + ": " + message);
        } else {
            error = RpcError.application("invalid-value", what + ": " + message);
        }
        return error.at(where).toException();
    }
}
