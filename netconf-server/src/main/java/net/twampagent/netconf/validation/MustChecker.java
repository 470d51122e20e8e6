package net.twampagent.netconf.validation;

import java.util.List;
import org.jaxen.JaxenException;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.w3c.dom.Element;

/**
 * Evaluates every {@code must} on the node that carries it (defaults included) and checks that every leafref
 * with require-instance points at an existing value.
 */
final class MustChecker {
    private final ModelIndex model;
    private final ErrorPaths paths;

    MustChecker(final ModelIndex model, final ErrorPaths paths) {
        this.model = model;
        this.paths = paths;
    }

    void check(final Element root, final XPathEvaluator evaluator, final List<ValidationFailure> failures) {
        for (var element : ConfigTree.descendants(root)) {
            final var schema = NodeInfo.of(element).schema();
            if (schema instanceof MustConstraintAware aware) {
                for (var must : aware.getMustConstraints()) {
                    checkMust(element, must, evaluator, failures);
                }
            }
            if (schema instanceof TypedDataSchemaNode typed && typed.getType() instanceof LeafrefTypeDefinition leafref
                && leafref.requireInstance()) {
                checkLeafref(element, leafref, evaluator, failures);
            }
        }
    }

    private void checkMust(final Element element, final MustDefinition must, final XPathEvaluator evaluator,
            final List<ValidationFailure> failures) {
        final var text = must.asEffectiveStatement().getDeclared() == null ? must.getXpath().toString()
            : must.asEffectiveStatement().getDeclared().rawArgument();
        final var name = NodeInfo.of(element).schema().getQName().getLocalName();
        String message;
        try {
            if (evaluator.test(model.translate(must.getXpath(), NodeInfo.of(element).schema().getQName().getNamespace()), element)) {
                return;
            }
            message = must.getErrorMessage().orElse("'" + name + "' breaks the rule \"" + text + "\"");
        } catch (JaxenException | IllegalArgumentException e) {
            message = "the rule \"" + text + "\" of '" + name + "' cannot be evaluated";
        }
        failures.add(new ValidationFailure("operation-failed", must.getErrorAppTag().orElse("must-violation"),
            paths.of(element), message));
    }

    private void checkLeafref(final Element element, final LeafrefTypeDefinition leafref,
            final XPathEvaluator evaluator, final List<ValidationFailure> failures) {
        final var path = leafref.getPathStatement().getOriginalString();
        try {
            if (!evaluator.leafrefTargets(element, leafref).isEmpty()) {
                return;
            }
        } catch (JaxenException | IllegalArgumentException e) {
            failures.add(new ValidationFailure("operation-failed", null, paths.of(element),
                "the leafref path \"" + path + "\" cannot be evaluated"));
            return;
        }
        failures.add(new ValidationFailure("data-missing", "instance-required", paths.of(element),
            "'" + element.getTextContent() + "' does not exist at " + path + ", which '"
                + NodeInfo.of(element).schema().getQName().getLocalName() + "' refers to"));
    }
}
