package net.twampagent.netconf.validation;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.AnydataNode;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.SchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Copies a configuration tree into a DOM the XPath engine can walk, each element tagged with its {@link NodeInfo},
 * and inserts what the model says exists without being written: non-presence containers, leaf and leaf-list
 * defaults, and the defaults of a choice's default case. {@code must} and {@code when} see those exactly as
 * configured values, as RFC 7950 section 7.6.1 requires.
 */
final class ConfigTreeBuilder {
    /** A factory of empty documents that concurrent validations may share, unlike a DocumentBuilder. */
    private static final DOMImplementation DOM = domImplementation();

    private final ModelIndex model;
    private final ConditionIndex conditions;

    ConfigTreeBuilder(final ModelIndex model, final ConditionIndex conditions) {
        this.model = model;
        this.conditions = conditions;
    }

    /** Builds the DOM; the returned element stands for the datastore root. */
    Element build(final ContainerNode datastoreRoot) {
        final Document document = DOM.createDocument(null, "datastore", null);
        final var root = document.getDocumentElement();
        final var schema = model.context();
        writeChildren(root, schema, List.of(), datastoreRoot.body());
        insertDefaults(root, schema, schema, List.of());
        return root;
    }

    private static DOMImplementation domImplementation() {
        try {
            return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM implementation", e);
        }
    }

    private void writeChildren(final Element parent, final DataNodeContainer parentSchema,
            final List<SchemaNode> chain, final Collection<? extends DataContainerChild> children) {
        final DataNodeContainer lookup = chain.isEmpty() ? parentSchema : (DataNodeContainer) chain.getLast();
        for (var child : children) {
            final QName name = child.name().getNodeType();
            final var schema = lookup.dataChildByName(name);
            if (schema == null) {
                throw new IllegalArgumentException("'" + name.getLocalName() + "' is not in the model");
            }
            if (!ConfigTree.isConfiguration(schema)) {
                continue;
            }
            if (child instanceof ChoiceNode choice) {
                final var choiceSchema = (ChoiceSchemaNode) schema;
                for (var caseChild : choice.body()) {
                    final var caseSchema = caseOf(choiceSchema, caseChild.name().getNodeType());
                    writeChildren(parent, parentSchema, append(chain, choiceSchema, caseSchema), List.of(caseChild));
                }
            } else {
                write(parent, parentSchema, chain, schema, child);
            }
        }
    }

    private void write(final Element parent, final DataNodeContainer parentSchema, final List<SchemaNode> chain,
            final DataSchemaNode schema, final NormalizedNode data) {
        final var info = new NodeInfo(schema, false, conditions.of(parentSchema, chain, schema));
        switch (data) {
            case ContainerNode container -> {
                final var element = element(parent, schema, info);
                writeChildren(element, (DataNodeContainer) schema, List.of(), container.body());
            }
            case MapNode list -> {
                for (var entry : list.body()) {
                    final var element = element(parent, schema, info);
                    writeChildren(element, (DataNodeContainer) schema, List.of(), entry.body());
                }
            }
            case UnkeyedListNode list -> {
                for (var entry : list.body()) {
                    final var element = element(parent, schema, info);
                    writeChildren(element, (DataNodeContainer) schema, List.of(), entry.body());
                }
            }
            case LeafNode<?> leaf -> element(parent, schema, info).setTextContent(text(leaf.body()));
            case LeafSetNode<?> leafList -> {
                for (var entry : leafList.body()) {
                    element(parent, schema, info).setTextContent(text(entry.body()));
                }
            }
            case AnydataNode<?> anydata -> element(parent, schema, info);
            case AnyxmlNode<?> anyxml -> element(parent, schema, info);
            default -> throw new IllegalArgumentException("unexpected data node " + data.name());
        }
    }

