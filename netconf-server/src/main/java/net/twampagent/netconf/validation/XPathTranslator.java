package net.twampagent.netconf.validation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPathExpressionException;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.UnresolvedQName.Unqualified;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.model.api.PathExpression.DerefSteps;
import org.opendaylight.yangtools.yang.model.api.PathExpression.LocationPathSteps;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangBooleanConstantExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFilterExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.AxisStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NamespaceStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NodeTypeStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.ResolvedQNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.Step;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.UnresolvedQNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNegateExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNumberExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangQNameExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression.QualifiedBound;

/**
 * Writes yangtools' parsed form of a YANG XPath expression as plain XPath 1.0 text for jaxen.
 *
 * <p>Every node name gets a generated prefix because an unprefixed name in XPath 1.0 matches only elements in no
 * namespace, whereas in YANG it means the module of the expression. YANG's own functions get the
 * {@value ModelIndex#FUNCTIONS_PREFIX} prefix so the engine hands them to {@link YangFunctions}. An absolute
 * path starts at the synthetic element that stands for the datastore root ({@code /*}), because an XML document
 * cannot hold the several top-level nodes of a datastore directly.
 */
final class XPathTranslator {
    private static final Map<QName, YangFunction> FUNCTIONS = new HashMap<>();

    static {
        for (var function : YangFunction.values()) {
            FUNCTIONS.put(function.getIdentifier(), function);
        }
    }

    private final ModelIndex model;

    XPathTranslator(final ModelIndex model) {
        this.model = model;
    }

    /**
     * Translates a {@code must} or {@code when}.
     *
     * @param local the namespace of the node the expression is on, which its unprefixed names belong to
     *              (RFC 7950 section 6.4.1)
     */
    String translate(final QualifiedBound expression, final XMLNamespace local) {
        final var out = new StringBuilder();
        new Writer(out, expression, local).expr(expression.getRootExpr());
        return out.toString();
    }

    /** Translates a leafref path; {@code local} is the leafref's namespace. */
    String translate(final PathExpression path, final XMLNamespace local) {
        final var out = new StringBuilder();
        final var writer = new Writer(out, null, local);
        switch (path.getSteps()) {
            case LocationPathSteps steps -> writer.location(steps.getLocationPath());
            case DerefSteps steps -> {
                out.append(ModelIndex.FUNCTIONS_PREFIX).append(":deref(");
                writer.location(steps.getDerefArgument());
                out.append(")/");
                writer.steps(steps.getRelativePath().getSteps());
            }
            default -> throw new IllegalArgumentException("unsupported leafref path " + path.getOriginalString());
        }
        return out.toString();
    }

    /** One translation: the text being written, the expression's prefix context and its local namespace. */
    private final class Writer {
        private final StringBuilder out;
        private final YangXPathExpression context;
        private final XMLNamespace local;

        Writer(final StringBuilder out, final YangXPathExpression context, final XMLNamespace local) {
            this.out = out;
            this.context = context;
            this.local = local;
        }

        private void expr(final YangExpr expr) {
            switch (expr) {
                case YangBooleanConstantExpr constant -> out.append(constant.getValue() ? "true()" : "false()");
                case YangLiteralExpr literal -> XPathTranslator.literal(out, literal.getLiteral());
                case YangNumberExpr number -> number(out, number.getNumber());
                case YangNegateExpr negate -> {
                    out.append("-(");
                    expr(negate.getSubExpr());
                    out.append(')');
                }
                case YangBinaryExpr binary -> {
                    final boolean equality = binary.getOperator() == YangBinaryOperator.EQUALS
                        || binary.getOperator() == YangBinaryOperator.NOT_EQUALS;
                    out.append('(');
                    operand(binary.getLeftExpr(), equality);
                    out.append(' ').append(binary.getOperator()).append(' ');
                    operand(binary.getRightExpr(), equality);
                    out.append(')');
                }
                case YangNaryExpr nary -> {
                    final var separator = " " + nary.getOperator() + " ";
                    out.append('(');
                    var first = true;
                    for (var operand : nary.getExpressions()) {
                        if (!first) {
                            out.append(separator);
                        }
                        first = false;
                        expr(operand);
                    }
                    out.append(')');
                }
                case YangFunctionCallExpr call -> function(call);
                case YangLocationPath path -> location(path);
                case YangFilterExpr filter -> {
                    out.append('(');
                    expr(filter.getExpr());
                    out.append(')');
                    predicates(filter.getPredicates());
                }
                case YangPathExpr path -> {
                    out.append('(');
                    expr(path.getFilterExpr());
                    out.append(')');
                    final var location = path.getLocationPath();
                    if (location.isPresent()) {
                        out.append('/');
                        steps(location.orElseThrow().getSteps());
                    }
                }
                case YangQNameExpr.Resolved name -> XPathTranslator.literal(out, identityName(name.getQName()));
                default -> throw new IllegalArgumentException("unsupported XPath construct " + expr);
            }
        }

