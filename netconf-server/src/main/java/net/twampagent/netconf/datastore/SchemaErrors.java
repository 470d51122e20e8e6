package net.twampagent.netconf.datastore;

import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
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
    private SchemaErrors() {
    }

    static RpcException of(final EffectiveModelContext context, final DataValidationFailedException failure,
            final String what) {
        final var where = ErrorPath.of(context, failure.getPath());
        final var message = failure.getMessage();
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
