package net.twampagent.netconf.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import net.twampagent.netconf.datastore.EditOperation;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeAwareEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks an edit-config request node by node, as RFC 8341 section 3.4.5 does: a marked node may not be created,
 * merged, replaced or deleted, and neither may an ancestor whose delete or replace would remove a marked node
 * that exists. Only the part of the request that leads to marks is walked; whatever else is wrong in it is left
 * to the datastore, which reports it precisely.
 */
final class EditAccessCheck {
    private final EffectiveModelContext context;
    private final NacmMarks marks;
    private final MarkedData writeDenied;
    private final Denial denial;

    EditAccessCheck(final EffectiveModelContext context, final NacmMarks marks, final Denial denial) {
        this.context = context;
        this.marks = marks;
        this.denial = denial;
        writeDenied = new MarkedData(marks, marks::writeDenied);
    }

    void check(final Element config, final EditOperation defaultOperation, final NormalizedNode target)
            throws RpcException {
        for (var element : elements(config)) {
            final var module = moduleOf(element);
            if (module.isEmpty()) {
                continue;
            }
            final var qname = QName.create(module.orElseThrow(), element.getLocalName());
            final var top = context.findModuleStatement(module.orElseThrow()).orElseThrow();
            node(element, top, qname, List.of(), YangInstanceIdentifier.of(), defaultOperation, target);
        }
    }

    private void node(final Element element, final DataTreeAwareEffectiveStatement<?, ?> parent, final QName qname,
            final List<QName> parentSchema, final YangInstanceIdentifier parentPath, final EditOperation inherited,
            final NormalizedNode existingParent) throws RpcException {
        final var schema = new ArrayList<>(parentSchema);
        schema.add(qname);
        final var fixed = List.copyOf(schema);
        if (!marks.concerns(fixed)) {
            return;
        }
        final var statement = parent.findDataTreeNode(qname).orElse(null);
        if (statement == null) {
            return;
        }
        final var op = operation(element).orElse(inherited);
        final var id = NodeIdentifier.create(qname);
        var path = parentPath.node(id);
        var existing = child(existingParent, id);
        if (statement instanceof ListEffectiveStatement list) {
            final var keys = new LinkedHashMap<QName, Object>();
            for (var key : list.findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class).orElseThrow()) {
                elements(element).stream().filter(e -> key.getLocalName().equals(e.getLocalName()))
                    .findFirst().ifPresent(e -> keys.put(key, e.getTextContent().strip()));
            }
            final var entryId = NodeIdentifierWithPredicates.of(qname, keys);
            path = path.node(entryId);
            existing = entry(existing, keys);
        }
        if (op != EditOperation.NONE && marks.writeDenied(fixed)) {
            throw denial.at(path);
        }
        if (existing != null && (op == EditOperation.DELETE || op == EditOperation.REMOVE
                || op == EditOperation.REPLACE)) {
            final var removed = writeDenied.at(existing, path, fixed);
            if (!removed.isEmpty()) {
                throw denial.at(removed.keySet().iterator().next());
            }
        }
        if (statement instanceof DataTreeAwareEffectiveStatement<?, ?> container) {
            for (var child : elements(element)) {
                final var module = moduleOf(child);
                if (module.isPresent()) {
                    node(child, container, QName.create(module.orElseThrow(), child.getLocalName()), fixed, path, op,
                        existing);
                }
            }
        }
    }

    private Optional<QNameModule> moduleOf(final Element element) {
        final var namespace = element.getNamespaceURI();
        if (namespace == null || namespace.isEmpty()) {
            return Optional.empty();
        }
        return context.findModuleStatements(XMLNamespace.of(namespace)).stream().findFirst()
            .map(m -> m.localQNameModule());
    }

    private static NormalizedNode child(final NormalizedNode parent, final NodeIdentifier id) {
        return parent instanceof DistinctNodeContainer<?, ?> container ? find(container, id) : null;
    }

    @SuppressWarnings("unchecked")
    private static NormalizedNode find(final DistinctNodeContainer<?, ?> container, final NodeIdentifier id) {
        return ((DistinctNodeContainer<NodeIdentifier, NormalizedNode>) (DistinctNodeContainer<?, ?>) container)
            .childByArg(id);
    }

    /** The entry whose keys print as the request's key texts; none when the request names no such entry. */
    private static NormalizedNode entry(final NormalizedNode list, final java.util.Map<QName, Object> keys) {
        if (!(list instanceof MapNode map)) {
            return null;
        }
        for (MapEntryNode entry : map.body()) {
            final var ids = entry.name().asMap();
            if (ids.size() == keys.size() && ids.entrySet().stream()
                    .allMatch(e -> String.valueOf(e.getValue()).equals(keys.get(e.getKey())))) {
                return entry;
            }
        }
        return null;
    }

    private static Optional<EditOperation> operation(final Element element) {
        return EditOperation.attributeOf(element).flatMap(EditOperation::named);
    }

    private static List<Element> elements(final Element parent) {
        final var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
