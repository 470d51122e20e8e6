package net.twampagent.netconf.validation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Checks a complete configuration datastore against the rules of its model that a schema-aware parser does not
 * check: {@code when}, {@code must}, leafrefs, mandatory, min/max-elements and unique. Immutable and thread-safe:
 * build one per model and share it.
 */
public final class ModelValidator {
    private final ModelIndex model;
    private final ConfigTreeBuilder builder;
    private final WhenPruner whenPruner;
    private final MustChecker mustChecker;
    private final StructureChecker structureChecker;

    private ModelValidator(final EffectiveModelContext context) {
        model = new ModelIndex(context);
        final var paths = new ErrorPaths(model);
        builder = new ConfigTreeBuilder(model, new ConditionIndex());
        whenPruner = new WhenPruner(model, paths);
        mustChecker = new MustChecker(model, paths);
        structureChecker = new StructureChecker(model, paths);
    }

    /**
     * Prepares a validator for one model.
     *
     * @param context the model, as loaded by the agent
     * @return a validator
     */
    public static ModelValidator of(final EffectiveModelContext context) {
        return new ModelValidator(requireNonNull(context, "context"));
    }

    /**
     * Validates a whole configuration.
     *
     * @param datastoreRoot the root of the configuration datastore: a container (its identifier is ignored) whose
     *                      children are the top-level data nodes of the model's modules
     * @return every failure found (those of {@code when} first, then {@code must} and leafref in document order,
     *         then mandatory, min/max-elements and unique); empty when the configuration is valid
     * @throws IllegalArgumentException if the tree holds a node the model does not define
     */
    public List<ValidationFailure> validate(final ContainerNode datastoreRoot) {
        requireNonNull(datastoreRoot, "datastoreRoot");
        final var root = builder.build(datastoreRoot);
        final var evaluator = new XPathEvaluator(model);
        final var failures = new ArrayList<ValidationFailure>();
        whenPruner.prune(root, evaluator, failures);
        mustChecker.check(root, evaluator, failures);
        structureChecker.check(root, failures);
        return List.copyOf(failures);
    }

    /**
     * The prefixes used in {@link ValidationFailure#errorPath()}: each module's own prefix mapped to its namespace,
     * so an {@code <error-path>} element can declare them.
     *
     * @return prefix to namespace URI, stable for the life of this validator
     */
    public Map<String, String> prefixes() {
        return model.prefixes();
    }
}
