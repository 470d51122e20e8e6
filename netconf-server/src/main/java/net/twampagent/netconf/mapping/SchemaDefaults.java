package net.twampagent.netconf.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.DefaultEffectiveStatement;

/**
 * The {@code default} statements of the model, read from the effective model so that a default is written once,
 * in the YANG module, and the mapper follows it when the module changes.
 */
final class SchemaDefaults {
    private final EffectiveModelContext context;

    SchemaDefaults(final EffectiveModelContext context) {
        this.context = requireNonNull(context, "context");
    }

    /**
     * The default of the leaf at {@code path} as a number.
     *
     * @throws IllegalStateException when the model has no such leaf or it has no numeric default: the mapper and
     *                               the model disagree, which is a bug, not a configuration error
     */
    long number(final QName... path) {
        final String text = text(path).orElseThrow(
            () -> new IllegalStateException("the model has no default for leaf " + describe(path)));
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the default of " + describe(path) + " is not a number: " + text, e);
        }
    }

    /**
     * The default of the leaf at {@code path} as text; empty when the leaf is not in this model (a feature it
     * belongs to is off) or has no default. A leaf's own default wins over its type's.
     */
    Optional<String> text(final QName... path) {
        return context.findDataTreeChild(path).flatMap(node -> {
            if (!(node instanceof LeafSchemaNode leaf)) {
                throw new IllegalStateException(describe(path) + " is not a leaf of the model");
            }
            return leaf.asEffectiveStatement().findFirstEffectiveSubstatementArgument(DefaultEffectiveStatement.class)
                .or(() -> leaf.getType().getDefaultValue().map(String::valueOf));
        });
    }

    /** The defaults of the leaf-list at {@code path}, in the model's order. */
    List<String> texts(final QName... path) {
        final var node = context.findDataTreeChild(path)
            .orElseThrow(() -> new IllegalStateException("the model has no leaf-list " + describe(path)));
        if (!(node instanceof LeafListSchemaNode leafList)) {
            throw new IllegalStateException(describe(path) + " is not a leaf-list of the model");
        }
        return leafList.getDefaults().stream().map(String::valueOf).toList();
    }

    private static String describe(final QName... path) {
        final var text = new StringBuilder();
        for (var step : path) {
            text.append('/').append(step.getLocalName());
        }
        return text.toString();
    }
}
