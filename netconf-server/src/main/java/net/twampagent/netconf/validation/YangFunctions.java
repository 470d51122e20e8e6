package net.twampagent.netconf.validation;

import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.jaxen.Context;
import org.jaxen.Function;
import org.jaxen.FunctionCallException;
import org.jaxen.JaxenException;
import org.jaxen.XPathFunctionContext;
import org.jaxen.function.StringFunction;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.w3c.dom.Node;

/** XPath 1.0's core functions plus those YANG adds (RFC 7950 section 10), for jaxen. */
final class YangFunctions extends XPathFunctionContext {
    private final ModelIndex model;
    private final XPathEvaluator evaluator;

    YangFunctions(final ModelIndex model, final XPathEvaluator evaluator) {
        super(false);
        this.model = model;
        this.evaluator = evaluator;
        register("current", (context, args) -> List.of(evaluator.current()));
        register("deref", (context, args) -> deref(first(args, 0)));
        register("derived-from", (context, args) -> derivedFrom(args.get(0), string(context, args, 1), false));
        register("derived-from-or-self", (context, args) -> derivedFrom(args.get(0), string(context, args, 1), true));
        register("re-match", (context, args) -> reMatch(string(context, args, 0), string(context, args, 1)));
        register("enum-value", (context, args) -> enumValue(first(args, 0)));
        register("bit-is-set", (context, args) -> bitIsSet(first(args, 0), string(context, args, 1)));
    }

    private void register(final String name, final Function function) {
        registerFunction(ModelIndex.FUNCTIONS_NAMESPACE, name, function);
    }

    private List<Node> deref(final Node node) throws FunctionCallException {
        if (node == null || !(NodeInfo.of(node) instanceof NodeInfo info)
            || !(info.schema() instanceof TypedDataSchemaNode typed)
            || !(typed.getType() instanceof LeafrefTypeDefinition leafref)) {
            return List.of();
        }
        try {
            return evaluator.leafrefTargets(node, leafref);
        } catch (JaxenException e) {
            throw new FunctionCallException("deref() cannot follow " + leafref.getPathStatement().getOriginalString(),
                e);
        }
    }

    private Boolean derivedFrom(final Object nodes, final String base, final boolean orSelf) {
        final var baseName = identity(base);
        if (baseName == null || !(nodes instanceof List<?> list)) {
            return false;
        }
        for (var item : list) {
            if (item instanceof Node node) {
                final var value = identity(node.getTextContent().strip());
                if (value != null && model.isDerived(value, baseName, orSelf)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An identity from a Clark name (a translated literal) or from a value written with the model's prefixes. */
    private QName identity(final String text) {
        try {
            if (text.startsWith("{")) {
                final int end = text.indexOf('}');
                return QName.create(text.substring(1, end), text.substring(end + 1));
            }
            final int colon = text.indexOf(':');
            final var namespace = colon < 0 ? null : model.namespaceOfPrefix(text.substring(0, colon));
            if (namespace == null) {
                return null;
            }
            for (var module : model.context().findModuleStatements(XMLNamespace.of(namespace))) {
                final var name = QName.create(module.localQNameModule(), text.substring(colon + 1));
                if (model.isIdentity(name)) {
                    return name;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean reMatch(final String value, final String pattern) throws FunctionCallException {
        try {
            return XsdRegex.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new FunctionCallException("re-match() pattern '" + pattern + "' is not a valid expression");
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
        if (node != null) {
            for (var set : node.getTextContent().strip().split("\\s+")) {
                if (set.equals(bit)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first node of a node-set argument, or {@code null}. */
    private static Node first(final List<?> args, final int index) {
        return args.size() > index && args.get(index) instanceof List<?> list && !list.isEmpty()
            && list.getFirst() instanceof Node node ? node : null;
    }

    /** XPath's string() of an argument. */
    private static String string(final Context context, final List<?> args, final int index) {
        return args.size() > index ? StringFunction.evaluate(args.get(index), context.getNavigator()) : "";
    }
}
