package net.twampagent.netconf.validation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFunction;
import javax.xml.xpath.XPathFunctionException;
import javax.xml.xpath.XPathFunctionResolver;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The XPath functions YANG adds to XPath 1.0 (RFC 7950 section 10), for the JDK's engine. */
final class YangFunctionResolver implements XPathFunctionResolver {
    private final ModelIndex model;
    private final XPathEvaluator evaluator;

    YangFunctionResolver(final ModelIndex model, final XPathEvaluator evaluator) {
        this.model = model;
        this.evaluator = evaluator;
    }

    @Override
    public XPathFunction resolveFunction(final QName name, final int arity) {
        if (!ModelIndex.FUNCTIONS_NAMESPACE.equals(name.getNamespaceURI())) {
            return null;
        }
        return switch (name.getLocalPart()) {
            case "current" -> args -> new Nodes(List.of(evaluator.current()));
            case "deref" -> args -> deref(first(args.get(0)));
            case "derived-from" -> args -> derivedFrom(args.get(0), string(args.get(1)), false);
            case "derived-from-or-self" -> args -> derivedFrom(args.get(0), string(args.get(1)), true);
            case "re-match" -> args -> reMatch(string(args.get(0)), string(args.get(1)));
            case "enum-value" -> args -> enumValue(first(args.get(0)));
            case "bit-is-set" -> args -> bitIsSet(first(args.get(0)), string(args.get(1)));
            default -> null;
        };
    }

    private Nodes deref(final Node node) throws XPathFunctionException {
        if (node == null || !(NodeInfo.of(node) instanceof NodeInfo info)
            || !(info.schema() instanceof TypedDataSchemaNode typed)
            || !(typed.getType() instanceof LeafrefTypeDefinition leafref)) {
            return new Nodes(List.of());
        }
        try {
            return new Nodes(evaluator.leafrefTargets(node, leafref));
        } catch (XPathExpressionException e) {
            throw new XPathFunctionException(e);
        }
    }

    private Boolean derivedFrom(final Object nodes, final String base, final boolean orSelf) {
        final var baseName = identity(base);
        if (baseName == null || !(nodes instanceof NodeList list)) {
            return false;
        }
        for (int i = 0; i < list.getLength(); i++) {
            final var value = identity(list.item(i).getTextContent().strip());
            if (value != null && model.isDerived(value, baseName, orSelf)) {
                return true;
            }
        }
        return false;
    }

    /** An identity from a Clark name (a translated literal) or from a value written with the model's prefixes. */
    private org.opendaylight.yangtools.yang.common.QName identity(final String text) {
        try {
            if (text.startsWith("{")) {
                final int end = text.indexOf('}');
                return org.opendaylight.yangtools.yang.common.QName.create(text.substring(1, end),
                    text.substring(end + 1));
            }
            final int colon = text.indexOf(':');
            if (colon < 0) {
                return null;
            }
            final var namespace = model.namespaceOfPrefix(text.substring(0, colon));
            if (namespace == null) {
                return null;
            }
            final var candidates = model.context().findModuleStatements(
                org.opendaylight.yangtools.yang.common.XMLNamespace.of(namespace));
            for (var module : candidates) {
                final var name = org.opendaylight.yangtools.yang.common.QName.create(module.localQNameModule(),
                    text.substring(colon + 1));
                if (model.isIdentity(name)) {
                    return name;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean reMatch(final String value, final String pattern) throws XPathFunctionException {
        try {
            // An XSD pattern is implicitly anchored, as matches() is.
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new XPathFunctionException("re-match() pattern '" + pattern + "' is not a valid expression");
        }
    }

    private static Double enumValue(final Node node) {
        if (node != null && NodeInfo.of(node) instanceof NodeInfo info
            && info.schema() instanceof TypedDataSchemaNode typed
            && typed.getType() instanceof EnumTypeDefinition enumeration) {
            final var name = node.getTextContent();
            for (var pair : enumeration.getValues()) {
                if (pair.getName().equals(name)) {
                    return (double) pair.getValue();
                }
            }
        }
        return Double.NaN;
    }

    private static Boolean bitIsSet(final Node node, final String bit) {
        if (node == null) {
            return false;
        }
        for (var set : node.getTextContent().strip().split("\\s+")) {
            if (set.equals(bit)) {
                return true;
            }
        }
        return false;
    }

    private static Node first(final Object arg) {
        return arg instanceof NodeList list && list.getLength() > 0 ? list.item(0) : null;
    }

    /** XPath's string(): a node-set gives the text of its first node. */
    private static String string(final Object arg) {
        return switch (arg) {
            case NodeList list -> list.getLength() > 0 ? list.item(0).getTextContent() : "";
            case Double number when number == Math.rint(number) && !number.isInfinite() ->
                Long.toString(number.longValue());
            case null -> "";
            default -> String.valueOf(arg);
        };
    }

    /** A node-set handed back to the engine. */
    private record Nodes(List<Node> nodes) implements NodeList {
        @Override
        public Node item(final int index) {
            return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
        }

        @Override
        public int getLength() {
            return nodes.size();
        }
    }
}
