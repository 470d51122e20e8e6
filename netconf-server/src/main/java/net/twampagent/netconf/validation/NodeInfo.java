package net.twampagent.netconf.validation;

import java.util.List;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression.QualifiedBound;
import org.w3c.dom.Node;

/**
 * What the validator knows about one element of its DOM copy of the configuration: the schema node it is an
 * instance of, whether it was inserted as a default, and the {@code when} conditions that decide its existence.
 */
record NodeInfo(DataSchemaNode schema, boolean defaulted, List<Condition> conditions) {
    private static final String KEY = NodeInfo.class.getName();

    /** One {@code when}: its expression, its text for messages, and whether it is evaluated on the parent. */
    record Condition(QualifiedBound expression, String text, boolean onParent) {
    }

    void attach(final Node node) {
        node.setUserData(KEY, this, null);
    }

    /** The information attached to a node, or {@code null} for the synthetic root and text nodes. */
    static NodeInfo of(final Node node) {
        return (NodeInfo) node.getUserData(KEY);
    }
}
