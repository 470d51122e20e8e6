package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.ContainerEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Resolves the elements of an edit-config's {@code <config>} against the model before anything changes, so that
 * every unknown element, bad value, missing key or bad operation attribute is reported with its exact path.
 */
final class EditParser {
    private final DataCodec codec;
    private final Predicate<YangInstanceIdentifier> secret;

    /**
     * @param secret whether a node's value must never be repeated (an error about it names the node and the
     *               rule it breaks, not the value)
     */
    EditParser(final DataCodec codec, final Predicate<YangInstanceIdentifier> secret) {
        this.codec = requireNonNull(codec);
        this.secret = requireNonNull(secret);
    }

    List<EditNode> parse(final Element config, final EditOperation defaultOperation) throws RpcException {
        final var nodes = new ArrayList<EditNode>();
        for (var child : childElements(config)) {
            nodes.add(node(child, SchemaInferenceStack.of(codec.context()), YangInstanceIdentifier.of(),
                defaultOperation));
        }
        return nodes;
    }

    private EditNode node(final Element element, final SchemaInferenceStack parentStack,
            final YangInstanceIdentifier parentPath, final EditOperation inherited) throws RpcException {
        final var qname = resolve(element, parentPath);
        final var stack = parentStack.copy();
        final Object statement;
        try {
            statement = stack.enterDataTree(qname);
        } catch (IllegalArgumentException e) {
            throw unknown(element, parentPath, "'" + element.getLocalName() + "' is not part of the model here");
        }
        final var self = stack.toInference();
        final var operation = operation(element, parentPath);
        final var effective = operation != null ? operation : inherited;
        final var id = NodeIdentifier.create(qname);
        if (statement instanceof DataSchemaNode schema && !schema.effectiveConfig().orElse(Boolean.TRUE)) {
            throw RpcError.application("invalid-value",
                "'" + element.getLocalName() + "' is state data and cannot be configured")
                .at(ErrorPath.of(codec.context(), parentPath.node(id))).toException();
        }
        return switch (statement) {
            case ContainerEffectiveStatement container -> {
                final var path = parentPath.node(id);
                yield new EditNode(element, path, self, operation,
                    ImmutableNodes.newContainerBuilder().withNodeIdentifier(id).build(),
                    children(element, stack, path, effective));
            }
            case ListEffectiveStatement list -> {
                final var keys = new LinkedHashMap<QName, Object>();
                for (var key : list.findFirstEffectiveSubstatementArgument(
                        org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement.class).orElseThrow()) {
                    final var keyElement = childElements(element).stream()
                        .filter(c -> key.getLocalName().equals(c.getLocalName())
                            && key.getNamespace().toString().equals(c.getNamespaceURI()))
                        .findFirst()
                        .orElseThrow(() -> RpcError.protocol("missing-element",
                            "the key '" + key.getLocalName() + "' of '" + qname.getLocalName() + "' is missing")
                            .withInfo("bad-element", key.getLocalName())
                            .at(ErrorPath.of(codec.context(), parentPath.node(id))).toException());
                    final var keyStack = stack.copy();
                    keyStack.enterDataTree(key);
                    keys.put(key, leafValue(keyElement, keyStack.toInference(), parentPath.node(id).node(
                        NodeIdentifier.create(key))));
                }
                final var entryId = NodeIdentifierWithPredicates.of(qname, keys);
                final var path = parentPath.node(id).node(entryId);
                final var skeleton = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entryId);
                keys.forEach((k, v) -> skeleton.withChild(ImmutableNodes.leafNode(k, v)));
                yield new EditNode(element, path, self, operation, skeleton.build(),
                    children(element, stack, path, effective));
            }
            case LeafEffectiveStatement leaf -> {
                final var path = parentPath.node(id);
                final NormalizedNode content = effective == EditOperation.DELETE || effective == EditOperation.REMOVE
                    ? null : ImmutableNodes.leafNode(id, leafValue(element, self, path));
                yield new EditNode(element, path, self, operation, content, List.of());
            }
            case LeafListEffectiveStatement leafList -> {
                final var value = leafValue(element, self, parentPath.node(id));
                final var path = parentPath.node(id).node(new NodeWithValue<>(qname, value));
                yield new EditNode(element, path, self, operation,
                    ImmutableNodes.leafSetEntry(qname, value), List.of());
            }
            default -> throw RpcError.protocol("operation-not-supported",
                "editing '" + element.getLocalName() + "' this way is not supported")
                .at(ErrorPath.of(codec.context(), parentPath.node(id))).toException();
        };
    }

    private List<EditNode> children(final Element element, final SchemaInferenceStack stack,
            final YangInstanceIdentifier path, final EditOperation effective) throws RpcException {
        final var children = new ArrayList<EditNode>();
        for (var child : childElements(element)) {
            children.add(node(child, stack, path, effective));
        }
        return children;
    }

    private Object leafValue(final Element element,
            final org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference self,
            final YangInstanceIdentifier path) throws RpcException {
        final NormalizedNode parsed;
        try {
            parsed = codec.parse(element, self);
        } catch (IllegalArgumentException e) {
            // The parser's message quotes the value, so a secret gets the model's rule instead.
            final var message = secret.test(path)
                ? "the value of '" + element.getLocalName() + "' is not valid: it must be "
                    + ValueRule.of(self) + " (the value is secret and not shown)"
                : "'" + element.getTextContent().strip() + "' is not a valid value of '" + element.getLocalName()
                    + "': " + e.getMessage();
            throw RpcError.application("invalid-value", message).at(ErrorPath.of(codec.context(), path))
                .toException();
        }
        return switch (parsed) {
            case LeafNode<?> leaf -> leaf.body();
            case LeafSetNode<?> set -> set.body().iterator().next().body();
            default -> throw new IllegalStateException("a leaf parsed as " + parsed.getClass().getSimpleName());
        };
    }

    private QName resolve(final Element element, final YangInstanceIdentifier parentPath) throws RpcException {
        final var ns = element.getNamespaceURI();
        if (ns == null || ns.isEmpty()) {
            throw unknownNamespace(element, parentPath, "'" + element.getLocalName() + "' has no namespace");
        }
        final var modules = codec.context().findModuleStatements(XMLNamespace.of(ns));
        if (modules.isEmpty()) {
            throw unknownNamespace(element, parentPath, "no module of this server has the namespace " + ns);
        }
        return QName.create(modules.iterator().next().localQNameModule(), element.getLocalName());
    }

    private EditOperation operation(final Element element, final YangInstanceIdentifier parentPath)
            throws RpcException {
        final var attribute = EditOperation.attributeOf(element);
        if (attribute.isEmpty()) {
            return null;
        }
        final var text = attribute.orElseThrow();
        final var op = EditOperation.named(text).filter(o -> o != EditOperation.NONE);
        if (op.isEmpty()) {
            throw RpcError.protocol("bad-attribute", "'" + text
                + "' is not an operation: use merge, replace, create, delete or remove")
                .withInfo("bad-attribute", "operation").withInfo("bad-element", element.getLocalName())
                .at(ErrorPath.of(codec.context(), parentPath)).toException();
        }
        return op.orElseThrow();
    }

    private RpcException unknown(final Element element, final YangInstanceIdentifier parentPath,
            final String message) {
        return RpcError.application("unknown-element", message).withInfo("bad-element", element.getLocalName())
            .at(ErrorPath.of(codec.context(), parentPath)).toException();
    }

    private RpcException unknownNamespace(final Element element, final YangInstanceIdentifier parentPath,
            final String message) {
        return RpcError.application("unknown-namespace", message).withInfo("bad-element", element.getLocalName())
            .withInfo("bad-namespace", String.valueOf(element.getNamespaceURI()))
            .at(ErrorPath.of(codec.context(), parentPath)).toException();
    }

    static List<Element> childElements(final Element parent) {
        final var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The one normalized node of a parsed element: a list or leaf-list result holds one entry. */
    static NormalizedNode single(final NormalizedNode parsed) {
        return switch (parsed) {
            case MapNode map -> map.body().iterator().next();
            case LeafSetNode<?> set -> set.body().iterator().next();
            default -> parsed;
        };
    }
}
