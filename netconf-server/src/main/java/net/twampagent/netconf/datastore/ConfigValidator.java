package net.twampagent.netconf.datastore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import net.twampagent.netconf.validation.ModelValidator;
import net.twampagent.netconf.validation.ValidationFailure;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangNetconfErrorAware;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The full validation of a configuration before it may become running: the schema (types, keys, mandatory,
 * unique) through a strict data tree, then the model's rules ({@code must}, {@code when}, leafrefs, element
 * counts) through {@link ModelValidator}.
 */
final class ConfigValidator {
    private final EffectiveModelContext context;
    private final Predicate<YangInstanceIdentifier> secret;
    private final ModelValidator rules;

    ConfigValidator(final EffectiveModelContext context, final Predicate<YangInstanceIdentifier> secret) {
        this.context = context;
        this.secret = secret;
        rules = ModelValidator.of(context);
    }

    /** Only the prefixes a path uses, so the error-path element declares what it needs and no more. */
    private static java.util.Map<String, String> used(final java.util.Map<String, String> prefixes,
            final String path) {
        final var out = new java.util.TreeMap<String, String>();
        prefixes.forEach((prefix, ns) -> {
            if (path.contains(prefix + ':')) {
                out.put(prefix, ns);
            }
        });
        return out;
    }

    /**
     * Explains why the data tree refused an edit. The tree enforces min/max-elements while it applies a merge and
     * then says only "NAME has too many elements", with the RFC 7950 tag and app-tag but no path; the path is the
     * first entry of that list the edit names.
     */
    RpcException explain(final IllegalArgumentException refusal, final List<EditNode> edit, final String what) {
        final var message = refusal.getMessage();
        if (refusal instanceof YangNetconfErrorAware aware && !aware.getNetconfErrors().isEmpty()) {
            final var reported = aware.getNetconfErrors().getFirst();
            final var entry = message == null || message.indexOf(' ') < 0 ? null
                : firstNamed(edit, message.substring(0, message.indexOf(' ')));
            final var told = entry != null && secret.test(entry.path())
                ? SchemaErrors.SECRET_WITHHELD : message;
            var error = RpcError.application(reported.tag().elementBody(), what + ": " + told)
                .withAppTag(reported.appTag());
            if (entry != null) {
                error = error.at(ErrorPath.of(context, entry.path()));
            }
            return error.toException();
        }
        return RpcError.application("invalid-value", what + ": " + message).toException();
    }

    /** The first node of the edit whose name prints as {@code name} (a QName's string form). */
    private static EditNode firstNamed(final List<EditNode> nodes, final String name) {
        for (var node : nodes) {
            final var last = node.path().getLastPathArgument();
            if (last != null && last.getNodeType().toString().equals(name)) {
                return node;
            }
            final var below = firstNamed(node.children(), name);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private RpcException asException(final List<ValidationFailure> failures) {
        final var prefixes = rules.prefixes();
        final var errors = new ArrayList<RpcError>();
        for (var failure : failures) {
            errors.add(new RpcError("application", failure.errorTag(), failure.errorAppTag(),
                failure.errorPath(), used(prefixes, failure.errorPath()), failure.errorMessage(),
                java.util.Map.of()));
        }
        return new RpcException(errors);
    }

    void check(final ContainerNode config) throws RpcException {
        try {
            DataTrees.strict(context, config);
        } catch (DataValidationFailedException e) {
            throw SchemaErrors.of(context, e, "the configuration is not valid", secret);
        }
        final var failures = rules.validate(config);
        if (!failures.isEmpty()) {
            throw asException(failures);
        }
    }
}
