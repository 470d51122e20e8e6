package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Composes the answer of {@code <get>}: running plus the live state of a provider. */
public final class StateComposer {
    private static final Logger LOG = LoggerFactory.getLogger(StateComposer.class);

    private final EffectiveModelContext context;
    private final OperationalStateProvider provider;

    public StateComposer(final EffectiveModelContext context, final OperationalStateProvider provider) {
        this.context = requireNonNull(context);
        this.provider = requireNonNull(provider);
    }

    public ContainerNode compose(final ContainerNode running) {
        final var state = provider.snapshot();
        if (state.isEmpty()) {
            return running;
        }
        final var tree = DataTrees.operational(context, running);
        final var mod = tree.takeSnapshot().newModification();
        for (var entry : state.entrySet()) {
            ensureParents(mod, entry.getKey());
            mod.merge(entry.getKey(), entry.getValue());
        }
        mod.ready();
        try {
            tree.validate(mod);
            tree.commit(tree.prepare(mod));
        } catch (DataValidationFailedException | IllegalArgumentException e) {
            LOG.warn("The operational state does not fit the model and is left out: {}", e.getMessage());
            return running;
        }
        return DataTrees.root(tree);
    }

    private static void ensureParents(final org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification mod,
            final YangInstanceIdentifier path) {
        var prefix = YangInstanceIdentifier.of();
        final var args = path.getPathArguments();
        for (int i = 0; i < args.size() - 1; i++) {
            prefix = prefix.node(args.get(i));
            if (args.get(i) instanceof NodeIdentifier id && mod.readNode(prefix).isEmpty()) {
                mod.merge(prefix, ImmutableNodes.newContainerBuilder().withNodeIdentifier(id).build());
            }
        }
    }
}
