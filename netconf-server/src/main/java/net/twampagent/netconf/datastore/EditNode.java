package net.twampagent.netconf.datastore;

import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.w3c.dom.Element;

/**
 * One element of an edit-config's {@code <config>}, resolved against the model.
 *
 * @param element   the XML element (its content is parsed only when the operation needs it)
 * @param path      the data node it names
 * @param schema    its own schema, to parse the element
 * @param operation its own {@code operation} attribute, or {@code null} to inherit
 * @param skeleton  the node with only its identity (keys for a list entry), to create it without content
 * @param children  its child elements, for containers and list entries
 */
record EditNode(Element element, YangInstanceIdentifier path, EffectiveStatementInference schema,
        EditOperation operation, org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode skeleton,
        List<EditNode> children) {

    /** Whether some node below this one carries an operation of its own. */
    boolean hasOperationBelow() {
        return children.stream().anyMatch(c -> c.operation != null || c.hasOperationBelow());
    }

    /** Whether some node below this one (with inherited {@code op}) would create data. */
    boolean createsBelow(final EditOperation inherited) {
        return children.stream().anyMatch(c -> {
            final var op = c.operation != null ? c.operation : inherited;
            return op.creates() || c.createsBelow(op);
        });
    }
}
