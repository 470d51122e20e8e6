package net.twampagent.netconf.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** Finds the instances of marked nodes in data, walking only where the model has marks. */
final class MarkedData {
    private final NacmMarks marks;
    private final Predicate<List<QName>> denied;

    MarkedData(final NacmMarks marks, final Predicate<List<QName>> denied) {
        this.marks = marks;
        this.denied = denied;
    }

    /** The topmost denied instances in a datastore root, by path, in document order. */
    Map<YangInstanceIdentifier, NormalizedNode> inRoot(final DistinctNodeContainer<?, ?> root) {
        final var found = new LinkedHashMap<YangInstanceIdentifier, NormalizedNode>();
        children(root, YangInstanceIdentifier.of(), List.of(), found);
        return found;
    }

    /**
     * The topmost denied instances at or below one node.
     *
     * @param node   the node (a list entry for a list, never the list itself)
     * @param path   its instance path
     * @param schema its schema path
     */
    Map<YangInstanceIdentifier, NormalizedNode> at(final NormalizedNode node, final YangInstanceIdentifier path,
            final List<QName> schema) {
        final var found = new LinkedHashMap<YangInstanceIdentifier, NormalizedNode>();
        if (denied.test(schema)) {
            found.put(path, node);
        } else if (marks.concerns(schema) && node instanceof DistinctNodeContainer<?, ?> container) {
            children(container, path, schema, found);
        }
        return found;
    }

    private void children(final DistinctNodeContainer<?, ?> container, final YangInstanceIdentifier path,
            final List<QName> schema, final Map<YangInstanceIdentifier, NormalizedNode> found) {
        for (var child : container.body()) {
            final var childPath = path.node(child.name());
            if (child instanceof ChoiceNode choice) {
                // A choice and its cases are not data nodes: their children sit at the parent's schema level.
                children(choice, childPath, schema, found);
                continue;
            }
            final var childSchema = new ArrayList<>(schema);
            childSchema.add(child.name().getNodeType());
            final var fixed = List.copyOf(childSchema);
            if (denied.test(fixed)) {
                found.put(childPath, child);
            } else if (marks.concerns(fixed)) {
                if (child instanceof MapNode map) {
                    for (var entry : map.body()) {
                        children(entry, childPath.node(entry.name()), fixed, found);
                    }
                } else if (child instanceof DistinctNodeContainer<?, ?> inner) {
                    children(inner, childPath, fixed, found);
                }
            }
        }
    }
}
