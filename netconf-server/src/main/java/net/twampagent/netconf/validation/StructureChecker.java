package net.twampagent.netconf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MandatoryAware;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.UniqueEffectiveStatement;
import org.w3c.dom.Element;

/**
 * Checks what the model says about how many of a node exist: mandatory leaves and choices, min/max-elements,
 * and unique. Only the active case of a choice is looked into, and a presence container only when present.
 */
final class StructureChecker {
    private final ModelIndex model;
    private final ErrorPaths paths;

    StructureChecker(final ModelIndex model, final ErrorPaths paths) {
        this.model = model;
        this.paths = paths;
    }

    void check(final Element root, final List<ValidationFailure> failures) {
        checkChildren(root, model.context(), failures);
        for (var element : ConfigTree.descendants(root)) {
            if (NodeInfo.of(element).schema() instanceof DataNodeContainer container) {
                checkChildren(element, container, failures);
            }
        }
    }

    private void checkChildren(final Element parent, final DataNodeContainer schema,
            final List<ValidationFailure> failures) {
        for (var child : schema.getChildNodes()) {
            if (!ConfigTree.isConfiguration(child)) {
                continue;
            }
            switch (child) {
                case ChoiceSchemaNode choice -> {
                    final var active = ConfigTree.activeCase(parent, choice);
                    if (active != null) {
                        checkChildren(parent, active, failures);
                    } else if (choice.isMandatory()) {
                        failures.add(new ValidationFailure("data-missing", "missing-choice", pathOf(parent),
                            "one of the cases of the mandatory choice '" + choice.getQName().getLocalName()
                                + "' must be configured",
                            Map.of("missing-choice", choice.getQName().getLocalName())));
                    }
                }
                case ListSchemaNode list -> {
                    checkCount(parent, list, failures);
                    checkUnique(parent, list, failures);
                }
                case LeafListSchemaNode leafList -> checkCount(parent, leafList, failures);
                case MandatoryAware mandatory when mandatory.isMandatory()
                    && ConfigTree.child(parent, child.getQName()) == null ->
                    failures.add(new ValidationFailure("missing-element", null, paths.of(parent, child.getQName()),
                        "the mandatory '" + child.getQName().getLocalName() + "' is missing",
                        Map.of("bad-element", child.getQName().getLocalName())));
                default -> {
                    // containers are checked as elements of their own; optional leaves need nothing
                }
            }
        }
    }

    private String pathOf(final Element parent) {
        return NodeInfo.of(parent) == null ? "/" : paths.of(parent);
    }

    private void checkCount(final Element parent, final DataSchemaNode node,
            final List<ValidationFailure> failures) {
        final var constraint = ((ElementCountConstraintAware) node).getElementCountConstraint().orElse(null);
        if (constraint == null) {
            return;
        }
        final var instances = ConfigTree.children(parent, node.getQName());
        final var name = node.getQName().getLocalName();
        final Integer min = constraint.getMinElements();
        final Integer max = constraint.getMaxElements();
        if (min != null && instances.size() < min) {
            failures.add(new ValidationFailure("operation-failed", "too-few-elements",
                paths.of(parent, node.getQName()),
                "'" + name + "' needs at least " + entries(min) + ", " + configured(instances.size())));
        }
        if (max != null && instances.size() > max) {
            failures.add(new ValidationFailure("operation-failed", "too-many-elements", paths.of(instances.get(max)),
                "'" + name + "' allows at most " + entries(max) + ", " + configured(instances.size())));
        }
    }

    private static String entries(final int count) {
        return count == 1 ? "1 entry" : count + " entries";
    }

    private static String configured(final int count) {
        return count == 1 ? "1 is configured" : count + " are configured";
    }

    private void checkUnique(final Element parent, final ListSchemaNode list,
            final List<ValidationFailure> failures) {
        final var entries = ConfigTree.children(parent, list.getQName());
        for (UniqueEffectiveStatement unique : list.getUniqueConstraints()) {
            final var leaves = List.copyOf(unique.argument());
            final var seen = new HashMap<List<String>, Element>();
            for (var entry : entries) {
                final var values = values(entry, leaves);
                if (values == null) {
                    continue;
                }
                final var earlier = seen.putIfAbsent(values, entry);
                if (earlier != null) {
                    final var names = leaves.stream().map(leaf -> leaf.lastNodeIdentifier().getLocalName())
                        .collect(Collectors.joining(" "));
                    failures.add(new ValidationFailure("operation-failed", "data-not-unique", paths.of(entry),
                        "'" + names + "' must be unique in '" + list.getQName().getLocalName() + "', but "
                            + paths.of(entry) + " repeats " + paths.of(earlier),
                        Map.of("non-unique", paths.of(leaf(entry, leaves.getFirst())))));
                }
            }
        }
    }

    /** The values of a unique's leaves in one entry, or {@code null} when one is absent (RFC 7950 7.8.3). */
    private static List<String> values(final Element entry, final List<SchemaNodeIdentifier.Descendant> leaves) {
        final var values = new ArrayList<String>(leaves.size());
        for (var leaf : leaves) {
            final var node = leaf(entry, leaf);
            if (node == null) {
                return null;
            }
            values.add(node.getTextContent());
        }
        return values;
    }

    private static Element leaf(final Element entry, final SchemaNodeIdentifier.Descendant leaf) {
        Element node = entry;
        for (var step : leaf.getNodeIdentifiers()) {
            node = node == null ? null : ConfigTree.child(node, step);
        }
        return node;
    }
}
