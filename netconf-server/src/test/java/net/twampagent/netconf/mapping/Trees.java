package net.twampagent.netconf.mapping;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;

/** Reading mapped trees by the model's names, failing with the path when a node is not there. */
final class Trees {
    private Trees() {
    }

    /** The value of the leaf at {@code path} (container names, then the leaf) below {@code node}. */
    static Object leaf(final DataContainerNode node, final String... path) {
        final var at = container(node, Arrays.copyOf(path, path.length - 1));
        return assertInstanceOf(LeafNode.class, child(at, path[path.length - 1]), "leaf " + String.join("/", path))
            .body();
    }

    /** The container at {@code path} (container names) below {@code node}. */
    static DataContainerNode container(final DataContainerNode node, final String... path) {
        DataContainerNode at = node;
        for (var name : path) {
            at = assertInstanceOf(DataContainerNode.class, child(at, name), "container " + name);
        }
        return at;
    }

    /** Whether {@code node} has a child named {@code name}. */
    static boolean has(final DataContainerNode node, final String name) {
        return node.childByArg(TwampNames.id(TwampNames.name(name))) != null;
    }

    /** The entry of list {@code list} below {@code node} whose keys are {@code keys} (name, value, ...). */
    static MapEntryNode entry(final DataContainerNode node, final String list, final Object... keys) {
        final var map = assertInstanceOf(MapNode.class, child(node, list), "list " + list);
        final var predicates = new LinkedHashMap<org.opendaylight.yangtools.yang.common.QName, Object>();
        for (int i = 0; i < keys.length; i += 2) {
            predicates.put(TwampNames.name((String) keys[i]), keys[i + 1]);
        }
        final var entry = map.childByArg(NodeIdentifierWithPredicates.of(TwampNames.name(list), predicates));
        assertNotNull(entry, "no " + list + " entry " + predicates + " in " + map.body());
        return entry;
    }

    private static Object child(final DataContainerNode node, final String name) {
        final var child = node.childByArg(TwampNames.id(TwampNames.name(name)));
        assertNotNull(child, "no " + name + " in " + node.name());
        return child;
    }
}
