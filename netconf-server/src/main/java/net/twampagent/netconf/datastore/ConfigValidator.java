package net.twampagent.netconf.datastore;

import java.util.ArrayList;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import net.twampagent.netconf.validation.ModelValidator;
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
    private final ModelValidator rules;

    ConfigValidator(final EffectiveModelContext context) {
        this.context = context;
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

    void check(final ContainerNode config) throws RpcException {
        try {
            DataTrees.strict(context, config);
        } catch (DataValidationFailedException e) {
            final var message = e.getMessage();
            final var tag = message != null && message.contains("mandatory") ? "missing-element" : "invalid-value";
            throw RpcError.application(tag, "the configuration is not valid: " + message)
                .at(ErrorPath.of(context, e.getPath())).toException();
        }
        final var failures = rules.validate(config);
        if (!failures.isEmpty()) {
            final var prefixes = rules.prefixes();
            final var errors = new ArrayList<RpcError>();
            for (var failure : failures) {
                errors.add(new RpcError("application", failure.errorTag(), failure.errorAppTag(),
                    failure.errorPath(), used(prefixes, failure.errorPath()), failure.errorMessage(),
                    java.util.Map.of()));
            }
            throw new RpcException(errors);
        }
    }
}
