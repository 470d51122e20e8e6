package net.twampagent.netconf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs translated expressions over the DOM copy for one validation. Not thread-safe (neither is the JDK's compiled
 * XPath): each validation makes its own. It also remembers the node {@code current()} stands for, which the JDK
 * does not tell an extension function.
 */
final class XPathEvaluator {
    private final ModelIndex model;
    private final XPath xpath;
    private final Map<String, XPathExpression> compiled = new HashMap<>();
    private Node current;

    XPathEvaluator(final ModelIndex model) {
        this.model = model;
        xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(model.xpathNamespaces());
        xpath.setXPathFunctionResolver(new YangFunctionResolver(model, this));
    }

    boolean test(final String expression, final Node context) throws XPathExpressionException {
        return (Boolean) evaluate(expression, context, XPathConstants.BOOLEAN);
    }

    NodeList select(final String expression, final Node context) throws XPathExpressionException {
        return (NodeList) evaluate(expression, context, XPathConstants.NODESET);
    }

    /** The nodes a leafref (or a leaf-list entry of leafref type) points at: those of its path with its value. */
    List<Node> leafrefTargets(final Node leaf, final LeafrefTypeDefinition leafref) throws XPathExpressionException {
        final var namespace = NodeInfo.of(leaf).schema().getQName().getNamespace();
        final var candidates = select(model.translate(leafref.getPathStatement(), namespace), leaf);
        final var value = leaf.getTextContent();
        final var targets = new ArrayList<Node>();
        for (int i = 0; i < candidates.getLength(); i++) {
            if (value.equals(candidates.item(i).getTextContent())) {
                targets.add(candidates.item(i));
            }
        }
        return targets;
    }

    Node current() {
        return current;
    }

    private Object evaluate(final String expression, final Node context, final javax.xml.namespace.QName type)
            throws XPathExpressionException {
        var compiledExpression = compiled.get(expression);
        if (compiledExpression == null) {
            compiledExpression = xpath.compile(expression);
            compiled.put(expression, compiledExpression);
        }
        // Expressions nest (deref() evaluates a leafref path): restore the outer current() afterwards.
        final var outer = current;
        current = context;
        try {
            return compiledExpression.evaluate(context, type);
        } finally {
            current = outer;
        }
    }
}