        /**
         * An operand of a comparison. A literal naming an identity is written with the model's prefix of the
         * identity's module, the prefix identityref values carry in the DOM, whatever prefix the module that
         * wrote the rule imports it under.
         */
        private void operand(final YangExpr operand, final boolean equality) {
            if (equality && context != null && operand instanceof YangLiteralExpr literal
                && literal.getLiteral().indexOf(':') > 0) {
                final var identity = identityOrNull(literal);
                if (identity != null) {
                    XPathTranslator.literal(out, model.prefixOf(identity.getNamespace()) + ":"
                        + identity.getLocalName());
                    return;
                }
            }
            expr(operand);
        }

        private QName identityOrNull(final YangLiteralExpr literal) {
            try {
                return context.interpretAsQName(literal) instanceof YangQNameExpr.Resolved resolved
                    && model.isIdentity(resolved.getQName()) ? resolved.getQName() : null;
            } catch (XPathExpressionException | IllegalArgumentException e) {
                // Not a name in this module's prefixes: an ordinary string such as a time of day.
                return null;
            }
        }

        private void function(final YangFunctionCallExpr call) {
            final var function = FUNCTIONS.get(call.getName());
            if (function == null) {
                throw new IllegalArgumentException("unknown XPath function " + call.getName().getLocalName());
            }
            final String name = call.getName().getLocalName();
            final boolean yangSpecific = switch (function) {
                case CURRENT, DEREF, DERIVED_FROM, DERIVED_FROM_OR_SELF, RE_MATCH, ENUM_VALUE, BIT_IS_SET -> true;
                default -> false;
            };
            if (yangSpecific) {
                out.append(ModelIndex.FUNCTIONS_PREFIX).append(':');
            }
            out.append(name).append('(');
            final List<YangExpr> args = call.getArguments();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                final var arg = args.get(i);
                if (i == 1 && (function == YangFunction.DERIVED_FROM || function == YangFunction.DERIVED_FROM_OR_SELF)
                    && arg instanceof YangLiteralExpr literal && context != null) {
                    // The identity is named with the module's prefixes: resolve it now, while they are known.
                    XPathTranslator.literal(out, identityName(resolveQName(literal)));
                } else {
                    expr(arg);
                }
            }
            out.append(')');
        }

        private QName resolveQName(final YangLiteralExpr literal) {
            try {
                return context.interpretAsQName(literal) instanceof YangQNameExpr.Resolved resolved
                    ? resolved.getQName() : null;
            } catch (XPathExpressionException e) {
                throw new IllegalArgumentException("identity " + literal.getLiteral() + " is not known", e);
            }
        }

        private void location(final YangLocationPath path) {
            final var steps = path.getSteps();
            if (path.isAbsolute()) {
                out.append("/*");
                if (!steps.isEmpty()) {
                    out.append('/');
                }
            } else if (steps.isEmpty()) {
                out.append('.');
                return;
            }
            steps(steps);
        }

        private void steps(final List<Step> steps) {
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) {
                    out.append('/');
                }
                step(steps.get(i));
            }
        }

        private void step(final Step step) {
            final var axis = step.getAxis();
            final var predicates = step.getPredicates();
            switch (step) {
                case ResolvedQNameStep named -> {
                    axis(axis);
                    final var qname = named.getQName();
                    out.append(model.xpathPrefixOf(qname.getNamespace())).append(':').append(qname.getLocalName());
                }
                case UnresolvedQNameStep unresolved when unresolved.getQName() instanceof Unqualified name -> {
                    axis(axis);
                    out.append(model.xpathPrefixOf(local)).append(':').append(name.getLocalName());
                }
                case NamespaceStep any -> {
                    axis(axis);
                    out.append(model.xpathPrefixOf(any.getNamespace().namespace())).append(":*");
                }
                case NodeTypeStep typed -> {
                    axis(axis);
                    out.append(typed.getNodeType()).append("()");
                }
                case AxisStep bare -> {
                    if (predicates.isEmpty() && axis == YangXPathAxis.PARENT) {
                        out.append("..");
                    } else if (predicates.isEmpty() && axis == YangXPathAxis.SELF) {
                        out.append('.');
                    } else {
                        axis(axis);
                        out.append("node()");
                    }
                }
                default -> throw new IllegalArgumentException("unsupported path step " + step);
            }
            predicates(predicates);
        }

        private void axis(final YangXPathAxis axis) {
            if (axis != YangXPathAxis.CHILD) {
                out.append(axis).append("::");
            }
        }

        private void predicates(final Iterable<YangExpr> predicates) {
            for (var predicate : predicates) {
                out.append('[');
                expr(predicate);
                out.append(']');
            }
        }
    }

    /** Identities travel inside XPath as Clark names, which need no prefix context to resolve. */
    static String identityName(final QName name) {
        return "{" + name.getNamespace() + "}" + name.getLocalName();
    }

    private static void number(final StringBuilder out, final Number number) {
        if (number instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else {
            final double value = number.doubleValue();
            if (value == Math.rint(value) && !Double.isInfinite(value)) {
                out.append((long) value);
            } else {
                out.append(BigDecimal.valueOf(value).toPlainString());
            }
        }
    }

    static void literal(final StringBuilder out, final String text) {
        if (text.indexOf('\'') < 0) {
            out.append('\'').append(text).append('\'');
        } else if (text.indexOf('"') < 0) {
            out.append('"').append(text).append('"');
        } else {
            // XPath 1.0 has no escape inside literals: glue the pieces together.
            out.append("concat('");
            out.append(text.replace("'", "', \"'\", '"));
            out.append("')");
        }
    }
}
