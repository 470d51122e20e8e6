package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.impl.codec.TypeDefinitionAwareCodec;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;

/**
 * The with-defaults retrieval modes of RFC 6243. Datastores keep exactly what clients set (basic mode
 * {@code explicit}); {@code report-all} adds the model's defaults for absent leaves, {@code trim} drops leaves
 * whose value equals their default.
 */
public final class WithDefaults {
    /** A retrieval mode. */
    public enum Mode {
        EXPLICIT, REPORT_ALL, TRIM;

        /** The mode named in a {@code <with-defaults>} element; report-all-tagged is not offered. */
        public static Optional<Mode> named(final String text) {
            for (var mode : values()) {
                if (mode.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    private final EffectiveModelContext context;

    public WithDefaults(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * Applies a mode to a configuration, or to configuration and state together.
     *
     * @param withState whether defaults of state nodes are added too ({@code <get>}), or only configuration
     */
    public ContainerNode apply(final ContainerNode root, final Mode mode, final boolean withState) {
        return mode == Mode.EXPLICIT ? root : (ContainerNode) visit(root, context, mode, withState);
    }

    private DataContainerNode visit(final DataContainerNode node, final DataNodeContainer schema, final Mode mode,
            final boolean withState) {
        final var builder = node instanceof ContainerNode container
            ? ImmutableNodes.builderFactory().newContainerBuilder(container)
            : ImmutableNodes.builderFactory().newMapEntryBuilder((MapEntryNode) node);
        for (var child : schema.getChildNodes()) {
            if (!withState && !child.effectiveConfig().orElse(Boolean.TRUE)) {
                continue;
            }
            final var id = NodeIdentifier.create(child.getQName());
            final DataContainerChild existing = node.childByArg(id);
            switch (child) {
                case LeafSchemaNode leaf -> {
                    final var def = defaultOf(leaf.getType());
                    if (def.isEmpty()) {
                        continue;
                    }
                    if (mode == Mode.REPORT_ALL && existing == null) {
                        builder.withChild(ImmutableNodes.leafNode(id, def.orElseThrow()));
                    } else if (mode == Mode.TRIM && existing instanceof LeafNode<?> value
                            && value.body().equals(def.orElseThrow())) {
                        builder.withoutChild(id);
                    }
                }
                case LeafListSchemaNode leafList -> {
                    if (mode == Mode.REPORT_ALL && existing == null && !leafList.getDefaults().isEmpty()) {
                        final var set = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id);
                        for (var value : leafList.getDefaults()) {
                            final var typed = typed(leafList.getType(), value);
                            set.withChild(ImmutableNodes.leafSetEntry(child.getQName(), typed));
                        }
                        builder.withChild(set.build());
                    }
                }
                case ContainerSchemaNode container -> {
                    if (existing instanceof ContainerNode present) {
                        builder.withChild((ContainerNode) visit(present, container, mode, withState));
                    } else if (mode == Mode.REPORT_ALL && !container.isPresenceContainer()) {
                        final var filled = (ContainerNode) visit(
                            ImmutableNodes.newContainerBuilder().withNodeIdentifier(id).build(), container, mode, withState);
                        if (!filled.body().isEmpty()) {
                            builder.withChild(filled);
                        }
                    }
                }
                case ListSchemaNode list -> {
                    if (existing instanceof SystemMapNode map) {
                        final var rebuilt = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id);
                        for (var entry : map.body()) {
                            rebuilt.withChild((MapEntryNode) visit(entry, list, mode, withState));
                        }
                        builder.withChild(rebuilt.build());
                    }
                }
                default -> {
                    // choices, anydata: no defaults the agent's model uses
                }
            }
        }
        return builder.build();
    }

    private static Optional<Object> defaultOf(final TypeDefinition<?> type) {
        return type.getDefaultValue().map(value -> typed(type, value));
    }

    private static Object typed(final TypeDefinition<?> type, final Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        final var codec = TypeDefinitionAwareCodec.from(type);
        return codec == null ? text : codec.deserialize(text);
    }
}
