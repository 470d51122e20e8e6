package net.twampagent.netconf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jaxen.JaxenException;
import org.jaxen.dom.DOMXPath;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.w3c.dom.Node;

/**
 * Runs translated expressions over the DOM copy for one validation, with jaxen, which walks the DOM as it is
 * (the JDK's engine rebuilds a tree of the whole document for each evaluation, which made a configuration of a
 * few hundred nodes cost a second). Not thread-safe: each validation makes its own. It also remembers the node
 * {@code current()} stands for, which an XPath 1.0 engine does not tell an extension function.
 */
final class XPathEvaluator {
    private final ModelIndex model;
    private final YangFunctions functions;
    private final Map<String, DOMXPath> compiled = new HashMap<>();
    private Node current;

    XPathEvaluator(final ModelIndex model) {
        this.model = model;
        functions = new YangFunctions(model, this);
    }

    boolean test(final String expression, final Node context) throws JaxenException {
        final var outer = enter(context);
        try {
            return compile(expression).booleanValueOf(context);
        } finally {
            current = outer;
        }
    }

    List<?> select(final String expression, final Node context) throws JaxenException {
        final var outer = enter(context);
        try {
            return compile(expression).selectNodes(context);
        } finally {
            current = outer;
        }
    }

    /** The nodes a leafref (or a leaf-list entry of leafref type) points at: those of its path with its value. */
    List<Node> leafrefTargets(final Node leaf, final LeafrefTypeDefinition leafref) throws JaxenException {
        final var namespace = NodeInfo.of(leaf).schema().getQName().getNamespace();
        final var value = leaf.getTextContent();
        final var targets = new ArrayList<Node>();
        for (var candidate : select(model.translate(leafref.getPathStatement(), namespace), leaf)) {
            if (candidate instanceof Node node && value.equals(node.getTextContent())) {
                targets.add(node);
            }
        }
        return targets;
    }

    Node current() {
        return current;
    }

    /** Expressions nest (deref() evaluates a leafref path): the caller restores the outer current() after. */
    private Node enter(final Node context) {
        final var outer = current;
        current = context;
        return outer;
    }

    private DOMXPath compile(final String expression) throws JaxenException {
        var xpath = compiled.get(expression);
        if (xpath == null) {
            xpath = new DOMXPath(expression);
            xpath.setNamespaceContext(model.xpathNamespaces());
            xpath.setFunctionContext(functions);
            compiled.put(expression, xpath);
        }
        return xpath;
    }
}
