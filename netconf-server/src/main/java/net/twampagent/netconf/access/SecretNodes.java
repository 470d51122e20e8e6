package net.twampagent.netconf.access;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The data whose value must never be repeated: the nodes marked {@code nacm:default-deny-all} and everything
 * below them. An error or a log line about such a node names the node and the rule, never the value, because
 * whoever reads it may be someone the value is kept from.
 */
public final class SecretNodes implements Predicate<YangInstanceIdentifier> {
    private final NacmMarks marks;

    private SecretNodes(final NacmMarks marks) {
        this.marks = marks;
    }

    /** The secret nodes of a model, whose marks are read once here. */
    public static SecretNodes of(final EffectiveModelContext context) {
        return new SecretNodes(NacmMarks.of(context));
    }

    /** Whether the instance at {@code path}, or one above it, holds a secret. */
    @Override
    public boolean test(final YangInstanceIdentifier path) {
        final var schema = new ArrayList<QName>();
        for (var argument : path.getPathArguments()) {
            // A list entry and a leaf-list value repeat the name of the node they are in: the marks name it once.
            if (!(argument instanceof NodeIdentifierWithPredicates || argument instanceof NodeWithValue)) {
                schema.add(argument.getNodeType());
            }
        }
        return marks.readDenied(List.copyOf(schema));
    }
}
