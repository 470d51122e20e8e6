package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.util.List;
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
    private final List<OperationalStateProvider> providers;

    public StateComposer(final EffectiveModelContext context, final OperationalStateProvider provider) {
        this(context, List.of(provider));
    }

    public StateComposer(final EffectiveModelContext context, final List<OperationalStateProvider> providers) {
        this.context = requireNonNull(context);
        this.providers = List.copyOf(providers);
    }

    public ContainerNode compose(final ContainerNode running) {
        final var tree = DataTrees.operational(context, running);
        final var mod = tree.takeSnapshot().newModification();
        boolean any = false;
        for (var provider : providers) {
            for (var entry : provider.snapshot().entrySet()) {
                ensureParents(mod, entry.getKey());
                mod.merge(entry.getKey(), entry.getValue());
                any = true;
            }
        }
        if (!any) {
            return running;
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
