package net.twampagent.netconf.datastore;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/** Data trees of the two strictness levels the agent needs. */
final class DataTrees {
    private static final InMemoryDataTreeFactory FACTORY = new InMemoryDataTreeFactory();
    /** A candidate may be incomplete between edits (RFC 6241 section 8.3), so mandatory nodes wait for commit. */
    private static final DataTreeConfiguration LENIENT = new DataTreeConfiguration.Builder(TreeType.CONFIGURATION)
        .setMandatoryNodesValidation(false).setUniqueIndexes(false).build();
    private static final DataTreeConfiguration STRICT = new DataTreeConfiguration.Builder(TreeType.CONFIGURATION)
        .setMandatoryNodesValidation(true).setUniqueIndexes(true).build();
    private static final DataTreeConfiguration OPERATIONAL =
        new DataTreeConfiguration.Builder(TreeType.OPERATIONAL).build();

    private DataTrees() {
    }

    static ContainerNode emptyRoot() {
        return ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(YangInstanceIdentifier.NodeIdentifier.create(SchemaContext.NAME)).build();
    }

    static DataTree lenient(final EffectiveModelContext context, final ContainerNode root) {
        try {
            return filled(LENIENT, context, root);
        } catch (DataValidationFailedException e) {
            throw new IllegalStateException("a stored configuration no longer fits its model", e);
        }
    }

    static DataTree strict(final EffectiveModelContext context, final ContainerNode root)
            throws DataValidationFailedException {
        return filled(STRICT, context, root);
    }

    /** A tree that holds configuration and state together, to compose {@code <get>}. */
    static DataTree operational(final EffectiveModelContext context, final ContainerNode config) {
        try {
            return filled(OPERATIONAL, context, config);
        } catch (DataValidationFailedException e) {
            throw new IllegalStateException("running no longer fits its model", e);
        }
    }

    private static DataTree filled(final DataTreeConfiguration config, final EffectiveModelContext context,
            final ContainerNode root) throws DataValidationFailedException {
        final var tree = FACTORY.create(config, context);
        if (!root.body().isEmpty()) {
            final var mod = tree.takeSnapshot().newModification();
            mod.write(YangInstanceIdentifier.of(), root);
            mod.ready();
            tree.validate(mod);
            tree.commit(tree.prepare(mod));
        }
        return tree;
    }

    static ContainerNode root(final DataTree tree) {
        return (ContainerNode) tree.takeSnapshot().readNode(YangInstanceIdentifier.of()).orElseThrow();
    }
}
