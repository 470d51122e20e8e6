package net.twampagent.netconf.validation;

import java.util.ArrayDeque;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/** Absolute XPaths with module prefixes and list keys, the form RFC 6241 wants in {@code <error-path>}. */
final class ErrorPaths {
    private final ModelIndex model;

    ErrorPaths(final ModelIndex model) {
        this.model = model;
    }

    /** The path of a data element. */
    String of(final Element element) {
        final var steps = new ArrayDeque<String>();
        for (var node = element; node != null && NodeInfo.of(node) != null;
                node = node.getParentNode() instanceof Element parent ? parent : null) {
            steps.push(step(node));
        }
        return steps.isEmpty() ? "/" : "/" + String.join("/", steps);
    }

    /** The path of a node that does not exist under a parent element (a missing leaf, a list with too few). */
    String of(final Element parent, final QName missing) {
        final var base = NodeInfo.of(parent) == null ? "" : of(parent);
        return base + "/" + name(missing);
    }

    private String step(final Element element) {
        final var info = NodeInfo.of(element);
        final var step = new StringBuilder(name(info.schema().getQName()));
        switch (info.schema()) {
            case ListSchemaNode list -> {
                for (var key : list.getKeyDefinition()) {
                    final var keyElement = ConfigTree.child(element, key);
                    step.append('[').append(name(key)).append('=');
                    XPathTranslator.literal(step, keyElement == null ? "" : keyElement.getTextContent());
                    step.append(']');
                }
            }
            case LeafListSchemaNode leafList -> {
                step.append("[.=");
                XPathTranslator.literal(step, element.getTextContent());
                step.append(']');
            }
            default -> {
                // containers and leaves are unique under their parent
            }
        }
        return step.toString();
    }

    private String name(final QName name) {
        return model.prefixOf(name.getNamespace()) + ":" + name.getLocalName();
    }
}
