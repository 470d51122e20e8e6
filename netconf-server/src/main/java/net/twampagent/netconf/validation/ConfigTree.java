package net.twampagent.netconf.validation;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Navigation of the validator's DOM copy by YANG names, shared by the builder and the checks. */
final class ConfigTree {
    private ConfigTree() {
    }

    static boolean matches(final Node node, final QName name) {
        return node instanceof Element
            && name.getLocalName().equals(node.getLocalName())
            && name.getNamespace().toString().equals(node.getNamespaceURI());
    }

    /** The first child element with this name, or {@code null}. */
    static Element child(final Element parent, final QName name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (matches(node, name)) {
                return (Element) node;
            }
        }
        return null;
    }

    static List<Element> children(final Element parent, final QName name) {
        final var found = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (matches(node, name)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    /** Every data element under the root, in document order. */
    static List<Element> descendants(final Element root) {
        final var found = new ArrayList<Element>();
        collect(root, found);
        return found;
    }

    private static void collect(final Element parent, final List<Element> found) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
                collect(element, found);
            }
        }
    }

    /** The case of a choice that has data under a parent, or {@code null} when none has. */
    static CaseSchemaNode activeCase(final Element parent, final ChoiceSchemaNode choice) {
        for (var caseSchema : choice.getCases()) {
            if (hasData(parent, caseSchema)) {
                return caseSchema;
            }
        }
        return null;
    }

    private static boolean hasData(final Element parent, final DataNodeContainer schema) {
        for (var child : schema.getChildNodes()) {
            if (child instanceof ChoiceSchemaNode nested) {
                if (activeCase(parent, nested) != null) {
                    return true;
                }
            } else if (child(parent, child.getQName()) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether a schema node is configuration (state data has no place in a configuration datastore). */
    static boolean isConfiguration(final DataSchemaNode schema) {
        return schema.effectiveConfig().orElse(Boolean.TRUE);
    }

    /** Whether a node is still in the tree (a false {@code when} may have removed it or an ancestor). */
    static boolean attached(final Node node, final Element root) {
        for (var current = node; current != null; current = current.getParentNode()) {
            if (current == root) {
                return true;
            }
        }
        return false;
    }
}
