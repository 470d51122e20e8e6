package net.twampagent.netconf.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.twampagent.netconf.validation.NodeInfo.Condition;
import org.opendaylight.yangtools.yang.model.api.AugmentationTarget;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementEquivalent;
import org.opendaylight.yangtools.yang.model.api.SchemaNode;
import org.opendaylight.yangtools.yang.model.api.WhenConditionAware;
import org.opendaylight.yangtools.yang.model.api.stmt.WhenEffectiveStatement;

/**
 * Finds every {@code when} that decides whether a data node may exist: its own, and those of the choices, cases,
 * augments and uses between it and its parent data node (RFC 7950 section 7.21.5 says which node is the context
 * of each). The answer depends only on the schema, so it is computed once per schema node.
 */
final class ConditionIndex {
    private final Map<DataSchemaNode, List<Condition>> cache = new ConcurrentHashMap<>();

    /**
     * The conditions of a data node.
     *
     * @param parent the schema of the parent data node (a container, list or the model itself)
     * @param chain  the choices and cases between the parent and the node, outermost first
     * @param node   the data node
     */
    List<Condition> of(final DataNodeContainer parent, final List<SchemaNode> chain, final DataSchemaNode node) {
        return cache.computeIfAbsent(node, key -> compute(parent, chain, node));
    }

    private static List<Condition> compute(final DataNodeContainer parent, final List<SchemaNode> chain,
            final DataSchemaNode node) {
        final var conditions = new ArrayList<Condition>();
        node.getWhenCondition().ifPresent(when -> conditions.add(new Condition(when, text(node, when), false)));
        final var holders = new ArrayList<Object>();
        holders.add(parent);
        holders.addAll(chain);
        for (int i = 0; i < holders.size(); i++) {
            final var holder = holders.get(i);
            final SchemaNode next = i + 1 < holders.size() ? (SchemaNode) holders.get(i + 1) : node;
            if (i > 0 && holder instanceof WhenConditionAware aware) {
                aware.getWhenCondition().ifPresent(
                    when -> conditions.add(new Condition(when, text(aware, when), true)));
            }
            if (holder instanceof AugmentationTarget target) {
                for (var augment : target.getAvailableAugmentations()) {
                    if (augment.getWhenCondition().isPresent()
                        && augment.findDataChildByName(next.getQName()).isPresent()) {
                        final var when = augment.getWhenCondition().orElseThrow();
                        conditions.add(new Condition(when, text(augment, when), true));
                    }
                }
            }
            if (holder instanceof DataNodeContainer container) {
                for (var uses : container.getUses()) {
                    if (uses.getWhenCondition().isPresent() && uses.getSourceGrouping().getChildNodes().stream()
                        .anyMatch(child -> child.getQName().getLocalName().equals(next.getQName().getLocalName()))) {
                        final var when = uses.getWhenCondition().orElseThrow();
                        conditions.add(new Condition(when, text(uses, when), true));
                    }
                }
            }
        }
        return List.copyOf(conditions);
    }

    /** The expression as the model's author wrote it, for messages. */
    private static String text(final Object owner, final Object when) {
        if (owner instanceof EffectiveStatementEquivalent<?> equivalent) {
            final var declared = equivalent.asEffectiveStatement()
                .findFirstEffectiveSubstatement(WhenEffectiveStatement.class)
                .map(statement -> statement.getDeclared())
                .orElse(null);
            if (declared != null) {
                return declared.rawArgument();
            }
        }
        return when.toString();
    }
}
