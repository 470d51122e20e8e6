package net.twampagent.netconf.validation;

import java.util.List;
import java.util.Map;
import org.jaxen.JaxenException;
import org.w3c.dom.Element;

/**
 * Removes what a false {@code when} hides. A default simply goes; configured data under a false {@code when} is
 * an error (RFC 7950 section 8.3.3) and goes too, so that nothing else is judged on data that cannot exist.
 * Removing one node can change another's condition, so passes repeat until nothing changes.
 */
final class WhenPruner {
    /** A bound on passes: each removes at least one node, and a tree this deep in conditions is not a config. */
    private static final int MAX_PASSES = 64;

    private final ModelIndex model;
    private final ErrorPaths paths;

    WhenPruner(final ModelIndex model, final ErrorPaths paths) {
        this.model = model;
        this.paths = paths;
    }

    void prune(final Element root, final XPathEvaluator evaluator, final List<ValidationFailure> failures) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean removed = false;
            for (var element : ConfigTree.descendants(root)) {
                if (ConfigTree.attached(element, root) && !holds(element, evaluator, failures)) {
                    element.getParentNode().removeChild(element);
                    removed = true;
                }
            }
            if (!removed) {
                return;
            }
        }
    }

    private boolean holds(final Element element, final XPathEvaluator evaluator,
            final List<ValidationFailure> failures) {
        final var info = NodeInfo.of(element);
        for (var condition : info.conditions()) {
            final var context = condition.onParent() ? element.getParentNode() : element;
            String problem;
            try {
                if (evaluator.test(model.translate(condition.expression(), info.schema().getQName().getNamespace()), context)) {
                    continue;
                }
                problem = "'" + info.schema().getQName().getLocalName() + "' is configured but its condition \""
                    + condition.text() + "\" is false";
            } catch (JaxenException | IllegalArgumentException e) {
                problem = "the condition \"" + condition.text() + "\" of '"
                    + info.schema().getQName().getLocalName() + "' cannot be evaluated";
            }
            if (!info.defaulted()) {
                failures.add(new ValidationFailure("unknown-element", null, paths.of(element), problem,
                    Map.of("bad-element", info.schema().getQName().getLocalName())));
            }
            return false;
        }
        return true;
    }
}