    private void insertDefaults(final Element parent, final DataNodeContainer parentSchema,
            final DataNodeContainer schema, final List<SchemaNode> chain) {
        for (var child : schema.getChildNodes()) {
            if (!ConfigTree.isConfiguration(child)) {
                continue;
            }
            switch (child) {
                case ContainerSchemaNode container -> {
                    var element = ConfigTree.child(parent, container.getQName());
                    if (element == null && !container.isPresenceContainer()) {
                        element = element(parent, container, defaulted(parentSchema, chain, container));
                    }
                    if (element != null) {
                        insertDefaults(element, container, container, List.of());
                    }
                }
                case ListSchemaNode list -> {
                    for (var entry : ConfigTree.children(parent, list.getQName())) {
                        insertDefaults(entry, list, list, List.of());
                    }
                }
                case LeafSchemaNode leaf -> {
                    final var value = leaf.getType().getDefaultValue();
                    if (value.isPresent() && ConfigTree.child(parent, leaf.getQName()) == null) {
                        element(parent, leaf, defaulted(parentSchema, chain, leaf))
                            .setTextContent(defaultText(leaf, value.orElseThrow()));
                    }
                }
                case LeafListSchemaNode leafList -> {
                    if (ConfigTree.child(parent, leafList.getQName()) == null) {
                        for (var value : leafList.getDefaults()) {
                            element(parent, leafList, defaulted(parentSchema, chain, leafList))
                                .setTextContent(defaultText(leafList, value));
                        }
                    }
                }
                case ChoiceSchemaNode choice -> {
                    var active = ConfigTree.activeCase(parent, choice);
                    if (active == null) {
                        active = choice.getDefaultCase().orElse(null);
                    }
                    if (active != null) {
                        insertDefaults(parent, parentSchema, active, append(chain, choice, active));
                    }
                }
                default -> {
                    // anydata and anyxml have no defaults
                }
            }
        }
    }

    private NodeInfo defaulted(final DataNodeContainer parentSchema, final List<SchemaNode> chain,
            final DataSchemaNode schema) {
        return new NodeInfo(schema, true, conditions.of(parentSchema, chain, schema));
    }

    private static Element element(final Element parent, final DataSchemaNode schema, final NodeInfo info) {
        final var name = schema.getQName();
        final var element = parent.getOwnerDocument().createElementNS(name.getNamespace().toString(),
            name.getLocalName());
        info.attach(element);
        parent.appendChild(element);
        return element;
    }

    private static CaseSchemaNode caseOf(final ChoiceSchemaNode choice, final QName child) {
        for (var caseSchema : choice.getCases()) {
            if (caseSchema.dataChildByName(child) != null) {
                return caseSchema;
            }
        }
        throw new IllegalArgumentException("'" + child.getLocalName() + "' is in no case of choice '"
            + choice.getQName().getLocalName() + "'");
    }

    private static List<SchemaNode> append(final List<SchemaNode> chain, final SchemaNode... more) {
        final var longer = new ArrayList<SchemaNode>(chain);
        longer.addAll(List.of(more));
        return longer;
    }

    /** The canonical text of a value, with identities written with the model's own module prefixes. */
    String text(final Object value) {
        return switch (value) {
            case QName identity -> model.prefixOf(identity.getNamespace()) + ":" + identity.getLocalName();
            case Set<?> bits -> bits.stream().map(String::valueOf).collect(Collectors.joining(" "));
            case Empty empty -> "";
            case byte[] binary -> Base64.getEncoder().encodeToString(binary);
            case Decimal64 decimal -> decimal.toCanonicalString();
            default -> String.valueOf(value);
        };
    }

    /** A default as the model writes it: identities carry the prefixes of the module that states the default. */
    private String defaultText(final DataSchemaNode schema, final Object value) {
        final var text = String.valueOf(value);
        if (schema instanceof TypedDataSchemaNode typed
            && typed.getType() instanceof IdentityrefTypeDefinition) {
            final int colon = text.indexOf(':');
            final var namespace = colon < 0 ? schema.getQName().getNamespace()
                : model.resolveModulePrefix(schema.getQName(), text.substring(0, colon));
            if (namespace != null) {
                return model.prefixOf(namespace) + ":" + text.substring(colon + 1);
            }
        }
        return text;
    }
}
