package net.twampagent.netconf.datastore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Writes data with every node's children in the order the model declares them, list keys first, so replies are
 * the same text for the same data and follow RFC 7950 section 7.8.5 (keys before other children). yangtools'
 * schema-ordered writer puts keys that come from a grouping after the list's own leaves.
 */
final class SchemaOrder {
    private final NormalizedNodeStreamWriter out;

    private SchemaOrder(final NormalizedNodeStreamWriter out) {
        this.out = out;
    }

    /** Writes the children of a datastore root. */
    static void writeChildren(final NormalizedNodeStreamWriter out, final ContainerNode root,
            final DataNodeContainer schema) throws IOException {
        final var writer = new SchemaOrder(out);
        final var children = new HashMap<QName, DataSchemaNode>();
        for (var child : writer.sorted(root, schema, children)) {
            writer.write(child, children.get(child.name().getNodeType()));
        }
    }

    private Iterable<DataContainerChild> sorted(final DataContainerNode node, final DataNodeContainer schema,
            final Map<QName, DataSchemaNode> children) {
        final var order = new HashMap<QName, Integer>();
        if (schema instanceof ListSchemaNode list) {
            for (var key : list.getKeyDefinition()) {
                order.putIfAbsent(key, order.size());
            }
        }
        index(schema, order, children);
        final var sorted = new ArrayList<DataContainerChild>(node.body());
        sorted.sort(Comparator.comparing(child -> order.getOrDefault(child.name().getNodeType(), Integer.MAX_VALUE)));
        return sorted;
    }

    private void writeContainerChildren(final DataContainerNode node, final DataNodeContainer schema)
            throws IOException {
        final var children = new HashMap<QName, DataSchemaNode>();
        for (var child : sorted(node, schema, children)) {
            write(child, children.get(child.name().getNodeType()));
        }
    }

    private void write(final NormalizedNode node, final DataSchemaNode schema) throws IOException {
        switch (node) {
            case LeafNode<?> leaf -> {
                out.startLeafNode(leaf.name());
                out.scalarValue(leaf.body());
                out.endNode();
            }
            case LeafSetNode<?> set -> {
                if (set instanceof UserLeafSetNode) {
                    out.startOrderedLeafSet(set.name(), set.size());
                } else {
                    out.startLeafSet(set.name(), set.size());
                }
                for (LeafSetEntryNode<?> entry : set.body()) {
                    out.startLeafSetEntryNode(entry.name());
                    out.scalarValue(entry.body());
                    out.endNode();
                }
                out.endNode();
            }
            case ContainerNode container -> {
                out.startContainerNode(container.name(), container.size());
                writeContainerChildren(container, (DataNodeContainer) schema);
                out.endNode();
            }
            case MapNode map -> {
                if (map instanceof UserMapNode) {
                    out.startOrderedMapNode(map.name(), map.size());
                } else {
                    out.startMapNode(map.name(), map.size());
                }
                for (MapEntryNode entry : map.body()) {
                    out.startMapEntryNode(entry.name(), entry.size());
                    writeContainerChildren(entry, (DataNodeContainer) schema);
                    out.endNode();
                }
                out.endNode();
            }
            case ChoiceNode choice -> {
                out.startChoiceNode(choice.name(), choice.size());
                final var order = new HashMap<QName, Integer>();
                final var children = new HashMap<QName, DataSchemaNode>();
                for (var caseNode : ((ChoiceSchemaNode) schema).getCases()) {
                    index(caseNode, order, children);
                }
                final var sorted = new ArrayList<DataContainerChild>(choice.body());
                sorted.sort(Comparator.comparing(c -> order.getOrDefault(c.name().getNodeType(),
                    Integer.MAX_VALUE)));
                for (var child : sorted) {
                    write(child, children.get(child.name().getNodeType()));
                }
                out.endNode();
            }
            default -> throw new IllegalStateException("the agent's models hold no " + node.contract().getName());
        }
    }

    private static void index(final DataNodeContainer schema, final Map<QName, Integer> order,
            final Map<QName, DataSchemaNode> children) {
        for (var child : schema.getChildNodes()) {
            order.putIfAbsent(child.getQName(), order.size());
            children.put(child.getQName(), child);
        }
    }
}
