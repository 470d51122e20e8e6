package net.twampagent.netconf.datastore;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What changed between two configurations, as the edits of an RFC 6470 netconf-config-change: the topmost
 * nodes created, deleted or replaced.
 */
public final class ConfigDiff {
    /**
     * One edit.
     *
     * @param path      the node
     * @param operation create, delete or replace
     */
    public record Edit(YangInstanceIdentifier path, String operation) {
    }

    private ConfigDiff() {
    }

    public static List<Edit> between(final EffectiveModelContext context, final ContainerNode before,
            final ContainerNode after) {
        final var tree = DataTrees.lenient(context, before);
        final var mod = tree.takeSnapshot().newModification();
        mod.write(YangInstanceIdentifier.of(), after);
        mod.ready();
        try {
            tree.validate(mod);
            final var candidate = tree.prepare(mod);
            final var edits = new ArrayList<Edit>();
            for (var child : candidate.getRootNode().childNodes()) {
                collect(child, YangInstanceIdentifier.of(child.name()), edits);
            }
            return edits;
        } catch (DataValidationFailedException e) {
            throw new IllegalStateException("two stored configurations cannot be compared", e);
        }
    }

    private static void collect(final DataTreeCandidateNode node, final YangInstanceIdentifier path,
            final List<Edit> edits) {
        final var before = node.dataBefore();
        final var after = node.dataAfter();
        switch (node.modificationType()) {
            case UNMODIFIED -> {
                // nothing here
            }
            case DELETE, DISAPPEARED -> edits.add(new Edit(path, "delete"));
            case APPEARED -> edits.add(new Edit(path, "create"));
            case WRITE, SUBTREE_MODIFIED -> {
                if (before == null) {
                    edits.add(new Edit(path, "create"));
                } else if (after instanceof DistinctNodeContainer<?, ?> && before instanceof DistinctNodeContainer<?, ?>
                        && !node.childNodes().isEmpty()) {
                    for (var child : node.childNodes()) {
                        collect(child, path.node(child.name()), edits);
                    }
                } else if (!before.equals(after)) {
                    edits.add(new Edit(path, "replace"));
                }
            }
            default -> throw new IllegalStateException(node.modificationType().toString());
        }
    }
}
